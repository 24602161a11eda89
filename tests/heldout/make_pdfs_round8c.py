#!/usr/bin/env python3
"""Build the round-8c synthetic held-out PDF in this folder.

    .venv/bin/python tests/heldout/make_pdfs_round8c.py           # (re)build the PDF
    .venv/bin/python tests/heldout/make_pdfs_round8c.py --check   # build, then check the gold file

* ``victoria-harbour-group-2024.zh-hant.pdf`` - Traditional Chinese, Hong Kong conglomerate with three
  business segments (物業投資 / 酒店 / 零售), calendar year 2024 with 2023 comparatives. A segment table
  for 2024 only (``指標 | 單位 | 物業投資 | 酒店 | 零售 | 總計``), a group-total table by year, a table whose
  units sit in its header bands (``（千千瓦時）``, ``（公噸二氧化碳當量）``) instead of a unit column, labels
  that wrap onto a second line inside their cell (values aligned to the FIRST line of the label), prose
  figures with 約/逾 and ``（2023年：…）`` comparatives, a zero stated in words, running header and
  footer with page numbers and an HKEX content index on the last page.

Everything printed is defined in this file (no external data, no font files: the text uses reportlab's
built-in CID font ``MSung-Light``). Tables are drawn cell by cell with ``drawString`` at fixed x
positions. ``invariant=1`` makes the output byte-for-byte reproducible.

This script knows nothing about the extractor and never imports it. ``--check`` verifies that every
gold record's ``raw_value`` is drawn on its ``page`` and is in the pypdfium2 text layer of that page
(thousands separators and whitespace ignored), and that each record is well formed.
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

    def text(self, x, y, s, font=CJK, size=9.5, align="left", gray=0.0):
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

    def band(self, y, h, gray=0.88):
        self.c.setFillGray(gray)
        self.c.rect(LEFT, y, RIGHT - LEFT, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    def _furniture(self):
        self.text(LEFT, H - 44, self.header, CJK, 8, gray=0.35)
        self.text(RIGHT, H - 44, "環境、社會及管治報告", CJK, 8, "right", gray=0.35)
        self.rule(H - 50, width=0.3)
        self.rule(50, width=0.3)
        self.text(LEFT, 36, "維港集團控股有限公司", CJK, 8, gray=0.35)
        self.text(RIGHT, 36, self.footer.format(n=len(self.pages)), CJK, 8, "right", gray=0.35)

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


def para(doc, y, text, size=9.6, lead=15.0, gap=7.0, indent=0.0):
    for ln in wrap(text, CJK, size, RIGHT - LEFT - indent):
        doc.text(LEFT + indent, y, ln, CJK, size)
        y -= lead
    return y - gap


def heading(doc, y, s, size=13):
    doc.text(LEFT, y, s, CJK, size)
    doc.rule(y - 5, width=0.8)
    return y - 24


def subheading(doc, y, s, size=10.8):
    doc.text(LEFT, y, s, CJK, size)
    return y - 18


def table(doc, y, caption, head, cols, rows, size=8.8, lead=12.5, gap=5.5, label_w=120.0):
    """Draw a table cell by cell.

    ``cols`` = x positions of the non-label columns, each ``(x, align)``; the label column starts at
    LEFT + 4 and wraps within ``label_w``. ``rows``: ``(label, [cells])`` or ``(label, None)`` for a
    group row, or ``("@band", [header cells])``; a leading ``>`` indents a sub-row for a header band inside the table. A wrapped label
    prints its first line level with the values and its other lines below; ``\n`` in a label
    forces the break.
    """
    doc.text(LEFT, y, caption, CJK, 10.2)
    y -= 8

    def band(cells):
        nonlocal y
        doc.band(y - 16, 16)
        doc.text(LEFT + 4, y - 11.5, cells[0], CJK, 8.8)
        for (x, al), s in zip(cols, cells[1:]):
            doc.text(x, y - 11.5, s, CJK, 8.8, al)
        y -= 16 + lead

    band(head)
    for lab, cells in rows:
        if lab == "@band":
            y -= 2
            band(cells)
            continue
        if cells is None:
            doc.text(LEFT + 4, y, lab, CJK, size, gray=0.3)
            y -= lead + gap
            continue
        ind = 10.0
        if lab.startswith(">"):
            lab, ind = lab[1:], 22.0
        lines = lab.split("\n") if "\n" in lab else wrap(lab, CJK, size, label_w)
        doc.text(LEFT + ind, y, lines[0], CJK, size)
        for (x, al), s in zip(cols, cells):
            fs = size - 0.8 if al == "left" else size
            doc.text(x, y, s, CJK, fs, al)
        for k, extra in enumerate(lines[1:], 1):
            doc.text(LEFT + ind, y - lead * k, extra, CJK, size)
        y -= lead * len(lines) + gap
    doc.rule(y + lead - 2)
    return y - 4


def notes(doc, y, items, size=7.6):
    for n in items:
        for ln in wrap(n, CJK, size, RIGHT - LEFT):
            doc.text(LEFT, y, ln, CJK, size)
            y -= 11.5
    return y - 8


# ==================================================================================================
# Victoria Harbour Group (Traditional Chinese, calendar 2024)
# ==================================================================================================
FOOT = "第{n}頁"


def build_victoria() -> Doc:
    d = Doc(HERE / "victoria-harbour-group-2024.zh-hant.pdf",
            "維港集團控股有限公司 2024年環境、社會及管治報告",
            "維港集團控股有限公司（股份代號：0718）", FOOT)
    # ---------------------------------------------------------------- p1 cover + about
    y = TOP - 16
    d.text(LEFT, y, "維港集團控股有限公司", CJK, 22)
    y -= 28
    d.text(LEFT, y, "Victoria Harbour Group Holdings Limited", CJK, 11, gray=0.3)
    y -= 30
    d.text(LEFT, y, "2024年環境、社會及管治報告", CJK, 16)
    y -= 40
    y = heading(d, y, "關於本報告")
    y = para(d, y, "本報告乃根據香港聯合交易所有限公司（「聯交所」）證券上市規則附錄C2《環境、社會及管治報告守則》"
                   "編製，並參考全球報告倡議組織（GRI）標準2021年版。報告涵蓋維港集團控股有限公司（「本公司」）及其"
                   "附屬公司（統稱「本集團」）於2024年1月1日至2024年12月31日（「本年度」）的物業投資、酒店及零售"
                   "業務，比較數字為截至2023年12月31日止年度。除另有說明外，環境數據涵蓋本集團擁有並管理營運控制權"
                   "的物業，不包括租戶自行控制的用電。")
    y = heading(d, y - 4, "集團概覽")
    y = para(d, y, "本集團於1968年創立，總部設於香港，業務分為三個分部：物業投資（於香港及上海持有及管理9幢甲級"
                   "寫字樓及3個商場）、酒店（於香港及澳門經營4間酒店，合共約2,150間客房）及零售（經營「維港生活」"
                   "百貨及生活用品店共28間）。本年度本集團收益約港幣186.4億元（2023年：港幣172.9億元），"
                   "其中物業投資分部佔約58%。")
    y = heading(d, y - 4, "董事會聲明")
    y = para(d, y, "董事會對本集團的環境、社會及管治策略及匯報承擔整體責任，並透過可持續發展委員會每年最少"
                   "舉行兩次會議檢討相關風險及目標的進度。本集團已訂立以2019年為基準年，於2030年前將範圍1及範圍2"
                   "溫室氣體排放密度減少35%、用水密度減少10%的目標，並承諾於2050年前實現淨零排放。截至本年度末，"
                   "溫室氣體排放密度較基準年下降約24.6%。")
    y = para(d, y, "本報告已於2025年3月26日獲董事會審批。本集團委聘獨立第三方就本報告選定的環境關鍵績效指標"
                   "進行有限保證鑒證，鑒證聲明載於本集團網站。")

    # ---------------------------------------------------------------- p2 segment table + group table
    d.new_page()
    y = TOP
    y = heading(d, y, "一、環境")
    y = para(d, y, "本集團的溫室氣體排放主要來自物業及酒店的空調、照明及升降機所耗用的外購電力（範圍2），"
                   "以及酒店廚房的煤氣、後備發電機及車輛的燃料和製冷劑逸散（範圍1）。本集團按業務分部收集"
                   "環境數據，下表列出本年度各分部的表現。")
    seg_cols = [(182.0, "left"), (348.0, "right"), (412.0, "right"), (474.0, "right"), (RIGHT - 2, "right")]
    seg_rows = [
        ("總樓面面積", ["平方米", "812,400", "178,600", "95,500", "1,086,500"]),
        ("範圍1直接排放", ["公噸二氧化碳當量", "1,248.5", "6,412.8", "386.2", "8,047.5"]),
        ("範圍2間接排放\n（按地點基準）", ["公噸二氧化碳當量", "41,338.6", "19,857.7", "8,870.3", "70,066.6"]),
        ("溫室氣體排放總量\n（範圍1及範圍2）", ["公噸二氧化碳當量", "42,587.1", "26,270.5", "9,256.5", "78,114.1"]),
        ("溫室氣體排放密度\n（按樓面面積計算）", ["公斤二氧化碳當量／平方米", "52.42", "147.09", "96.93", "71.90"]),
        ("外購電力", ["千瓦時", "98,425,300", "46,180,700", "21,634,800", "166,420,800"]),
        ("耗水量", ["立方米", "1,284,600", "926,300", "158,700", "2,369,600"]),
        ("一般廢物\n（棄置堆填區）", ["公噸", "18,420.5", "4,386.2", "2,105.8", "24,912.5"]),
    ]
    y = table(d, y, "表1：2024年按業務分部劃分的環境關鍵績效指標",
              ["指標", "單位", "物業投資", "酒店", "零售", "總計"], seg_cols, seg_rows, label_w=112.0, lead=12.0, gap=4.5)
    y = notes(d, y, ["註：物業投資分部包括寫字樓及商場公用地方；酒店分部包括酒店內的餐廳；零售分部包括門店及"
                     "位於葵涌的物流中心。範圍2排放按香港中華電力有限公司、香港電燈有限公司及上海市電網"
                     "公布的2024年排放系數計算。"])
    grp_cols = [(222.0, "left"), (452.0, "right"), (RIGHT - 2, "right")]
    grp_rows = [
        ("總樓面面積", ["平方米", "1,086,500", "1,071,200"]),
        ("溫室氣體排放", None),
        ("範圍1直接溫室氣體排放", ["公噸二氧化碳當量", "8,047.5", "8,315.2"]),
        ("範圍2能源間接溫室氣體\n排放（按地點基準）", ["公噸二氧化碳當量", "70,066.6", "73,408.9"]),
        ("溫室氣體排放總量\n（範圍1及範圍2）", ["公噸二氧化碳當量", "78,114.1", "81,724.1"]),
        ("溫室氣體排放密度（按總\n樓面面積計算）", ["公斤二氧化碳當量／平方米", "71.90", "76.29"]),
        ("資源使用", None),
        ("外購電力", ["千瓦時", "166,420,800", "171,356,400"]),
        ("耗水量", ["立方米", "2,369,600", "2,298,400"]),
        ("耗水密度", ["立方米／平方米", "2.18", "2.15"]),
        ("辦公室用紙", ["公斤", "48,620", "52,340"]),
        ("廢棄物", None),
        ("一般廢物（棄置堆填區）", ["公噸", "24,912.5", "25,638.7"]),
        ("建築廢物（翻新及改建\n工程）", ["公噸", "12,846.0", "9,512.3"]),
        ("回收物料（紙張、塑膠、\n金屬及廚餘）", ["公噸", "6,215.4", "5,487.9"]),
        ("有害廢物（廢油及光管）", ["公噸", "2.8", "3.1"]),
    ]
    y = table(d, y - 4, "表2：集團環境關鍵績效指標總計", ["指標", "單位", "2024年", "2023年"],
              grp_cols, grp_rows, label_w=142.0, lead=12.0, gap=4.5)

    # ---------------------------------------------------------------- p3 energy table (units in header)
    d.new_page()
    y = TOP
    y = subheading(d, y, "能源使用及溫室氣體排放來源")
    y = para(d, y, "下表按類型列出本集團的能源消耗及範圍1排放來源。電力佔本集團能源消耗總量逾八成，"
                   "煤氣主要用於酒店廚房及洗衣房，柴油用於後備發電機及貨車，汽油用於集團車隊。")
    e_cols = [(440.0, "right"), (RIGHT - 2, "right")]
    e_rows = [
        ("外購電力", ["166,420.8", "171,356.4"]),
        ("煤氣", ["26,182.0", "27,048.6"]),
        ("柴油（後備發電機及貨車）", ["4,130.0", "4,395.2"]),
        ("汽油（集團車隊）", ["1,280.7", "1,352.9"]),
        ("能源消耗總量", ["198,013.5", "204,153.1"]),
        ("@band", ["範圍1排放來源（公噸二氧化碳當量）", "2024年", "2023年"]),
        ("煤氣燃燒", ["5,236.4", "5,409.7"]),
        ("柴油燃燒\n（後備發電機及貨車）", ["1,102.7", "1,173.5"]),
        ("汽油燃燒（集團車隊）", ["318.9", "336.9"]),
        ("製冷劑逸散", ["1,389.5", "1,395.1"]),
        ("範圍1排放總量", ["8,047.5", "8,315.2"]),
    ]
    y = table(d, y, "表3：按類型劃分的能源消耗及範圍1排放", ["能源類型（千千瓦時）", "2024年", "2023年"],
              e_cols, e_rows, label_w=200.0)
    y = notes(d, y, ["註：燃料的能源含量按機電工程署及環境保護署《香港建築物（商業、住宅或公共用途）的溫室氣體排放"
                     "及減除的核算和報告指引》（2010年版）的換算系數計算。"])
    y = para(d, y, "本年度本集團的能源消耗密度為每平方米182.2千瓦時（2023年：190.6千瓦時），較去年下降約4.4%。"
                   "本集團於本年度完成3幢寫字樓的冷水機組更換工程，並於酒店分部全面採用LED照明，"
                   "預計每年可節省約320萬千瓦時電力。本集團亦於2024年9月在葵涌物流中心天台安裝了一套"
                   "500千瓦的太陽能光伏系統，該系統於2025年第一季投入運作，故未計入本年度數據。")
    y = para(d, y, "本集團亦計算了僱員商務航空差旅產生的範圍3排放（類別6），本年度約為1,246公噸二氧化碳當量"
                   "（2023年：1,018公噸二氧化碳當量），增加主要由於疫情後海外商務活動恢復。")
    y = subheading(d, y - 2, "用水及廢棄物")
    y = para(d, y, "本集團的用水主要來自酒店客房、洗衣房及物業的冷卻塔。本年度耗水量較2023年上升約3.1%，主要由於"
                   "酒店入住率由76%回升至84%。本集團的物業均參與水務署的「大廈優質供水認可計劃—食水（2.0版）」。")
    y = para(d, y, "一般廢物主要為租戶及酒店住客產生的都市固體廢物，由持牌收集商運往堆填區。本年度建築廢物"
                   "增加主要由於上海商場的大型翻新工程。本集團在所有商場設置廚餘回收機，並與非政府機構合作"
                   "回收酒店的剩餘食物。有害廢物（主要為廢機油及光管）均交由持牌化學廢物收集商處理。")

    # ---------------------------------------------------------------- p4 employment
    d.new_page()
    y = TOP
    y = heading(d, y, "二、社會")
    y = subheading(d, y, "僱傭")
    y = para(d, y, "本集團奉行平等機會原則，僱員的招聘、晉升及薪酬均以能力及表現為基礎。下表列出截至2024年"
                   "12月31日的全職僱員人數及本年度的流失率。")
    s_cols = [(230.0, "left"), (452.0, "right"), (RIGHT - 2, "right")]
    hc_rows = [
        ("僱員總數", ["人", "6,842", "6,615"]),
        ("按業務分部", None),
        ("物業投資", ["人", "1,905", "1,872"]),
        ("酒店", ["人", "3,268", "3,104"]),
        ("零售", ["人", "1,669", "1,639"]),
        ("按性別", None),
        ("男性", ["人", "3,596", "3,489"]),
        ("女性", ["人", "3,246", "3,126"]),
        ("按年齡組別", None),
        ("30歲以下", ["人", "1,518", "1,402"]),
        ("30至50歲", ["人", "3,486", "3,391"]),
        ("50歲以上", ["人", "1,838", "1,822"]),
        ("按地區", None),
        ("香港", ["人", "5,214", "5,046"]),
        ("中國內地", ["人", "1,312", "1,268"]),
        ("其他地區（澳門及\n新加坡）", ["人", "316", "301"]),
        ("按職級", None),
        ("高級管理層", ["人", "168", "162"]),
        ("中級管理層", ["人", "942", "913"]),
        ("一般員工", ["人", "5,732", "5,540"]),
    ]
    y = table(d, y, "表4：僱員人數", ["指標", "單位", "2024年", "2023年"], s_cols, hc_rows,
              lead=12.0, gap=4.5, label_w=150.0)
    to_rows = [
        ("整體僱員流失率", ["%", "18.6", "20.3"]),
        ("按性別", None),
        ("男性", ["%", "17.9", "19.5"]),
        ("女性", ["%", "19.4", "21.2"]),
        ("按年齡組別", None),
        ("30歲以下", ["%", "32.5", "35.1"]),
        ("30至50歲", ["%", "15.8", "17.2"]),
        ("50歲以上", ["%", "12.4", "14.7"]),
    ]
    y = table(d, y - 4, "表5：僱員流失率", ["指標", "單位", "2024年", "2023年"], s_cols, to_rows,
              lead=12.0, gap=4.5, label_w=150.0)
    y = notes(d, y, ["註：流失率 = 年內離職的全職僱員人數 ÷ 該類別於年末的僱員人數 × 100%。"])

    # ---------------------------------------------------------------- p5 H&S, training, operating practices
    d.new_page()
    y = TOP
    y = subheading(d, y, "健康與安全及發展與培訓")
    y = para(d, y, "本集團的職業健康及安全管理體系已獲ISO 45001:2018認證。酒店分部的主要風險為廚房燙傷、"
                   "滑倒及搬運受傷，本集團於本年度為前線員工舉辦了共96場安全工作坊。")
    t_cols = [(236.0, "left"), (452.0, "right"), (RIGHT - 2, "right")]
    hs_rows = [
        ("健康與安全", None),
        ("因工亡故人數", ["人", "0", "0"]),
        ("因工受傷人數（損失工作\n日多於三天）", ["人", "46", "52"]),
        ("因工傷損失工作日數", ["日", "1,284", "1,516"]),
        ("發展及培訓", None),
        ("受訓僱員百分比（整體）", ["%", "86.4", "82.3"]),
        (">高級管理層", ["%", "100.0", "100.0"]),
        (">中級管理層", ["%", "95.3", "92.8"]),
        (">一般員工", ["%", "84.5", "80.1"]),
        ("培訓總時數", ["小時", "147,868", "131,036"]),
        ("每名僱員平均受訓時數\n（整體）", ["小時", "21.6", "19.8"]),
        (">男性", ["小時", "20.9", "19.1"]),
        (">女性", ["小時", "22.4", "20.6"]),
        (">高級管理層", ["小時", "28.5", "26.0"]),
        (">中級管理層", ["小時", "25.2", "23.4"]),
        (">一般員工", ["小時", "20.8", "19.0"]),
    ]
    y = table(d, y, "表6：健康與安全及培訓關鍵績效指標", ["指標", "單位", "2024年", "2023年"], t_cols, hs_rows,
              lead=12.0, gap=4.5, label_w=150.0)
    y = notes(d, y, ["註：受訓僱員百分比及平均受訓時數以年末各類別僱員人數計算（見表4）。過去三年（包括本年度）"
                     "本集團均無發生因工亡故事故。"])
    y = subheading(d, y, "供應鏈管理及產品責任")
    y = para(d, y, "本年度本集團共有1,486家主要供應商，其中香港1,102家、中國內地318家及其他地區66家，"
                   "主要提供物業管理服務、酒店食材及零售商品。所有新供應商均須簽署《供應商行為守則》。")
    y = para(d, y, "本年度本集團共接獲客戶投訴312宗（2023年：287宗），主要涉及酒店服務及零售商品質量，"
                   "所有投訴均已於30個工作天內跟進及回覆。本集團並無因安全與健康理由而須回收已售產品。")
    y = subheading(d, y - 2, "反貪污")
    y = para(d, y, "本集團對貪污採取零容忍態度。本年度，本集團並無發生任何與貪污有關並已審結的法律案件"
                   "（2023年：無）。本集團為董事及僱員提供反貪污培訓共2,860小時，參與人數為1,920名，"
                   "並邀請廉政公署於2024年6月為管理層舉辦講座。")
    y = subheading(d, y - 2, "社區投資")
    y = para(d, y, "本集團的社區投資聚焦青少年發展、長者關懷及環境保育。本年度社區投資約港幣1,250萬元"
                   "（2023年：港幣980萬元），包括現金捐款及實物捐贈。「維港義工隊」共有1,120名僱員參與義工活動，"
                   "義工服務時數逾8,600小時（2023年：7,950小時），服務受惠人數約2.3萬人次。")

    # ---------------------------------------------------------------- p6 HKEX index
    d.new_page()
    y = TOP
    y = heading(d, y, "香港聯交所《環境、社會及管治報告守則》內容索引")
    idx = [
        ("A1.1", "排放物種類及相關排放數據", "本集團車隊規模細小，廢氣排放並不重大"),
        ("A1.2", "直接（範圍1）及能源間接（範圍2）溫室氣體排放量及密度", "第2、3頁"),
        ("A1.3", "所產生有害廢棄物總量及密度", "第2頁"),
        ("A1.4", "所產生無害廢棄物總量及密度", "第2頁"),
        ("A1.5", "描述所訂立的排放量目標及為達到這些目標所採取的步驟", "第1、3頁"),
        ("A2.1", "按類型劃分的直接及╱或間接能源總耗量及密度", "第2、3頁"),
        ("A2.2", "總耗水量及密度", "第2頁"),
        ("A2.5", "製成品所用包裝材料的總量", "不適用"),
        ("B1.1", "按性別、僱傭類型、年齡組別及地區劃分的僱員總數", "第4頁"),
        ("B1.2", "按性別、年齡組別及地區劃分的僱員流失比率", "第4頁"),
        ("B2.1", "過去三年（包括匯報年度）每年因工亡故的人數及比率", "第5頁"),
        ("B2.2", "因工傷損失工作日數", "第5頁"),
        ("B3.1", "按性別及僱員類別劃分的受訓僱員百分比", "第5頁"),
        ("B3.2", "按性別及僱員類別劃分，每名僱員完成受訓的平均時數", "第5頁"),
        ("B5.1", "按地區劃分的供應商數目", "第5頁"),
        ("B6.2", "接獲關於產品及服務的投訴數目以及應對方法", "第5頁"),
        ("B7.1", "已審結的貪污訴訟案件的數目及訴訟結果", "第5頁"),
        ("B8.2", "在專注範疇所動用資源", "第5頁"),
    ]
    d.band(y - 16, 16)
    d.text(LEFT + 4, y - 11.5, "關鍵績效指標", CJK, 8.8)
    d.text(LEFT + 80, y - 11.5, "描述", CJK, 8.8)
    d.text(RIGHT - 2, y - 11.5, "頁碼／備註", CJK, 8.8, "right")
    y -= 30
    for code, desc, ref in idx:
        d.text(LEFT + 4, y, code, CJK, 8.6)
        d.text(LEFT + 80, y, desc, CJK, 8.4)
        d.text(RIGHT - 2, y, ref, CJK, 8.4, "right")
        y -= 17
    d.rule(y + 10)
    y -= 10
    y = para(d, y, "本報告的中英文版本如有歧義，概以中文版本為準。如對本報告有任何意見，歡迎電郵至"
                   "esg@victoriaharbourgroup.com.hk。", size=8.8)
    d.save()
    return d


# ==================================================================================================
# check
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
        if not (rec["metric"] in METRICS or re.fullmatch(r"other:[a-z0-9_]+", rec["metric"])):
            problems.append(f"{n}: unknown metric {rec['metric']}")
        if not isinstance(rec["value"], (int, float)) or not isinstance(rec["dims"], dict):
            problems.append(f"{n}: bad value or dims")
        key = (rec["metric"], rec["period"], json.dumps(rec["dims"], sort_keys=True))
        if key in seen:
            problems.append(f"{n}: duplicate {key}")
        seen.add(key)
        page, raw = rec["page"], rec["raw_value"]
        if rec["line"] is not None or not isinstance(page, int) or not (1 <= page <= len(doc.pages)):
            problems.append(f"{n}: bad page/line {page}/{rec['line']}")
            continue
        if _squash(raw) not in _squash("".join(doc.pages[page - 1])):
            problems.append(f"{n}: {raw!r} not drawn on page {page}")
        if layer is not None and _squash(raw) not in _squash(layer[page - 1]):
            problems.append(f"{n}: {raw!r} not in the text layer of page {page}")
    return problems


METRICS = set("""air_nox air_sox air_pm ghg_total ghg_scope1 ghg_scope2 ghg_scope3 ghg_intensity hazardous_waste
hazardous_waste_intensity non_hazardous_waste non_hazardous_waste_intensity energy_total energy_direct
energy_indirect energy_intensity electricity heat natural_gas gasoline diesel renewable_electricity water
water_intensity packaging_material packaging_intensity employees_total turnover_rate turnover_count
work_fatalities work_fatality_rate lost_days trained_pct training_hours_avg training_hours_total
suppliers_total product_recall_pct complaints_received complaint_resolution_rate corruption_cases
anti_corruption_training_hours anti_corruption_training_participants community_investment volunteer_hours
volunteers revenue active_users""".split())


def main() -> int:
    docs = [build_victoria()]
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
