#!/usr/bin/env python3
"""Build the two synthetic held-out ESG report PDFs in this folder.

    .venv/bin/python tests/heldout/make_pdfs.py           # (re)build both PDFs
    .venv/bin/python tests/heldout/make_pdfs.py --check   # build, then check the gold files

* ``kowloon-property-2023.zh-hant.pdf`` - Traditional Chinese, HK property developer/manager, calendar 2023.
* ``sunrise-health-fy2024.en.pdf`` - English, HK healthcare group, year ended 31 March 2024.

Everything printed is defined in this file (no external data, no font files: the Chinese text uses
reportlab's built-in CID font ``MSung-Light``). Pages are built with ``drawString`` at fixed column
positions, so tables are text, not images. ``invariant=1`` makes the output byte-for-byte reproducible.

This script knows nothing about the extractor and never imports it. ``--check`` verifies that every
gold record's ``raw_value`` is among the strings this script drew on the cited page (and, if pypdfium2
is importable, that it is also in the text layer of that PDF page, thousands separators and whitespace
ignored), and that the gold files are well formed.
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
LEFT, RIGHT = 50.0, W - 50.0
BOTTOM = 60.0


# --------------------------------------------------------------------------------------------------
# drawing helpers
# --------------------------------------------------------------------------------------------------
class Doc:
    """A canvas that remembers every string drawn on every page."""

    def __init__(self, path: Path, title: str, header_left: str, header_right: str, header_font: str,
                 footer: str):
        self.path = path
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("esglens held-out test set (synthetic)")
        self.header_left, self.header_right = header_left, header_right
        self.header_font = header_font
        self.footer = footer
        self.pages: list[list[str]] = [[]]
        self.cells: list[tuple[int, str, str, str]] = []  # (page, row label, column header, value)
        self._furniture()

    # -- text -------------------------------------------------------------------------------------
    def text(self, x: float, y: float, s: str, font: str, size: float, align: str = "left",
             gray: float = 0.0) -> None:
        c = self.c
        c.setFillGray(gray)
        c.setFont(font, size)
        if align == "left":
            c.drawString(x, y, s)
        elif align == "right":
            c.drawRightString(x, y, s)
        else:
            c.drawCentredString(x, y, s)
        c.setFillGray(0)
        self.pages[-1].append(s)

    def rule(self, y: float, x0: float = LEFT, x1: float = RIGHT, width: float = 0.5,
             gray: float = 0.0) -> None:
        self.c.setStrokeGray(gray)
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)
        self.c.setStrokeGray(0)

    def band(self, y: float, h: float, gray: float = 0.88) -> None:
        self.c.setFillGray(gray)
        self.c.rect(LEFT, y, RIGHT - LEFT, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    # -- pages ------------------------------------------------------------------------------------
    @property
    def pageno(self) -> int:
        return len(self.pages)

    def _furniture(self) -> None:
        self.text(LEFT, H - 32, self.header_left, self.header_font, 8, gray=0.35)
        self.text(RIGHT, H - 32, self.header_right, self.header_font, 8, align="right", gray=0.35)
        self.rule(H - 38, gray=0.5)
        self.text(W / 2, 30, self.footer.format(n=self.pageno), "Helvetica", 9, align="centre",
                  gray=0.35)

    def new_page(self) -> None:
        self.c.showPage()
        self.pages.append([])
        self._furniture()

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


def width(s: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(s, font, size)


_TOKEN = re.compile(r"‹[^›]*›|[\x21-\x7e]+|\s+|.")
_NO_LINE_START = set("，。、；：）」』》％")


def wrap(text: str, font: str, size: float, maxw: float) -> list[str]:
    """Greedy line wrap. ASCII runs (numbers, words) never break; ‹...› spans never break
    (the markers are dropped); other characters (CJK) break anywhere."""
    lines: list[str] = []
    cur = ""
    for tok in _TOKEN.findall(text):
        piece = tok[1:-1] if tok.startswith("‹") else tok
        fits = width(cur + piece, font, size) <= maxw
        if not fits and piece in _NO_LINE_START and width(cur + piece, font, size) <= maxw + size:
            fits = True  # closing punctuation hangs in the margin rather than starting a line
        if fits or not cur.strip():
            cur = cur + piece if (cur or not piece.isspace()) else cur
        else:
            lines.append(cur.rstrip())
            cur = "" if piece.isspace() else piece
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def paragraph(doc: Doc, x: float, y: float, text: str, font: str, size: float, maxw: float,
              leading: float) -> float:
    for line in wrap(text, font, size, maxw):
        doc.text(x, y, line, font, size)
        y -= leading
    return y


# --------------------------------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------------------------------
class Table:
    """A KPI table drawn cell by cell.

    rows: ("group", label) | ("row", label_lines, unit, values, opts) | ("break",)
    opts: indent (bool), sup (footnote mark after the last label line), vsup {column: mark}.
    valign "top": values on the first label line; "bottom": values on the last label line.
    """

    def __init__(self, doc: Doc, title: str, headers: list[str], label_font: str, num_font: str,
                 unit_x: float, value_right: list[float], valign: str = "top", size: float = 9,
                 leading: float = 12.5, title_font: str | None = None, header_font: str | None = None,
                 continued: str = ""):
        self.doc, self.title, self.headers = doc, title, headers
        self.label_font, self.num_font = label_font, num_font
        self.unit_x, self.value_right = unit_x, value_right
        self.valign, self.size, self.leading = valign, size, leading
        self.title_font = title_font or label_font
        self.header_font = header_font or label_font
        self.continued = continued

    def _head(self, y: float, title: str) -> float:
        d = self.doc
        d.text(LEFT, y, title, self.title_font, self.size + 1.5)
        y -= 8
        d.band(y - 15, 15)
        base = y - 11
        d.text(LEFT + 4, base, self.headers[0], self.header_font, self.size)
        d.text(self.unit_x, base, self.headers[1], self.header_font, self.size)
        for r, h in zip(self.value_right, self.headers[2:]):
            d.text(r, base, h, self.header_font, self.size, align="right")
        y -= 15
        d.rule(y, width=0.8)
        return y - 4

    def draw(self, y: float, rows: list[tuple]) -> float:
        d, size, lead = self.doc, self.size, self.leading
        y = self._head(y, self.title)
        for row in rows:
            kind = row[0]
            if kind == "break":
                d.new_page()
                y = self._head(H - 70, self.title + self.continued)
                continue
            if kind == "group":
                y -= lead
                d.text(LEFT + 4, y, row[1], self.label_font, size, gray=0.25)
                y -= 3
                continue
            _, labels, unit, values, *rest = row
            opts = rest[0] if rest else {}
            if y - len(labels) * lead - 4 < BOTTOM:  # safety: never draw into the footer
                d.new_page()
                y = self._head(H - 70, self.title + self.continued)
            x0 = LEFT + (16 if opts.get("indent") else 4)
            first = y - lead
            for i, lab in enumerate(labels):
                d.text(x0, first - i * lead, lab, self.label_font, size)
            last = first - (len(labels) - 1) * lead
            if opts.get("sup"):
                sx = x0 + width(labels[-1], self.label_font, size) + 0.8
                d.text(sx, last + 3.6, opts["sup"], self.num_font, 5.5)
            vy = first if self.valign == "top" else last
            units = unit if isinstance(unit, list) else [unit]
            for i, u in enumerate(units):
                d.text(self.unit_x, vy - i * lead, u, self.label_font, size)
            for col, (r, v) in enumerate(zip(self.value_right, values)):
                d.cells.append((d.pageno, "".join(labels), self.headers[2 + col], v))
                mark = opts.get("vsup", {}).get(col)
                if mark:
                    mw = width(mark, self.num_font, 5.5)
                    d.text(r - mw - 0.6, vy, v, self.num_font, size, align="right")
                    d.text(r - mw, vy + 3.6, mark, self.num_font, 5.5)
                else:
                    d.text(r, vy, v, self.num_font, size, align="right")
            y = min(last, vy - (len(units) - 1) * lead) - 4
            d.rule(y, width=0.3, gray=0.6)
        d.rule(y, width=0.8)
        return y


def footnotes(doc: Doc, y: float, notes: list[str], font: str, size: float = 7.5) -> float:
    y -= 12
    for n in notes:
        y = paragraph(doc, LEFT, y, n, font, size, RIGHT - LEFT, size + 3)
    return y


# ==================================================================================================
# Report 1: 九龍置地控股有限公司 2023年環境、社會及管治報告 (Traditional Chinese, calendar 2023)
# ==================================================================================================
KP_FILE = HERE / "kowloon-property-2023.zh-hant.pdf"

KP_T = "噸二氧化碳當量"

# table 1 - newest first
KP_GHG = [
    ("row", ["範圍一：直接排放"], KP_T, ["1,789.5", "1,906.0"], {"sup": "1"}),
    ("row", ["固定燃燒源（備用發電機及", "建築機械所用柴油）"], KP_T, ["489.5", "528.7"], {"indent": True}),
    ("row", ["流動燃燒源（車隊汽油）"], KP_T, ["171.9", "184.4"], {"indent": True}),
    # DELIBERATE INCONSISTENCY: should be 742.5 (sub-rows then sum to 1,789.5)
    ("row", ["煤氣燃燒（商場及會所廚房）"], KP_T, ["842.5", "780.6"], {"indent": True}),
    ("row", ["製冷劑逸散"], KP_T, ["385.6", "412.3"], {"indent": True}),
    ("row", ["範圍二：能源間接排放", "（外購電力）"], KP_T, ["50,097.9", "52,737.0"], {"sup": "2"}),
    ("row", ["溫室氣體排放總量", "（範圍一及範圍二）"], KP_T, ["51,887.4", "54,643.0"]),
    ("row", ["溫室氣體排放密度"], "千克二氧化碳當量／平方米", ["40.34", "43.57"], {"sup": "3"}),
]

# table 2 - OLDEST first (2022, 2023)
KP_ENERGY = [
    ("row", ["外購電力"], "千瓦時", ["131,842,600", "128,456,200"]),
    ("row", ["柴油"], "公升", ["201,350", "186,420"]),
    ("row", ["汽油"], "公升", ["78,140", "72,860"]),
    ("row", ["煤氣"], "單位", ["1,318,600", "1,254,300"], {"sup": "4"}),
    ("row", ["能源總耗量"], "兆瓦時", ["152,325.2", "147,871.2"]),
    ("row", ["能源密度（按總樓面面積", "計算）"], "千瓦時／平方米", ["121.47", "114.95"]),
]

# table 3 - newest first
KP_WATER = [
    ("row", ["耗水量"], "立方米", ["1,126,480", "1,158,920"], {"vsup": {0: "5"}}),
    ("row", ["耗水密度"], "立方米／平方米", ["0.8757", "0.9242"]),
    ("row", ["無害廢棄物總量"], "公噸", ["9,879.3", "10,417.6"]),
    ("row", ["一般商業及住宅廢物"], "公噸", ["8,642.5", "8,915.2"], {"indent": True}),
    ("row", ["建築及裝修廢物"], "公噸", ["1,236.8", "1,502.4"], {"indent": True}),
    ("row", ["無害廢棄物密度"], "公斤／平方米", ["7.68", "8.31"]),
    ("row", ["有害廢棄物（化學廢物、廢光管", "及廢電池）"], "公噸", ["3.46", "4.12"]),
    ("row", ["回收物料總量"], "公噸", ["1,482.6", "1,315.9"]),
]

# table 4 - newest first
KP_STAFF = [
    ("row", ["僱員總數"], "人", ["3,462", "3,518"], {"sup": "6"}),
    ("group", "按性別劃分"),
    ("row", ["男性"], "人", ["1,948", "1,985"], {"indent": True}),
    ("row", ["女性"], "人", ["1,514", "1,533"], {"indent": True}),
    ("group", "按年齡組別劃分"),
    ("row", ["30歲以下"], "人", ["612", "655"], {"indent": True}),
    ("row", ["30至50歲"], "人", ["1,538", "1,560"], {"indent": True}),
    ("row", ["50歲以上"], "人", ["1,312", "1,303"], {"indent": True}),
    ("group", "按僱傭類型劃分"),
    ("row", ["全職"], "人", ["3,186", "3,221"], {"indent": True}),
    ("row", ["兼職"], "人", ["118", "125"], {"indent": True}),
    ("row", ["合約及臨時僱員（包括項目", "合約人員）"], "人", ["158", "172"], {"indent": True}),
]

# table 5 - newest first
KP_TURNOVER = [
    ("row", ["整體僱員流失率"], "%", ["14.8", "16.2"], {"sup": "7"}),
    ("group", "按性別劃分"),
    ("row", ["男性"], "%", ["13.9", "15.1"], {"indent": True}),
    ("row", ["女性"], "%", ["16.0", "17.6"], {"indent": True}),
    ("group", "按年齡組別劃分"),
    ("row", ["30歲以下"], "%", ["28.4", "30.2"], {"indent": True}),
    ("row", ["30至50歲"], "%", ["12.6", "13.9"], {"indent": True}),
    ("row", ["50歲以上"], "%", ["11.1", "11.9"], {"indent": True}),
]

# table 6 - OLDEST first
KP_SAFETY = [
    ("row", ["工傷個案數目"], "宗", ["38", "31"], {"sup": "8"}),
    ("row", ["因工傷損失工作日數", "（不包括通勤途中意外）"], "日", ["1,046", "862"]),
    ("row", ["受訓僱員百分比"], "%", ["86.5", "89.2"]),
    ("row", ["培訓總時數"], "小時", ["51,363", "54,700"]),
    ("row", ["每名僱員平均受訓時數"], "小時", ["14.6", "15.8"]),
    ("group", "按職級劃分之平均受訓時數"),
    ("row", ["高級管理層"], "小時", ["24.5", "26.0"], {"indent": True}),
    ("row", ["中級管理層"], "小時", ["20.8", "21.4"], {"indent": True}),
    ("row", ["一般員工（包括前線物業", "管理及保安人員）"], "小時", ["14.1", "15.3"], {"indent": True}),
]

# table 7 - newest first
KP_SUPPLIERS = [
    ("row", ["香港"], "家", ["286", "272"]),
    ("row", ["中國內地"], "家", ["124", "131"]),
    ("row", ["海外"], "家", ["18", "21"]),
    ("row", ["供應商總數"], "家", ["428", "424"]),
]

# table 8 - OLDEST first
KP_CONDUCT = [
    ("row", ["接獲有關物業管理及租務服務", "的投訴"], "宗", ["214", "186"]),
    ("row", ["投訴跟進及處理率"], "%", ["100", "100"]),
    ("row", ["參與反貪污培訓的董事及", "僱員人數"], "人", ["2,846", "3,105"]),
    ("row", ["反貪污培訓總時數"], "小時", ["4,269", "4,658"]),
    ("row", ["已審結的貪污訴訟案件"], "宗", ["0", "0"]),
]

KP_P2 = [
    ("關於本報告", [
        "本報告為九龍置地控股有限公司（「本公司」，連同其附屬公司統稱「本集團」）發佈的年度環境、社會及管治"
        "（「ESG」）報告，乃根據香港聯合交易所有限公司證券上市規則附錄C2《環境、社會及管治報告指引》編製，"
        "涵蓋2023年1月1日至2023年12月31日（「報告期」）。除另有說明外，本報告的數據涵蓋本集團在香港的物業"
        "發展、物業投資及物業管理業務，與去年的匯報範圍一致。",
    ]),
    ("業務概覽", [
        "本集團主要從事住宅及商業物業的發展、租賃及管理。報告期內，本集團總收益為‹港幣58.62億元›"
        "（2022年：‹港幣55.37億元›）。截至2023年12月31日，本集團於香港管理的物業總樓面面積為"
        "‹1,286,400平方米›（2022年12月31日：‹1,254,000平方米›），涵蓋住宅屋苑、商場及寫字樓。"
        "本報告的環境密度指標均以年末總樓面面積為分母計算。",
    ]),
    ("董事會聲明", [
        "董事會全面負責本集團的ESG策略及匯報，並透過ESG委員會監察氣候相關風險、能源管理及僱員健康與安全"
        "等重要議題的表現及目標進度。董事會已審閱並批准本報告。",
    ]),
    ("匯報原則", [
        "重要性：本集團透過持份者問卷及訪談識別重要議題，並經董事會確認。量化：本報告以量化方式披露關鍵"
        "績效指標，並在適用情況下附註計算方法及排放系數。平衡：本報告不偏不倚地呈列本集團的表現。一致性："
        "除特別註明外，本報告採用與往年一致的統計方法，以便比較。",
    ]),
    ("持份者意見", [
        "我們歡迎各界人士就本報告提出意見，請電郵至本公司的可持續發展部。",
    ]),
]

KP_P7_LEFT = [
    ("社區投資", [
        "本集團秉持「與社區共同成長」的理念，透過捐款、贊助及實物捐贈支援長者、基層家庭及青少年發展。"
        "報告期內，本集團的社區投資‹約港幣320萬元›（2022年：‹港幣285萬元›），主要捐助對象包括區內長者"
        "中心及兒童住宿服務機構。",
        "年內，我們聯同多間非政府機構於節日期間向有需要家庭派發‹約8,000份›食物包，並於旗下商場舉辦二手"
        "物品回收及捐贈活動，鼓勵租戶及顧客參與。",
    ]),
    ("義工服務", [
        "「九龍置地義工隊」由員工及其家屬組成，定期探訪獨居長者、參與社區清潔及舉辦節日活動。報告期內，"
        "參與義工活動的員工‹逾620人次›，義工服務時數‹逾4,500小時›。",
    ]),
    ("職業健康與安全", [
        "物業管理及維修保養工作涉及高空、密閉空間及電力作業等風險。本集團已建立職業健康及安全管理體系，"
        "並定期進行風險評估及安全巡查。年內‹並無錄得因工死亡個案›。工傷個案及損失工作日數載於表六。",
    ]),
]

KP_P7_RIGHT = [
    ("僱傭及人才挽留", [
        "本集團提供具競爭力的薪酬及福利，並透過員工意見調查了解員工需要。年內共有‹513名›僱員離職，"
        "整體流失率為14.8%（2022年：16.2%），其中以30歲以下僱員的流失率較高。我們已加強新入職員工的"
        "導師計劃，以提升年輕員工的歸屬感。",
    ]),
    ("可再生能源及氣候行動", [
        "我們於旗下多個物業的天台安裝太陽能光伏板，全年發電‹約186,000千瓦時›，全數供公用地方照明使用。"
        "本集團的目標是於2030年前將用電密度較2022年降低15%，並逐步將車隊更換為電動車。",
        "此外，我們已為所有新發展項目訂立綠色建築認證要求，並於主要商場推行冷水機組優化及LED照明更換"
        "工程。",
    ]),
    ("員工發展", [
        "本集團為不同職級的員工提供管理、客戶服務、技術及職安健培訓，並資助員工修讀與工作相關的專業課程。"
        "培訓數據載於表六。",
    ]),
]

KP_INDEX = [
    "A1.2 溫室氣體排放　第3頁", "A1.3 有害廢棄物　第4頁", "A1.4 無害廢棄物　第4頁",
    "A2.1 能源消耗　第4頁", "A2.2 耗水量　第4頁", "B1.1 僱員總數　第5頁", "B1.2 僱員流失率　第5頁",
    "B2.1 因工死亡　第7頁", "B2.2 損失工作日數　第6頁", "B3.1–B3.2 發展及培訓　第6頁",
    "B5.1 供應商數目　第8頁", "B6.2 投訴　第8頁", "B7.3 反貪污培訓　第8頁", "B8.2 社區投資　第7頁",
]


def build_kowloon() -> Doc:
    d = Doc(KP_FILE, "九龍置地控股有限公司 2023年環境、社會及管治報告", "九龍置地控股有限公司",
            "2023年環境、社會及管治報告", CJK, "— {n} —")
    f = CJK

    def heading(y: float, s: str, size: float = 14) -> float:
        d.text(LEFT, y, s, f, size)
        d.rule(y - 5, width=1.2, gray=0.3)
        return y - 26

    def kp_table(y, title, rows, newest_first=True):
        hdr = ["指標", "單位", "2023年", "2022年"] if newest_first else ["指標", "單位", "2022年", "2023年"]
        return Table(d, title, hdr, f, "Helvetica", unit_x=290, value_right=[470, 540],
                     valign="top").draw(y, rows)

    # p1 cover
    d.text(W / 2, 560, "九龍置地控股有限公司", f, 26, align="centre")
    d.text(W / 2, 528, "Kowloon Property Holdings Limited", "Helvetica", 14, align="centre")
    d.text(W / 2, 430, "2023年", f, 30, align="centre")
    d.text(W / 2, 390, "環境、社會及管治報告", f, 30, align="centre")
    d.text(W / 2, 250, "（於香港註冊成立之有限公司）", f, 11, align="centre")
    d.text(W / 2, 232, "股份代號：8826", f, 11, align="centre")

    # p2 about
    d.new_page()
    y = H - 80
    for head, paras in KP_P2:
        y = heading(y, head)
        for p in paras:
            y = paragraph(d, LEFT, y, p, f, 10.5, RIGHT - LEFT, 17) - 10
        y -= 8

    # p3 GHG
    d.new_page()
    y = heading(H - 80, "環境：排放物")
    y = paragraph(d, LEFT, y, "本集團的溫室氣體排放主要來自物業公用地方及商場的外購電力（範圍二），其次為備用發電機、"
                  "車隊及商場廚房煤氣的燃料燃燒（範圍一）。受惠於冷水機組優化及照明更換工程，報告期內溫室氣體排放"
                  "總量較2022年減少約5.0%。", f, 10.5, RIGHT - LEFT, 17) - 14
    y = kp_table(y, "表一：溫室氣體排放", KP_GHG)
    y = footnotes(d, y, [
        "註1：範圍一排放按香港環境保護署及機電工程署《香港建築物（商業、住宅或公共用途）的溫室氣體排放及減除"
        "的核算和報告指引》計算。",
        "註2：範圍二排放按電力公司公佈的排放系數計算，僅採用以地點為基礎的方法。",
        "註3：排放密度＝溫室氣體排放總量÷年末總樓面面積（2023年：1,286,400平方米；2022年：1,254,000平方米）。",
    ], f) - 20
    y = paragraph(d, LEFT, y, "廢氣排放：本集團車隊規模細小，氮氧化物、硫氧化物及顆粒物排放量並不重大，故本報告不作披露。",
                  f, 10.5, RIGHT - LEFT, 17)

    # p4 energy, water, waste
    d.new_page()
    y = heading(H - 80, "環境：資源使用")
    y = kp_table(y, "表二：能源消耗", KP_ENERGY, newest_first=False)
    y = footnotes(d, y, [
        "註4：煤氣以煤氣公司的計量單位列示，1單位相等於48兆焦耳。能源總耗量按柴油每公升38.6兆焦耳、汽油每公升"
        "34.2兆焦耳換算，不包括自行產生的太陽能電力。",
    ], f) - 26
    y = kp_table(y, "表三：用水及廢棄物", KP_WATER)
    footnotes(d, y, [
        "註5：耗水量包括由本集團繳付水費的商場及公用地方用水，不包括住戶自行繳付的用水。",
    ], f)

    # p5 workforce
    d.new_page()
    y = heading(H - 80, "社會：僱傭")
    y = kp_table(y, "表四：僱員概況", KP_STAFF) - 26
    y = kp_table(y, "表五：僱員流失率", KP_TURNOVER)
    footnotes(d, y, [
        "註6：截至各年12月31日的僱員人數。",
        "註7：流失率＝年內離職僱員人數÷年末僱員總數×100%。",
    ], f)

    # p6 safety and training
    d.new_page()
    y = heading(H - 80, "社會：健康與安全及發展培訓")
    y = paragraph(d, LEFT, y, "本集團致力為員工提供安全的工作環境，並透過系統化培訓提升員工的專業能力。下表列示本集團"
                  "過去兩年的職業健康與安全及培訓數據。", f, 10.5, RIGHT - LEFT, 17) - 14
    y = kp_table(y, "表六：健康與安全及培訓", KP_SAFETY, newest_first=False)
    footnotes(d, y, ["註8：指導致損失工作日超過三天的工傷個案。"], f)

    # p7 two-column prose
    d.new_page()
    y0 = heading(H - 80, "社區與員工")
    colw = (RIGHT - LEFT - 24) / 2
    for x, sections in ((LEFT, KP_P7_LEFT), (LEFT + colw + 24, KP_P7_RIGHT)):
        y = y0
        for head, paras in sections:
            d.text(x, y, head, f, 12)
            y -= 20
            for p in paras:
                y = paragraph(d, x, y, p, f, 10, colw, 16) - 8
            y -= 10

    # p8 operating practices
    d.new_page()
    y = heading(H - 80, "社會：營運慣例")
    y = kp_table(y, "表七：按地區劃分的供應商數目", KP_SUPPLIERS) - 26
    y = kp_table(y, "表八：產品責任及反貪污", KP_CONDUCT, newest_first=False) - 30
    d.text(LEFT, y, "香港聯交所《環境、社會及管治報告指引》索引（摘要）", f, 11)
    y -= 18
    for i, item in enumerate(KP_INDEX):
        d.text(LEFT + (i % 2) * 250, y - (i // 2) * 14, item, f, 8.5)
    d.save()
    return d


# ==================================================================================================
# Report 2: Sunrise Health Group Limited ESG Report FY2024 (English, year ended 31 March 2024)
# ==================================================================================================
SH_FILE = HERE / "sunrise-health-fy2024.en.pdf"
HV, HB = "Helvetica", "Helvetica-Bold"


def _num(s: str) -> float | None:
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


def change(values: list[str]) -> str:
    """% change FY2024 vs FY2023, computed from the printed values."""
    a, b = _num(values[0]), _num(values[1])
    if a is None or b is None or b == 0:
        return "N/A"
    return f"{(a - b) / b * 100:+.1f}%"


def sh_rows(rows: list[tuple]) -> list[tuple]:
    out = []
    for r in rows:
        if r[0] == "row":
            _, labels, unit, vals, *rest = r
            out.append(("row", labels, unit, list(vals) + [change(vals)], *rest))
        else:
            out.append(r)
    return out


T = "tCO2e"
SH_EMISSIONS = [
    ("group", "Greenhouse gas emissions"),
    ("row", ["Scope 1 direct emissions"], T, ["2,625.7", "2,654.7", "2,643.6"], {"sup": "1"}),
    ("row", ["Stationary combustion (towngas and", "diesel generators)"], T,
     ["1,642.8", "1,615.2", "1,563.9"], {"indent": True}),
    ("row", ["Mobile combustion (vehicles and", "ambulances)"], T, ["118.4", "126.7", "121.5"],
     {"indent": True}),
    ("row", ["Fugitive emissions (refrigerants and", "anaesthetic gases)"], T, ["864.5", "912.8", "958.2"],
     {"indent": True}),
    ("row", ["Scope 2 energy indirect emissions –", "location-based"], T,
     ["16,714.0", "15,923.0", "14,879.8"], {"sup": "2"}),
    ("row", ["Scope 2 energy indirect emissions –", "market-based"], T, ["14,982.6", "15,406.3", "N/A"],
     {"sup": "3"}),
    ("row", ["Total GHG emissions (Scope 1 and 2,", "location-based)"], T,
     ["19,339.7", "18,577.7", "17,523.4"]),
    ("row", ["Number of licensed beds (year end)"], "beds", ["1,120", "1,080", "1,045"]),
    # DELIBERATE INCONSISTENCY: FY2023 should be 17.20 (18,577.7 / 1,080)
    ("row", ["GHG intensity"], "tCO2e/bed", ["17.27", "17.02", "16.77"]),
    ("group", "Air emissions"),
    ("row", ["Nitrogen oxides (NOx)"], "kg", ["1,284.6", "1,352.1", "1,298.4"], {"indent": True}),
    ("row", ["Sulphur oxides (SOx)"], "kg", ["6.8", "7.3", "7.0"], {"indent": True}),
    ("row", ["Particulate matter (PM)"], "kg", ["94.2", "99.6", "95.1"], {"indent": True}),
]

SH_RESOURCES = [
    ("group", "Energy"),
    ("row", ["Purchased electricity"], "kWh", ["42,856,300", "41,902,700", "40,215,800"], {"indent": True}),
    ("row", ["Solar PV electricity generated and", "consumed on site"], "kWh", ["186,400", "92,500", "-"],
     {"indent": True}),
    ("row", ["Diesel (generators and vehicles)"], "GJ", ["3,846", "4,102", "3,958"], {"indent": True}),
    ("row", ["Towngas"], "GJ", ["28,415", "27,862", "26,930"], {"indent": True}),
    ("row", ["Total energy consumption"], "MWh", ["52,004.1", "50,874.1", "48,795.8"], {"vsup": {0: "4"}}),
    ("row", ["Energy intensity"], "MWh/bed", ["46.43", "47.11", "46.69"]),
    ("break",),
    ("group", "Water"),
    ("row", ["Water consumption"], "m³", ["486,250", "471,380", "458,920"], {"indent": True}),
    ("row", ["Water intensity"], "m³/bed", ["434.15", "436.46", "439.16"], {"indent": True}),
    ("group", "Waste"),
    ("row", ["Clinical waste"], "kg", ["612,480", "596,730", "583,150"], {"indent": True, "sup": "5"}),
    ("row", ["Chemical waste (including expired", "drugs and laboratory chemicals)"], "kg",
     ["18,640", "17,920", "16,480"], {"indent": True}),
    ("row", ["Total hazardous waste"], "tonnes", ["631.12", "614.65", "599.63"], {"indent": True}),
    ("row", ["General (non-hazardous) waste"], "tonnes", ["1,842.6", "1,905.3", "1,876.4"], {"indent": True}),
    ("row", ["Packaging material"], "tonnes", ["N/A", "N/A", "N/A"], {"indent": True, "sup": "6"}),
]

SH_WORKFORCE = [
    ("row", ["Total workforce (at 31 March)"], "headcount", ["6,248", "5,986", "5,712"]),
    ("group", "By gender"),
    ("row", ["Male"], "headcount", ["1,718", "1,652", "1,590"], {"indent": True}),
    ("row", ["Female"], "headcount", ["4,530", "4,334", "4,122"], {"indent": True}),
    ("group", "By age group"),
    ("row", ["Under 30"], "headcount", ["1,524", "1,468", "-"], {"indent": True, "sup": "7"}),
    ("row", ["30 to 50"], "headcount", ["3,462", "3,318", "-"], {"indent": True}),
    ("row", ["Over 50"], "headcount", ["1,262", "1,200", "-"], {"indent": True}),
    ("group", "By employment type"),
    ("row", ["Full-time"], "headcount", ["5,612", "5,401", "-"], {"indent": True}),
    ("row", ["Part-time"], "headcount", ["636", "585", "-"], {"indent": True}),
    ("row", ["Employee turnover rate"], "%", ["18.6", "20.3", "21.8"], {"sup": "8"}),
]

SH_SAFETY = [
    ("row", ["Work-related fatalities"], "number", ["0", "0", "0"]),
    ("row", ["Lost days due to work injury"], "days", ["1,284", "1,402", "1,356"]),
    ("row", ["Average training hours per", "employee"], "hours", ["22.4", "20.8", "19.5"]),
    ("group", "By employee category"),
    ("row", ["Senior management"], "hours", ["28.5", "26.0", "-"], {"indent": True}),
    ("row", ["Middle management"], "hours", ["24.6", "22.9", "-"], {"indent": True}),
    ("row", ["Frontline healthcare and general", "staff"], "hours", ["22.1", "20.5", "-"], {"indent": True}),
]

SH_OPERATING = [
    ("group", "Number of suppliers by region"),
    ("row", ["Hong Kong"], "number", ["412", "398", "-"], {"indent": True}),
    ("row", ["Mainland China"], "number", ["156", "149", "-"], {"indent": True}),
    ("row", ["Overseas"], "number", ["48", "45", "-"], {"indent": True}),
    ("row", ["Total"], "number", ["616", "592", "571"], {"indent": True}),
    ("row", ["Service-related complaints received"], "number", ["86", "94", "102"]),
    ("row", ["Anti-corruption training hours", "(directors and staff)"], "hours", ["3,120", "2,870", "2,450"]),
    ("row", ["Community investment"], "HK$'000", ["2,860", "2,450", "2,130"], {"sup": "9"}),
]

SH_HEAD = ["Indicator", "Unit", "FY2024", "FY2023", "FY2022", "% change"]


def build_sunrise() -> Doc:
    d = Doc(SH_FILE, "Sunrise Health Group Limited - ESG Report 2023/24", "Sunrise Health Group Limited",
            "Environmental, Social and Governance Report 2023/24", HV, "Page {n}")

    def heading(y: float, s: str) -> float:
        d.text(LEFT, y, s, HB, 14)
        d.rule(y - 5, width=1.2, gray=0.3)
        return y - 24

    def para(y: float, s: str) -> float:
        return paragraph(d, LEFT, y, s, HV, 10, RIGHT - LEFT, 14) - 8

    def sh_table(y, title, rows):
        return Table(d, title, SH_HEAD, HV, HV, unit_x=262, value_right=[375, 432, 489, 545],
                     valign="bottom", size=8.5, leading=11.5, title_font=HB, header_font=HB,
                     continued=" (continued)").draw(y, sh_rows(rows))

    def notes(y, ns):
        return footnotes(d, y, ns, HV, 7.5)

    # p1 cover + about
    d.text(LEFT, H - 120, "Sunrise Health Group Limited", HB, 24)
    d.text(LEFT, H - 150, "Environmental, Social and Governance Report", HV, 18)
    d.text(LEFT, H - 172, "For the year ended 31 March 2024", HV, 12)
    y = heading(H - 240, "About this Report")
    y = para(y, 'This report covers Sunrise Health Group Limited (the "Company") and its subsidiaries (together, '
                'the "Group") for the financial year from 1 April 2023 to 31 March 2024 ("FY2024" or the '
                '"Reporting Period"). Comparative figures are given for FY2023 and FY2022. It has been prepared '
                'in accordance with the Environmental, Social and Governance Reporting Code in Appendix C2 to the '
                'Rules Governing the Listing of Securities on The Stock Exchange of Hong Kong Limited.')
    y = para(y, "The Group operates private hospitals and a network of specialist and general practice clinics in "
                "Hong Kong and Shenzhen, providing inpatient, day-surgery, diagnostic imaging and primary care "
                "services. Revenue for FY2024 was ‹HK$4,218.6 million› (FY2023: ‹HK$3,902.4 million›).")
    y = para(y, "Environmental data cover all hospitals and clinics under the Group's operational control. "
                "Intensity figures are expressed per licensed bed at the end of each financial year. The "
                "% change column compares FY2024 with FY2023.")
    y = heading(y - 10, "Board Statement")
    para(y, "The Board has overall responsibility for the Group's ESG strategy and reporting. It oversees "
            "climate-related risks, clinical waste management and workforce wellbeing through the ESG Committee, "
            "which meets quarterly, and has reviewed and approved this report.")

    # p2 emissions
    d.new_page()
    y = heading(H - 80, "Environmental Performance")
    y = para(y, "Most of our emissions come from purchased electricity for air conditioning, lighting and "
                "medical equipment. Scope 1 emissions arise mainly from towngas used in kitchens and sterilisation, "
                "diesel generators and the use of refrigerants and anaesthetic gases in operating theatres.") - 6
    y = sh_table(y, "Table 1: Greenhouse gas and air emissions", SH_EMISSIONS)
    notes(y, [
        "1. Scope 1 and Scope 2 emissions are calculated with reference to the GHG Protocol and the emission "
        "factors published by the local power companies and HKEX.",
        "2. Location-based Scope 2 uses the average grid emission factors of the power companies.",
        "3. Market-based Scope 2 reflects renewable energy certificates purchased from FY2023 onwards; it was "
        "not calculated for FY2022.",
    ])

    # p3 energy (table splits to p4)
    d.new_page()
    y = heading(H - 80, "Energy and Resource Use")
    for s in [
        "Hospitals run around the clock and are energy intensive. During the year we completed chiller "
        "replacement at our flagship hospital, upgraded building management systems at three clinics and "
        "extended the rooftop solar PV system commissioned in FY2023.",
        "Our energy management programme is overseen by the Group Facilities Department, which sets annual "
        "energy-saving plans for each hospital and monitors monthly consumption against them. Energy audits are "
        "conducted at each hospital at least once every three years.",
        "Water is used mainly for sterilisation, laundry, kitchens and cooling towers. We have installed "
        "water-saving devices and recycle condensate water from air-handling units where practicable. Clinical "
        "waste is collected by licensed contractors and disposed of at the government Chemical Waste Treatment "
        "Centre in accordance with the Waste Disposal (Clinical Waste) (General) Regulation.",
        "Energy, water and waste data for FY2024, with comparatives for the two previous financial years, are "
        "set out in Table 2 below.",
    ]:
        y = para(y, s)
    y = heading(y - 10, "Climate-related Risks")
    for s in [
        "Extreme weather, including typhoons, rainstorms and prolonged heat, may disrupt hospital operations, "
        "damage equipment and increase cooling demand. Our hospitals maintain business continuity plans with "
        "back-up power and water supply, and the Facilities Department reviews flood protection before each "
        "typhoon season. Transition risks include tighter building energy codes and rising electricity tariffs.",
    ]:
        y = para(y, s)
    y = heading(y - 10, "Green Buildings and Procurement")
    for s in [
        "New hospital wings are designed to BEAM Plus standards, with high-efficiency chillers, heat-recovery "
        "ventilation and daylight-responsive lighting. Existing buildings are retro-commissioned on a rolling "
        "basis, starting with the facilities that have the highest energy use per bed.",
        "When procuring medical consumables and equipment, we give preference to suppliers that offer reusable "
        "or recyclable packaging, take-back schemes for devices and energy-efficient models, and we work with "
        "our laundry and catering contractors to cut water use and food waste.",
    ]:
        y = para(y, s)
    # Table 2 starts low on this page and continues overleaf (the "break" row in SH_RESOURCES)
    y = sh_table(y, "Table 2: Energy and resource use", SH_RESOURCES)
    y = notes(y, [
        "4. Total energy consumption = purchased electricity + solar PV electricity + diesel and towngas "
        "(GJ / 3.6).",
        "5. Clinical waste is collected by licensed collectors and incinerated at the Chemical Waste Treatment Centre.",
        "6. Packaging material is not material to the Group's healthcare services.",
    ]) - 22

    y = heading(y, "Social Performance")
    y = sh_table(y, "Table 3: Workforce", SH_WORKFORCE)
    notes(y, [
        "7. Age and employment-type breakdowns were first collected in FY2023.",
        "8. Turnover rate = number of employees who left during the year / headcount at 31 March x 100%.",
    ])

    # p5 safety, training, operating practices
    d.new_page()
    y = heading(H - 80, "Health, Safety and Development")
    y = para(y, "Our occupational safety management system covers manual handling, sharps injuries, infection "
                "control and workplace violence. All new staff complete induction safety training.") - 6
    y = sh_table(y, "Table 4: Health, safety and training", SH_SAFETY) - 30
    y = heading(y, "Operating Practices and Community")
    y = sh_table(y, "Table 5: Supply chain, service responsibility, anti-corruption and community",
                 SH_OPERATING)
    notes(y, [
        "9. Cash donations and the value of free medical services provided to non-governmental organisations.",
    ])

    # p6 prose + index
    d.new_page()
    y = heading(H - 80, "Caring for the Community")
    y = para(y, "During FY2024, our staff volunteers contributed ‹more than 5,200 volunteer hours› to free health "
                "screening, elderly outreach and first-aid training for schools. The Group's community "
                "investment, including cash donations and in-kind medical services, is set out in Table 5.")
    y = heading(y - 10, "Anti-corruption")
    y = para(y, "The Group has zero tolerance for bribery, extortion, fraud and money laundering. All directors and "
                "staff must comply with the Code of Conduct, and concerns can be raised in confidence through our "
                "whistleblowing channel. ‹There were no concluded legal cases regarding corrupt practices› brought "
                "against the Group or its employees during the Reporting Period.")
    y = heading(y - 10, "Looking Ahead")
    y = para(y, "Scope 1 emissions fell by 1.1% compared with FY2023. We aim to reduce Scope 2 emissions intensity "
                "per bed by 20% by FY2030 from the FY2022 baseline and to install further solar PV capacity at "
                "two hospitals by FY2026.")
    y = heading(y - 10, "HKEX ESG Reporting Code Content Index")
    for i, item in enumerate([
        "A1.1 Air emissions - page 2", "A1.2 GHG emissions - page 2", "A1.3 Hazardous waste - page 4",
        "A1.4 Non-hazardous waste - page 4", "A2.1 Energy - page 3", "A2.2 Water - page 4",
        "B1.1 Workforce - page 4", "B1.2 Turnover - page 4", "B2.1 Fatalities - page 5",
        "B2.2 Lost days - page 5", "B3.2 Training hours - page 5", "B5.1 Suppliers - page 5",
        "B6.2 Complaints - page 5", "B7.3 Anti-corruption training - page 5", "B8.2 Community - pages 5-6",
    ]):
        d.text(LEFT + (i % 2) * 250, y - (i // 2) * 14, item, HV, 8.5)
    d.save()
    return d


# ==================================================================================================
# checks
# ==================================================================================================
REQUIRED = ["metric", "value", "unit", "period", "dims", "page", "line", "raw_value", "raw_unit"]
ALLOWED = set(REQUIRED) | {"qualifier", "note"}


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s).replace(",", "")


def _period(header: str) -> str:
    """Column header -> period: '2023年' -> '2023', 'FY2024' -> 'FY2024', '% change' -> ''."""
    m = re.fullmatch(r"(FY)?(\d{4})年?", header)
    return (m.group(1) or "") + m.group(2) if m else ""


def check(doc: Doc, gold_path: Path) -> list[str]:
    errors: list[str] = []
    pdf_pages = None
    try:
        import pypdfium2 as pdfium  # only for the text-layer cross-check
        pdf = pdfium.PdfDocument(str(doc.path))
        pdf_pages = [_squash(pdf[i].get_textpage().get_text_range()) for i in range(len(pdf))]
    except ImportError:
        pass
    seen = set()
    n = 0
    for ln, raw in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        n += 1
        rec = json.loads(raw)
        where = f"{gold_path.name}:{ln}"
        missing = [k for k in REQUIRED if k not in rec]
        extra = set(rec) - ALLOWED
        if missing or extra:
            errors.append(f"{where}: missing {missing} extra {sorted(extra)}")
            continue
        key = (rec["metric"], rec["period"], json.dumps(rec["dims"], sort_keys=True))
        if key in seen:
            errors.append(f"{where}: duplicate {key}")
        seen.add(key)
        page = rec["page"]
        if not 1 <= page <= len(doc.pages):
            errors.append(f"{where}: page {page} out of range")
            continue
        drawn = doc.pages[page - 1]
        rv = rec["raw_value"]
        pat = re.compile(r"(?<![\d,.])" + re.escape(rv) + r"(?![\d])")
        if not any(pat.search(s) for s in drawn):
            errors.append(f"{where}: raw_value {rv!r} not drawn on page {page}")
        # a table value must sit in the column of the record's period
        cells = [c for c in doc.cells if c[0] == page and c[3] == rv]
        if cells and not any(_period(c[2]) == rec["period"] for c in cells):
            errors.append(f"{where}: {rv!r} is not in a {rec['period']} column on page {page}: {cells}")
        if pdf_pages is not None and _squash(rv) not in pdf_pages[page - 1]:
            errors.append(f"{where}: raw_value {rv!r} not in the PDF text layer of page {page}")
        if rec["line"] is not None:
            errors.append(f"{where}: line should be null")
    # every numeric value cell of a period column has a gold record (the % change column has none)
    gold = [json.loads(x) for x in gold_path.read_text(encoding="utf-8").splitlines() if x.strip()]
    have = {(g["page"], g["raw_value"], g["period"]) for g in gold}
    for page, label, header, v in doc.cells:
        per = _period(header)
        if per and re.fullmatch(r"[\d,.]+", v) and (page, v, per) not in have:
            errors.append(f"no gold record for table cell p{page} {label!r} {header} {v!r}")
        if not per and (page, v, "FY2024") in have and header == "% change":
            errors.append(f"% change cell {v!r} looks recorded (p{page} {label!r})")
    print(f"{gold_path.name}: {n} records, {len(doc.pages)} pages, {len(errors)} problems")
    return errors


def main() -> int:
    kp = build_kowloon()
    sh = build_sunrise()
    print(f"wrote {kp.path.name} ({kp.pageno} pages) and {sh.path.name} ({sh.pageno} pages)")
    if "--check" in sys.argv:
        errs = check(kp, HERE / "kowloon-property-2023.zh-hant.jsonl")
        errs += check(sh, HERE / "sunrise-health-fy2024.en.jsonl")
        for e in errs:
            print("  " + e)
        return 1 if errs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
