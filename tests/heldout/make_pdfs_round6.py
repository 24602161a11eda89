#!/usr/bin/env python3
"""Build the round-6 synthetic held-out PDFs in this folder.

    .venv/bin/python tests/heldout/make_pdfs_round6.py           # (re)build both PDFs
    .venv/bin/python tests/heldout/make_pdfs_round6.py --check   # build, then check both gold files

* ``fortune-retail-fy2024.zh-hant.pdf`` - Traditional Chinese, Hong Kong supermarket chain, fiscal year
  1 April 2023 - 31 March 2024 (columns ``2024財年`` / ``2023財年``). Drawn tables with a unit column,
  a gender-by-column headcount table (current year only), a table whose values carry glued units
  (``1,234.5公噸``), ``不適用`` cells, and prose figures with 約/逾.
* ``summit-mining-2023.en.pdf`` - English, mining company, calendar 2023 with 2022 and 2021 columns,
  the unit column placed after the values, totals printed below their parts, a superscript ``R``
  (restated) marker after one value.

Everything printed is defined in this file (no external data, no font files: Chinese text uses
reportlab's built-in CID font ``MSung-Light``; English uses Helvetica). Tables are drawn cell by cell
with ``drawString`` at fixed x positions. ``invariant=1`` makes the output byte-for-byte reproducible.

This script knows nothing about the extractor and never imports it. ``--check`` verifies that every
gold record's ``raw_value`` is among the strings drawn on its ``page`` and (if pypdfium2 is importable)
in the text layer of that page (thousands separators and whitespace ignored), and that each record is
well formed.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
CJK = "MSung-Light"
EN, ENB = "Helvetica", "Helvetica-Bold"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))

W, H = A4
LEFT, RIGHT = 56.0, W - 56.0
TOP, BOTTOM = H - 80.0, 60.0


class Doc:
    """A canvas that remembers every string drawn on every page."""

    def __init__(self, path: Path, title: str, header: str, footer: str):
        self.path = path
        self.header, self.footer = header, footer
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("esglens held-out test set (synthetic)")
        self.pages: list[list[str]] = [[]]
        self._furniture()

    def text(self, x, y, s, font=EN, size=9.5, align="left", gray=0.0):
        self.c.setFont(font, size)
        self.c.setFillGray(gray)
        if align == "right":
            self.c.drawRightString(x, y, s)
        elif align == "center":
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)
        self.c.setFillGray(0)
        self.pages[-1].append(s)

    def rule(self, y, x0=LEFT, x1=RIGHT, width=0.5):
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)

    def band(self, y, h, gray=0.9):
        self.c.setFillGray(gray)
        self.c.rect(LEFT, y, RIGHT - LEFT, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    def _furniture(self):
        font = CJK if re.search(r"[\u4e00-\u9fff]", self.header) else EN
        self.text(LEFT, H - 44, self.header, font, 8, gray=0.35)
        self.rule(H - 50, width=0.3)
        self.text(W / 2, 36, self.footer.format(n=len(self.pages)), font, 8, "center", gray=0.35)

    def new_page(self):
        self.c.showPage()
        self.pages.append([])
        self._furniture()

    def save(self):
        self.c.save()


TOKEN = re.compile(r"[A-Za-z0-9,.%$'’()/+\-–²³₂:]+ ?|.", re.S)


def wrap(text, font, size, maxw):
    lines, cur = [], ""
    for tok in TOKEN.findall(text):
        if pdfmetrics.stringWidth(cur + tok, font, size) > maxw and cur.strip():
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def para(doc, y, text, font, size=9.8, lead=15.5, gap=7.0, indent=0.0):
    for ln in wrap(text, font, size, RIGHT - LEFT - indent):
        doc.text(LEFT + indent, y, ln, font, size)
        y -= lead
    return y - gap


def heading(doc, y, s, font, size=13):
    doc.text(LEFT, y, s, font, size)
    doc.rule(y - 5, width=0.8)
    return y - 24


# ==================================================================================================
# 1. Fortune Retail (Traditional Chinese, FY2024)
# ==================================================================================================
ZH_FOOT = "富港超市控股有限公司 二零二三/二四年度環境、社會及管治報告  第{n}頁"


def build_fortune() -> Doc:
    d = Doc(HERE / "fortune-retail-fy2024.zh-hant.pdf",
            "富港超市控股有限公司 二零二三/二四年度環境、社會及管治報告",
            "富港超市控股有限公司｜環境、社會及管治報告 2023/24", ZH_FOOT)
    # ---------------------------------------------------------------- p1 cover + about
    y = TOP - 20
    d.text(LEFT, y, "富港超市控股有限公司", CJK, 22)
    y -= 30
    y -= 10
    d.text(LEFT, y, "二零二三/二四財政年度 環境、社會及管治報告", CJK, 15)
    y -= 40
    y = heading(d, y, "關於本報告", CJK)
    y = para(d, y, "本報告乃根據香港聯合交易所有限公司證券上市規則附錄C2《環境、社會及管治報告守則》編製，"
                   "涵蓋富港超市控股有限公司（「本公司」）及其附屬公司（統稱「本集團」）於二零二三年四月一日至"
                   "二零二四年三月三十一日止財政年度（「2024財年」或「本年度」）在香港的超級市場、便利店、"
                   "中央配送中心及總辦事處的表現。比較數字為截至二零二三年三月三十一日止財政年度（「2023財年」）。", CJK)
    y = para(d, y, "本集團於香港經營「富港超市」及「富港便利」兩個品牌，於2024年3月31日共有門店168間，"
                   "並營運位於葵涌及屯門的兩個配送中心。本年度本集團收益為港幣86.42億元"
                   "（2023財年：港幣81.15億元），主要來自新鮮食品、包裝食品及日用品銷售。", CJK)
    y = para(d, y, "於2024年3月31日，本集團共聘用7,300名僱員（2023財年：7,045名），其中約35%為兼職員工。"
                   "僱員的性別、年齡及僱傭類別分佈載於第4頁。", CJK)
    y = heading(d, y - 6, "董事會聲明", CJK)
    y = para(d, y, "董事會全面負責本集團的環境、社會及管治策略及匯報。本集團已於2023財年訂立以2022財年為基準、"
                   "於2030財年前將範圍1及範圍2溫室氣體排放密度減少30%的目標，並每年檢討進度。本報告的數據已經"
                   "內部審核部門覆核。", CJK)
    # ---------------------------------------------------------------- p2 env table 1
    d.new_page()
    y = TOP
    y = heading(d, y, "一、排放物及能源", CJK)
    y = para(d, y, "本集團的溫室氣體排放主要來自門店及配送中心的冷凍冷藏設備及照明所耗用的外購電力，"
                   "以及配送車隊使用的柴油。下表列出本年度的主要環境關鍵績效指標。", CJK)
    y -= 4
    d.text(LEFT, y, "表1：排放物及能源關鍵績效指標", CJK, 10.5)
    y -= 8
    xs_unit, x24, x23 = 262.0, 430.0, 530.0
    d.band(y - 16, 16)
    d.text(LEFT + 4, y - 12, "指標", CJK, 9.5)
    d.text(xs_unit, y - 12, "單位", CJK, 9.5)
    d.text(x24, y - 12, "2024財年", CJK, 9.5, "right")
    d.text(x23, y - 12, "2023財年", CJK, 9.5, "right")
    y -= 32
    rows = [
        ("廢氣排放", None, None, None),
        ("氮氧化物（NOx）", "公斤", "412.6", "438.1"),
        ("溫室氣體排放", None, None, None),
        ("範圍1直接排放", "噸二氧化碳當量", "3,184.2", "3,297.5"),
        ("範圍2能源間接排放", "噸二氧化碳當量", "41,356.8", "43,018.6"),
        ("溫室氣體排放總量（範圍1及2）", "噸二氧化碳當量", "44,541.0", "46,361.1"),
        ("溫室氣體排放密度¹", "噸二氧化碳當量/平方米", "0.147", "0.156"),
        ("能源", None, None, None),
        ("外購電力", "千瓦時", "106,043,100", "111,736,600"),
        ("天台太陽能發電", "千瓦時", "1,286,400", "不適用"),
        ("煤氣", "千瓦時", "不適用", "不適用"),
        ("柴油（配送車隊）", "公升", "312,480", "338,950"),
        ("能源消耗總量²", "兆瓦時", "110,673.0", "115,363.4"),
        ("能源消耗密度¹", "兆瓦時/平方米", "0.365", "0.389"),
        ("其他", None, None, None),
        ("門店及配送中心總樓面面積", "平方米", "302,800", "296,900"),
    ]
    for lab, unit, a, b in rows:
        if unit is None:
            d.text(LEFT + 4, y, lab, CJK, 9.5, gray=0.25)
        else:
            d.text(LEFT + 14, y, lab, CJK, 9.2)
            d.text(xs_unit, y, unit, CJK, 8.6)
            d.text(x24, y, a, CJK, 9.2, "right")
            d.text(x23, y, b, CJK, 9.2, "right")
        y -= 19
    d.rule(y + 10)
    y -= 6
    for n in ["註1：密度以門店及配送中心總樓面面積計算。",
              "註2：能源消耗總量包括外購電力、天台太陽能發電及柴油（按每公升10.7千瓦時換算）。",
              "註：本集團於2023財年第四季方於屯門配送中心安裝太陽能板，故2023財年不適用；本集團並無使用煤氣。"]:
        d.text(LEFT, y, n, CJK, 7.8)
        y -= 13
    y -= 12
    y = para(d, y, "本年度範圍1及範圍2排放總量較2023財年下降約3.9%，主要由於更換高效冷櫃及LED照明。", CJK)
    # ---------------------------------------------------------------- p3 resources, glued units
    d.new_page()
    y = TOP
    y = heading(d, y, "二、資源使用及廢棄物管理", CJK)
    y = para(d, y, "門店用水主要用於鮮肉及海鮮處理、清潔及空調冷卻塔。廢棄物主要為紙皮、塑膠包裝及廚餘；"
                   "有害廢棄物為更換的光管及電池，交由持牌收集商處理。", CJK)
    d.text(LEFT, y, "表2：資源使用及廢棄物", CJK, 10.5)
    y -= 8
    c24, c23 = 400.0, 530.0
    d.band(y - 16, 16)
    d.text(LEFT + 4, y - 12, "項目", CJK, 9.5)
    d.text(c24, y - 12, "2024財年", CJK, 9.5, "right")
    d.text(c23, y - 12, "2023財年", CJK, 9.5, "right")
    y -= 32
    rows2 = [
        ("耗水量", "486,215立方米", "502,377立方米"),
        ("耗水密度", "1.61立方米/平方米", "1.69立方米/平方米"),
        ("有害廢棄物（光管及電池）", "3.8公噸", "4.1公噸"),
        ("無害廢棄物", "5,812.4公噸", "6,105.9公噸"),
        ("　其中：回收廚餘", "1,946.3公噸", "1,702.8公噸"),
        ("塑膠包裝物料", "1,028.6公噸", "1,116.4公噸"),
        ("紙類包裝物料", "2,415.2公噸", "2,398.7公噸"),
        ("包裝物料總量", "3,443.8公噸", "3,515.1公噸"),
        ("包裝物料密度", "11.37公斤/平方米", "11.84公斤/平方米"),
        ("可重用購物袋銷售", "不適用", "不適用"),
    ]
    for lab, a, b in rows2:
        d.text(LEFT + 4, y, lab, CJK, 9.2)
        d.text(c24, y, a, CJK, 9.2, "right")
        d.text(c23, y, b, CJK, 9.2, "right")
        y -= 19
    d.rule(y + 10)
    y -= 6
    d.text(LEFT, y, "註：密度以總樓面面積計算（見表1）。可重用購物袋由供應商寄售，不計入包裝物料。", CJK, 7.8)
    y -= 28
    y = para(d, y, "本年度本集團向慈善機構捐出仍可安全食用的剩餘食物約380公噸，並在42間門店設置廚餘回收機。"
                   "全部門店已停止免費派發膠袋，本集團目標於2026財年前將塑膠包裝物料用量減少15%。", CJK)
    # ---------------------------------------------------------------- p4 employees
    d.new_page()
    y = TOP
    y = heading(d, y, "三、僱傭及勞工常規", CJK)
    y = para(d, y, "本集團的員工主要為門店前線員工、配送中心倉務及司機，以及總辦事處職員。下表按性別列出"
                   "截至2024年3月31日的僱員人數。", CJK)
    d.text(LEFT, y, "表3：2024財年僱員人數（人）", CJK, 10.5)
    y -= 8
    gx = [330.0, 430.0, 530.0]
    d.band(y - 16, 16)
    d.text(LEFT + 4, y - 12, "類別", CJK, 9.5)
    for x, s in zip(gx, ["男性", "女性", "總計"]):
        d.text(x, y - 12, s, CJK, 9.5, "right")
    y -= 32
    rows3 = [
        ("按年齡組別", None),
        ("30歲以下", ("612", "845", "1,457")),
        ("30至50歲", ("1,384", "2,106", "3,490")),
        ("50歲以上", ("936", "1,417", "2,353")),
        ("按僱傭類別", None),
        ("全職", ("2,108", "2,651", "4,759")),
        ("兼職", ("824", "1,717", "2,541")),
        ("總計", ("2,932", "4,368", "7,300")),
    ]
    for lab, vals in rows3:
        if vals is None:
            d.text(LEFT + 4, y, lab, CJK, 9.5, gray=0.25)
        else:
            d.text(LEFT + 14, y, lab, CJK, 9.2)
            for x, v in zip(gx, vals):
                d.text(x, y, v, CJK, 9.2, "right")
        y -= 19
    d.rule(y + 10)
    y -= 22
    d.text(LEFT, y, "表4：社會關鍵績效指標", CJK, 10.5)
    y -= 8
    d.band(y - 16, 16)
    d.text(LEFT + 4, y - 12, "指標", CJK, 9.5)
    d.text(xs_unit, y - 12, "單位", CJK, 9.5)
    d.text(x24, y - 12, "2024財年", CJK, 9.5, "right")
    d.text(x23, y - 12, "2023財年", CJK, 9.5, "right")
    y -= 32
    rows4 = [
        ("僱員流失率", "%", "38.2", "41.5"),
        ("因工亡故人數", "人", "0", "0"),
        ("因工傷損失工作日數", "日", "1,846", "2,013"),
        ("受訓僱員百分比", "%", "86.4", "82.7"),
        ("每名僱員平均受訓時數", "小時", "14.2", "12.8"),
        ("供應商數目（按地區）", None, None, None),
        ("香港", "家", "684", "662"),
        ("中國內地", "家", "318", "301"),
        ("海外", "家", "124", "121"),
        ("供應商總數", "家", "1,126", "1,084"),
        ("接獲產品及服務相關投訴", "宗", "1,375", "1,512"),
        ("已審結的貪污訴訟案件", "宗", "0", "0"),
        ("反貪污培訓時數", "小時", "3,860", "3,120"),
    ]
    for lab, unit, a, b in rows4:
        if unit is None:
            d.text(LEFT + 4, y, lab, CJK, 9.5, gray=0.25)
        else:
            d.text(LEFT + 14, y, lab, CJK, 9.2)
            d.text(xs_unit, y, unit, CJK, 8.6)
            d.text(x24, y, a, CJK, 9.2, "right")
            d.text(x23, y, b, CJK, 9.2, "right")
        y -= 19
    d.rule(y + 10)
    # ---------------------------------------------------------------- p5 community
    d.new_page()
    y = TOP
    y = heading(d, y, "四、社區投資", CJK)
    y = para(d, y, "本集團關注長者及基層家庭的食物需要，透過「富港愛心食物站」與區內非政府機構合作。"
                   "2024財年，本集團向慈善團體捐款港幣約250萬元（2023財年：港幣約210萬元），"
                   "並贊助十八區社區飯堂。", CJK)
    y = para(d, y, "本年度共有約480名員工參與義工服務，義工時數逾3,200小時，服務內容包括探訪長者、"
                   "派發食物包及協助社區回收活動。本集團計劃於2025財年將義工時數提升至4,000小時。", CJK)
    y = heading(d, y - 6, "五、展望", CJK)
    y = para(d, y, "未來三年，本集團將於所有新開設門店採用天然冷媒冷櫃，並擴大天台太陽能系統至5間門店，"
                   "以配合2030財年的減排目標。", CJK)
    d.save()
    return d


# ==================================================================================================
# 2. Summit Mining (English, 2023)
# ==================================================================================================
def en_table(d: Doc, y: float, caption: str, rows: list, restated: tuple | None = None) -> float:
    """Indicator | 2023 | 2022 | 2021 | Unit; rows: (label, v23, v22, v21, unit, kind)."""
    xl, xv, xu = LEFT + 4, [330.0, 398.0, 466.0], 478.0
    d.text(LEFT, y, caption, ENB, 10.5)
    y -= 8
    d.band(y - 16, 16)
    d.text(xl, y - 12, "Indicator", ENB, 9)
    for x, s in zip(xv, ["2023", "2022", "2021"]):
        d.text(x, y - 12, s, ENB, 9, "right")
    d.text(xu, y - 12, "Unit", ENB, 9)
    y -= 31
    for row in rows:
        lab, vals, unit, kind = row[0], row[1:4], row[4], row[5]
        if kind == "group":
            d.text(xl, y, lab, ENB, 9)
            y -= 17
            continue
        font = ENB if kind == "total" else EN
        if kind == "total":
            d.rule(y + 12, LEFT + 10, 520, 0.3)
        d.text(xl + (0 if kind == "total" else 10), y, lab, font, 8.8)
        for x, v in zip(xv, vals):
            d.text(x, y, v, font, 8.8, "right")
            if restated and (lab, v) == restated:
                d.text(x + 1, y + 4, "R", EN, 5.5)
        d.text(xu, y, unit, EN, 8.4)
        y -= 17
    d.rule(y + 9)
    return y - 6


def build_summit() -> Doc:
    d = Doc(HERE / "summit-mining-2023.en.pdf", "Summit Mining Limited - Sustainability Data Report 2023",
            "Summit Mining Limited  |  Sustainability Data Report 2023", "Summit Mining 2023  |  page {n}")
    # ---------------------------------------------------------------- p1
    y = TOP - 20
    d.text(LEFT, y, "Summit Mining Limited", ENB, 22)
    y -= 28
    d.text(LEFT, y, "Sustainability Data Report 2023", EN, 15)
    y -= 40
    y = heading(d, y, "About this report", ENB)
    y = para(d, y, "This report covers the environmental, social and governance performance of Summit Mining "
                   "Limited and its controlled operations for the year ended 31 December 2023 (the reporting "
                   "period), with comparatives for 2022 and 2021. It has been prepared with reference to the "
                   "HKEX ESG Reporting Code and the GRI Standards, including GRI 14: Mining Sector 2024 where "
                   "data were available.", EN)
    y = para(d, y, "Summit operates two open-pit copper-gold mines (Red Ridge and Kalgoona) with an associated "
                   "concentrator and a tailings storage facility at each site, and a port facility at Bellport. "
                   "Group revenue for 2023 was US$2,846 million (2022: US$3,112 million), reflecting lower "
                   "copper prices and planned mill maintenance at Red Ridge.", EN)
    y = para(d, y, "All data are reported on an operational control basis. Values are rounded; totals are "
                   "calculated from unrounded data and printed below their components. Where a prior-year value "
                   "has been recalculated it is marked R and explained in a footnote.", EN)
    y = heading(d, y - 6, "Highlights", ENB)
    for s in ["Zero fatalities in 2023, after one fatal incident at Kalgoona in 2022.",
              "Renewable power purchase agreement at Red Ridge began supplying the site in July 2023.",
              "Target: reduce absolute Scope 1 and 2 emissions by 30% by 2030 against a 2021 baseline."]:
        y = para(d, y, "- " + s, EN, gap=2)
    # ---------------------------------------------------------------- p2 climate and energy
    d.new_page()
    y = TOP
    y = heading(d, y, "1. Climate change and energy", ENB)
    y = para(d, y, "Diesel for the haul truck fleet is the main source of Scope 1 emissions; grid electricity "
                   "for the concentrators accounts for Scope 2. Scope 3 is dominated by the processing of "
                   "concentrate sold to smelters (category 10) and purchased goods.", EN)
    y = en_table(d, y, "Table 1: Greenhouse gas emissions", [
        ("Scope 1 emissions", "412.6", "398.1", "405.3", "kt CO2e", ""),
        ("Scope 2 emissions (location-based)", "286.4", "301.9", "315.2", "kt CO2e", ""),
        ("Total Scope 1 and 2 emissions (location-based)", "699.0", "700.0", "720.5", "kt CO2e", "total"),
        ("Scope 2 emissions (market-based)", "241.7", "288.3", "309.8", "kt CO2e", ""),
        ("Scope 3 emissions", "3,842", "3,915", "4,026", "kt CO2e", ""),
        ("Copper equivalent production", "290.1", "281.4", "296.2", "kt CuEq", ""),
        ("GHG intensity (Scope 1 and 2)", "2.41", "2.49", "2.43", "t CO2e/t CuEq", ""),
    ], restated=("Scope 3 emissions", "3,915"))
    for n in ["R  Restated. 2022 Scope 3 emissions were recalculated after a smelter customer revised its "
              "emission factor (previously 3,870 kt CO2e).",
              "GHG intensity = total Scope 1 and 2 (location-based) emissions / copper equivalent production."]:
        for ln in wrap(n, EN, 7.6, RIGHT - LEFT):
            d.text(LEFT, y, ln, EN, 7.6)
            y -= 11
    y -= 16
    y = en_table(d, y, "Table 2: Energy consumption", [
        ("Diesel", "1,842.6", "1,795.3", "1,868.0", "TJ", ""),
        ("Natural gas", "214.3", "220.8", "231.5", "TJ", ""),
        ("Purchased electricity", "2,611.8", "2,704.3", "2,795.4", "TJ", ""),
        ("Total energy consumption", "4,668.7", "4,720.4", "4,894.9", "TJ", "total"),
    ])
    # ---------------------------------------------------------------- p3 water, tailings, waste
    d.new_page()
    y = TOP
    y = heading(d, y, "2. Water, tailings and mineral waste", ENB)
    y = para(d, y, "Both mines are in water-stressed catchments. Water withdrawn is stored in process dams and "
                   "recycled through the concentrator; water consumed is withdrawal less discharge.", EN)
    y = en_table(d, y, "Table 3: Water and waste", [
        ("Water withdrawal by source", "", "", "", "", "group"),
        ("Surface water", "8,412", "8,935", "9,210", "ML", ""),
        ("Groundwater", "12,604", "12,188", "11,942", "ML", ""),
        ("Third-party water", "1,046", "1,102", "1,187", "ML", ""),
        ("Total water withdrawal", "22,062", "22,252", "22,339", "ML", "total"),
        ("Water discharged", "7,687", "7,413", "7,233", "ML", ""),
        ("Water consumed", "14,375", "14,812", "15,106", "ML", ""),
        ("Mineral waste", "", "", "", "", "group"),
        ("Tailings deposited", "38.6", "36.9", "39.4", "Mt", ""),
        ("Waste rock moved", "112.3", "118.7", "104.5", "Mt", ""),
        ("Non-mineral waste", "", "", "", "", "group"),
        ("Hazardous waste", "4,218", "4,396", "4,510", "t", ""),
        ("Non-hazardous waste", "12,846", "13,204", "12,977", "t", ""),
    ])
    y -= 10
    y = para(d, y, "Tailings are deposited in two engineered storage facilities, both assessed against the Global "
                   "Industry Standard on Tailings Management. Waste rock is placed in designed dumps and used "
                   "for progressive rehabilitation.", EN)
    # ---------------------------------------------------------------- p4 people and safety
    d.new_page()
    y = TOP
    y = heading(d, y, "3. People, health and safety", ENB)
    y = para(d, y, "Safety performance covers employees and contractors. TRIFR is the number of recordable "
                   "injuries per million hours worked.", EN)
    y = en_table(d, y, "Table 4: Social performance", [
        ("Employees (year end)", "4,812", "4,655", "4,590", "persons", ""),
        ("Female employees", "18.4", "17.1", "15.9", "%", ""),
        ("Fatalities", "0", "1", "0", "number", ""),
        ("TRIFR", "2.84", "3.12", "3.46", "per million hours", ""),
        ("Average training hours per employee", "38.5", "35.2", "31.0", "hours", ""),
        ("Community investment", "14.6", "12.9", "11.3", "US$ million", ""),
    ])
    y -= 10
    y = para(d, y, "Community investment includes the Red Ridge water-sharing scheme and scholarships for "
                   "students from host communities. In 2024 we plan to extend the scholarship programme to 60 "
                   "students.", EN)
    d.save()
    return d


# ==================================================================================================
def _squash(s: str) -> str:
    return re.sub(r"[\s,]", "", s)


def check(doc: Doc, gold_path: Path) -> list[str]:
    problems = []
    try:
        import pypdfium2 as pdfium  # noqa: PLC0415
        pdf = pdfium.PdfDocument(str(doc.path))
        layer = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    except ImportError:
        layer = None
    seen = set()
    need = {"metric", "value", "unit", "period", "dims", "page", "line", "raw_value", "raw_unit"}
    for n, text in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        rec = json.loads(text)
        if not need <= rec.keys():
            problems.append(f"{n}: missing {need - rec.keys()}")
            continue
        key = (rec["metric"], rec["period"], json.dumps(rec["dims"], sort_keys=True))
        if key in seen:
            problems.append(f"{n}: duplicate {key}")
        seen.add(key)
        page, raw = rec["page"], rec["raw_value"]
        if not (1 <= page <= len(doc.pages)):
            problems.append(f"{n}: page {page} out of range")
            continue
        if not any(raw in s for s in doc.pages[page - 1]):
            problems.append(f"{n}: {raw!r} not drawn on page {page}")
        if layer is not None and _squash(raw) not in _squash(layer[page - 1]):
            problems.append(f"{n}: {raw!r} not in the text layer of page {page}")
    return problems


def main() -> int:
    docs = [build_fortune(), build_summit()]
    bad = 0
    if "--check" in sys.argv:
        for doc in docs:
            gold = doc.path.with_suffix(".jsonl")
            probs = check(doc, gold)
            n = sum(1 for t in gold.read_text(encoding="utf-8").splitlines() if t.strip())
            print(f"{doc.path.name}: {len(doc.pages)} pages, {n} gold records, {len(probs)} problems")
            for p in probs:
                print("  ", p)
            bad += len(probs)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
