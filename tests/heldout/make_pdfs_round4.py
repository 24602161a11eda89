#!/usr/bin/env python3
"""Build the round-4 synthetic held-out PDF in this folder.

    .venv/bin/python tests/heldout/make_pdfs_round4.py           # (re)build the PDF
    .venv/bin/python tests/heldout/make_pdfs_round4.py --check   # build, then check the gold file

* ``tianfu-water-2024.zh-hans.pdf`` - Simplified Chinese, Hong Kong-listed water utility with plants in
  Sichuan and Guangxi, calendar year 2024 (comparatives 2023, some tables also 2022).

Everything printed is defined in this file (no external data, no font files: Chinese text uses
reportlab's built-in CID font ``STSong-Light``; table numbers use Times-Roman). Prose pages are set in
two columns; tables are drawn cell by cell with ``drawString`` so they are text, not images.
``invariant=1`` makes the output byte-for-byte reproducible.

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
PDF = HERE / "tianfu-water-2024.zh-hans.pdf"
GOLD = HERE / "tianfu-water-2024.zh-hans.jsonl"

CJK = "STSong-Light"
NUM = "Times-Roman"
NUMB = "Times-Bold"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))

W, H = A4
LEFT, RIGHT = 56.0, W - 56.0
GUTTER = 22.0
COLW = (RIGHT - LEFT - GUTTER) / 2
TOP = H - 78.0
BOTTOM = 64.0


# --------------------------------------------------------------------------------------------------
# drawing helpers
# --------------------------------------------------------------------------------------------------
class Doc:
    """A canvas that remembers every string drawn on every page."""

    def __init__(self, path: Path):
        self.path = path
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle("天府水务集团控股有限公司 2024年度环境、社会及管治报告")
        self.c.setAuthor("esglens held-out test set (synthetic)")
        self.pages: list[list[str]] = [[]]
        self._furniture()

    def text(self, x: float, y: float, s: str, font: str = CJK, size: float = 9.5, align: str = "left",
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

    def rule(self, y: float, x0: float = LEFT, x1: float = RIGHT, width: float = 0.5, gray: float = 0.0) -> None:
        self.c.setStrokeGray(gray)
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)
        self.c.setStrokeGray(0)

    def band(self, y: float, h: float, x0: float = LEFT, x1: float = RIGHT, gray: float = 0.90) -> None:
        self.c.setFillGray(gray)
        self.c.rect(x0, y, x1 - x0, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    @property
    def pageno(self) -> int:
        return len(self.pages)

    def _furniture(self) -> None:
        n = self.pageno
        if n > 1:
            self.text(LEFT, H - 40, "天府水务集团控股有限公司", CJK, 8, gray=0.35)
            self.text(RIGHT, H - 40, "2024年度环境、社会及管治报告", CJK, 8, "right", gray=0.35)
            self.rule(H - 46, width=0.4, gray=0.5)
        self.rule(46, width=0.4, gray=0.5)
        self.text(W / 2, 32, f"{n:02d}", NUM, 8.5, "center", gray=0.35)

    def new_page(self) -> None:
        self.c.showPage()
        self.pages.append([])
        self._furniture()

    def save(self) -> None:
        self.c.save()


def width(s: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(s, font, size)


# a number with its multiplier is never split; closing punctuation never starts a line
TOKEN = re.compile(r"GB(?:/T)? [0-9]+-[0-9]+|[0-9][0-9,.]*%?[万亿]?|[A-Za-z]+|.", re.S)
NO_START = set("，。、；：）」”％%")
NO_END = set("（「“《")


def wrap(text: str, font: str, size: float, maxw: float) -> list[str]:
    lines, cur = [], ""
    for tok in TOKEN.findall(text):
        if cur and width(cur + tok, font, size) > maxw and tok not in NO_START:
            carry = ""
            while cur and cur[-1] in NO_END:
                carry, cur = cur[-1] + carry, cur[:-1]
            lines.append(cur)
            cur = carry + (tok.lstrip() if tok.strip() else "")
        else:
            cur += tok
    if cur:
        lines.append(cur)
    return lines


def column(doc: Doc, x: float, y: float, blocks: list[tuple[str, str]], colw: float = COLW,
           size: float = 9.5, lead: float = 14.6) -> float:
    """Set headings ('h') and paragraphs ('p') in one column; return the y below the last line."""
    for kind, s in blocks:
        if kind == "h":
            y -= 4
            doc.band(y - 4, 15, x, x + colw, gray=0.86)
            doc.text(x + 4, y, s, CJK, 10.5)
            y -= 19
        else:
            for line in wrap(s, CJK, size, colw):
                doc.text(x, y, line, CJK, size)
                y -= lead
            y -= 5
    return y


def two_columns(doc: Doc, y: float, left: list[tuple[str, str]], right: list[tuple[str, str]]) -> float:
    y1 = column(doc, LEFT, y, left)
    y2 = column(doc, LEFT + COLW + GUTTER, y, right)
    return min(y1, y2)


def title(doc: Doc, y: float, s: str, size: float = 15) -> float:
    doc.text(LEFT, y, s, CJK, size)
    doc.rule(y - 6, width=1.2)
    return y - 28


class Table:
    """Rows are (label, cells, indent). Wrapped labels put the values on the *last* label line."""

    def __init__(self, doc: Doc, heads: list[str], xs: list[float], label_w: float, aligns: list[str],
                 size: float = 9.0, lead: float = 13.2):
        self.doc, self.heads, self.xs, self.label_w, self.aligns = doc, heads, xs, label_w, aligns
        self.size, self.lead = size, lead

    def caption(self, y: float, s: str) -> float:
        self.doc.text(LEFT, y, s, CJK, 10)
        return y - 10

    def head(self, y: float) -> float:
        d = self.doc
        d.band(y - 17, 17, gray=0.80)
        d.text(LEFT + 4, y - 12, self.heads[0], CJK, self.size)
        for s, x, a in zip(self.heads[1:], self.xs, self.aligns):
            d.text(x, y - 12, s, CJK, self.size, a)
        d.rule(y - 17, width=0.8)
        return y - 17 - self.lead

    def draw(self, y: float, rows: list[tuple]) -> float:
        d = self.doc
        for label, cells, indent in rows:
            ind = 14.0 * indent
            mark = re.search(r"\^(\d)$", label)
            if mark:
                label = label[:mark.start()]
            lines = wrap(label, CJK, self.size, self.label_w - ind)
            for line in lines[:-1]:
                d.text(LEFT + 4 + ind, y, line, CJK, self.size)
                y -= self.lead - 1.5
            d.text(LEFT + 4 + ind, y, lines[-1], CJK, self.size)
            if mark:  # footnote number: a small raised digit after the label
                d.text(LEFT + 4 + ind + width(lines[-1], CJK, self.size) + 0.8, y + 3.6, mark.group(1), NUM, 5.8)
            for s, x, a in zip(cells, self.xs, self.aligns):
                if s:
                    font = NUM if re.match(r"^[\d,.()\-]+$", s) else CJK
                    d.text(x, y, s, font, self.size + (0.5 if font == NUM else 0), a)
            d.rule(y - 4.5, width=0.25, gray=0.6)
            y -= self.lead + 1
        d.rule(y + self.lead - 3.5, width=0.8)
        return y - 4


def footnotes(doc: Doc, y: float, notes: list[str], size: float = 7.6) -> float:
    for n in notes:
        for line in wrap(n, CJK, size, RIGHT - LEFT):
            doc.text(LEFT, y, line, CJK, size, gray=0.2)
            y -= size + 3.2
    return y - 6


# --------------------------------------------------------------------------------------------------
# the report
# --------------------------------------------------------------------------------------------------
def build() -> Doc:
    d = Doc(PDF)

    # ---- p1 cover -----------------------------------------------------------------------------------
    d.band(H - 330, 200, 0, W, gray=0.88)
    d.text(LEFT, H - 190, "天府水务集团控股有限公司", CJK, 24)
    d.text(LEFT, H - 214, "TIANFU WATER GROUP HOLDINGS LIMITED", NUMB, 13)
    d.text(LEFT, H - 236, "（于开曼群岛注册成立的有限公司）", CJK, 10)
    d.text(LEFT, H - 254, "股份代号：2959", CJK, 10)
    d.text(LEFT, H - 300, "2024年度环境、社会及管治报告", CJK, 20)
    d.text(LEFT, 220, "涓滴为民  润泽天府与八桂", CJK, 13)
    d.text(LEFT, 196, "报告期：2024年1月1日至2024年12月31日", CJK, 10)

    # ---- p2 about / overview (two columns) ------------------------------------------------------
    d.new_page()
    y = title(d, TOP, "关于本报告及公司概况")
    left = [
        ("h", "报告范围"),
        ("p", "本报告为天府水务集团控股有限公司（「本公司」，连同其附属公司统称「本集团」）发布的第六份"
              "环境、社会及管治报告，依据香港联合交易所有限公司《主板上市规则》附录C2《环境、社会及管治"
              "报告守则》编制。报告期为2024年1月1日至2024年12月31日（「报告期」），部分指标列示2023年及"
              "2022年的比较数据。"),
        ("p", "除另有说明外，报告范围涵盖本集团于四川省及广西壮族自治区运营的全部污水处理厂、自来水厂，"
              "以及香港总部办公室。本年度新增的宜宾临港污水处理厂自2024年4月起纳入统计。"),
        ("h", "公司概况"),
        ("p", "本集团主要从事城镇污水处理、自来水生产与供应以及再生水利用业务。截至2024年12月31日，本集团"
              "在四川省成都、绵阳、宜宾、南充及广西壮族自治区南宁、柳州、桂林共运营污水处理厂23座、自来水厂"
              "9座，设计日处理能力合计约186万立方米。"),
    ]
    right = [
        ("h", "经营概况"),
        ("p", "2024年，本集团实现营业收入人民币48.6亿元（2023年：人民币45.2亿元）。全年处理污水3.2亿立方米"
              "（2023年：2.96亿立方米；2022年：2.785亿立方米），供应自来水2.15亿立方米（2023年：2.08亿立方米；"
              "2022年：1.99亿立方米），合计处理水量5.35亿立方米。"),
        ("p", "本报告所列环境强度指标均以每万立方米总处理水量（即污水处理量与自来水供应量之和）计算。"),
        ("p", "全年削减化学需氧量（COD）约9.6万吨（2023年：约8.7万吨），为长江上游及珠江流域水环境改善作出"
              "贡献。"),
        ("h", "董事会声明"),
        ("p", "董事会全面负责本集团的ESG策略及汇报，并已审阅本报告。董事会于2024年通过《碳达峰行动方案》，"
              "目标为2030年单位处理水量温室气体排放强度较2022年下降15%。"),
    ]
    two_columns(d, y, left, right)

    # ---- p3 emissions --------------------------------------------------------------------------
    d.new_page()
    y = title(d, TOP, "环境：排放")
    left = [
        ("p", "污水处理过程中有机物降解及脱氮会产生甲烷及氧化亚氮，是本集团范围一排放的主要来源；"
              "外购电力则是范围二排放的唯一来源。"),
    ]
    right = [
        ("p", "报告期内，受宜宾临港厂投运影响，排放总量较2023年略有上升，但单位处理水量排放强度下降"
              "4.8%。废气主要来自天然气锅炉、备用发电机及车辆。"),
    ]
    y = two_columns(d, y, left, right) - 6
    t1 = Table(d, ["指标", "单位", "2024年", "2023年", "2022年"], [250, 418, 480, RIGHT - 4],
               label_w=190, aligns=["left", "right", "right", "right"])
    y = t1.caption(y, "表1  温室气体及废气排放")
    y = t1.head(y)
    u = "吨二氧化碳当量"
    y = t1.draw(y, [
        ("范围一：直接排放^1", [u, "41,865.5", "39,300.8", "37,170.3"], 0),
        ("① 污水处理过程（甲烷及氧化亚氮）", [u, "38,460.5", "35,912.8", "33,806.4"], 1),
        ("② 移动源燃烧（车辆汽油及柴油）", [u, "1,286.4", "1,342.7", "1,401.9"], 1),
        ("③ 固定源燃烧（天然气锅炉及备用发电机）", [u, "2,118.6", "2,045.3", "1,962.0"], 1),
        ("范围二：能源间接排放（外购电力）^2", [u, "81,820.8", "83,047.1", "81,223.8"], 0),
        ("温室气体排放总量（范围一及范围二）", [u, "123,686.3", "122,347.9", "118,394.1"], 0),
        ("温室气体排放强度^3", ["吨二氧化碳当量/万立方米", "2.31", "2.43", "2.48"], 0),
        ("氮氧化物", ["千克", "3,862", "3,951", "4,108"], 0),
        ("硫氧化物", ["千克", "46.2", "48.5", "51.3"], 0),
        ("颗粒物", ["千克", "212.4", "228.6", "240.1"], 0),
    ])
    y = footnotes(d, y, [
        "注1：污水处理过程排放按《城镇污水处理厂温室气体排放核算指南》方法计算，甲烷及氧化亚氮分别按全球变暖潜势27.9及273折算。",
        "注2：范围二采用生态环境部公布的全国电网平均排放因子计算（2024年：0.5366千克二氧化碳/千瓦时）。",
        "注3：温室气体排放强度＝温室气体排放总量÷总处理水量（万立方米）。",
    ])
    y -= 10
    left = [
        ("h", "减排措施"),
        ("p", "本集团以“精准曝气、智慧加药”为核心推进节能降碳。年内完成成都、绵阳及南宁共12座污水处理厂的"
              "曝气系统变频改造，并在柳州厂试点厌氧消化沼气回收发电，所产沼气优先用于污泥干化。"),
        ("p", "我们亦要求新建厂区同步规划屋顶及池面光伏，并逐步以新能源车辆替换巡检及抢修用车。"),
    ]
    right = [
        ("h", "废气管理"),
        ("p", "各厂区格栅间、污泥脱水间及生化池均设置除臭设施，定期委托第三方监测厂界臭气浓度及硫化氢"
              "排放，监测结果均符合《城镇污水处理厂污染物排放标准》（GB 18918-2002）的要求。"),
        ("p", "天然气锅炉采用低氮燃烧器，备用发电机仅于停电及测试时运行。"),
    ]
    two_columns(d, y, left, right)

    # ---- p4 resources and waste ---------------------------------------------------------------
    d.new_page()
    y = title(d, TOP, "环境：资源使用及废弃物")
    t2 = Table(d, ["项目", "2024年", "2023年", "2022年"], [400, 470, RIGHT - 4],
               label_w=250, aligns=["right", "right", "right"])
    y = t2.caption(y, "表2  能源及水资源使用")
    y = t2.head(y)
    y = t2.draw(y, [
        ("外购电力（万千瓦时）", ["15,248", "14,562", "13,980"], 0),
        ("光伏发电自用量（万千瓦时）^4", ["486", "212", ""], 0),
        ("天然气（万立方米）", ["86.4", "82.9", "79.5"], 0),
        ("柴油（吨）", ["312.6", "328.4", "341.2"], 0),
        ("汽油（升）", ["186,500", "194,300", "201,600"], 0),
        ("综合能耗（吨标准煤）^5", ["21,040.7", "19,849.7", "18,859.0"], 0),
        ("综合能耗强度（千克标准煤/万立方米）", ["393.3", "393.8", ""], 0),
        ("电耗强度（千瓦时/万立方米）^6", ["2,941", "2,931", "2,928"], 0),
        ("自用水量（立方米）", ["1,286,400", "1,312,800", "1,354,200"], 0),
        ("再生水回用量（万立方米）", ["2,460", "1,980", ""], 0),
    ])
    y = footnotes(d, y, [
        "注4：成都及南宁厂区屋顶光伏项目于2023年投运，2022年无相关数据。",
        "注5：按《综合能耗计算通则》（GB/T 2589-2020）折算，电力（含光伏自用电）按当量值0.1229千克标准煤/千瓦时计算；2022年未计算综合能耗强度。",
        "注6：电耗强度＝（外购电力＋光伏发电自用量）÷总处理水量。",
    ])
    y -= 6
    t3 = Table(d, ["指标", "单位", "2024年", "2023年"], [330, 450, RIGHT - 4],
               label_w=230, aligns=["left", "right", "right"])
    y = t3.caption(y, "表3  废弃物")
    y = t3.head(y)
    y = t3.draw(y, [
        ("一般固体废弃物总量", ["吨", "431,376.8", "404,502.5"], 0),
        ("脱水污泥（含水率约80%）", ["吨", "412,600", "386,900"], 1),
        ("栅渣及沉砂", ["吨", "18,420", "17,260"], 1),
        ("办公及生活垃圾", ["吨", "356.8", "342.5"], 1),
        ("一般固体废弃物强度", ["吨/万立方米", "8.06", "8.03"], 0),
        ("危险废物总量", ["吨", "22.62", "20.61"], 0),
        ("废机油及含油废物", ["吨", "12.84", "11.62"], 1),
        ("实验室废液及废化学试剂", ["吨", "9.78", "8.99"], 1),
        ("危险废物强度", ["千克/万立方米", "0.42", "0.41"], 0),
    ])
    footnotes(d, y, [
        "注：脱水污泥全部交由具资质单位进行焚烧、建材利用或土地利用等无害化处置；危险废物交由持证单位处置。",
    ])

    # ---- p5 employment, safety, training ------------------------------------------------------
    d.new_page()
    y = title(d, TOP, "社会：雇佣、健康与安全及培训")
    left = [
        ("p", "本集团坚持平等雇佣，雇员主要分布于四川及广西各厂区，香港总部负责投资者关系及财务管理。"),
        ("p", "报告期内，全年共有212名雇员离职（2023年：233名），流失率维持在较低水平。"),
    ]
    right = [
        ("p", "本集团持续推行安全生产标准化建设，年内开展有限空间作业及危化品泄漏应急演练共64次。"),
        ("p", "所有新入职雇员均须完成不少于24小时的岗前安全培训。"),
    ]
    y = two_columns(d, y, left, right) - 6
    t4 = Table(d, ["类别", "2024年", "2023年"], [430, RIGHT - 4], label_w=300, aligns=["right", "right"])
    y = t4.caption(y, "表4  雇员人数及流失率")
    y = t4.head(y)
    y = t4.draw(y, [
        ("雇员总数（人）", ["3,412", "3,286"], 0),
        ("男性雇员（人）", ["2,418", "2,341"], 1),
        ("女性雇员（人）", ["994", "945"], 1),
        ("四川省（人）", ["2,064", "1,984"], 1),
        ("广西壮族自治区（人）", ["1,320", "1,258"], 1),
        ("香港（人）", ["46", "44"], 1),
        ("雇员流失率（%）", ["6.2", "7.1"], 0),
        ("男性雇员流失率（%）", ["5.9", "6.8"], 1),
        ("女性雇员流失率（%）", ["6.9", "7.7"], 1),
    ])
    y = footnotes(d, y, ["注：雇员人数为12月31日在册人数；流失率＝年内离职人数÷年末雇员总数。"])
    y -= 6
    t5 = Table(d, ["指标", "单位", "2024年", "2023年"], [330, 450, RIGHT - 4],
               label_w=240, aligns=["left", "right", "right"])
    y = t5.caption(y, "表5  健康与安全及培训")
    y = t5.head(y)
    t5.draw(y, [
        ("因工死亡人数", ["人", "0", "0"], 0),
        ("工伤人数", ["人", "9", "12"], 0),
        ("因工伤损失工作日数", ["天", "214", "286"], 0),
        ("受训雇员百分比", ["%", "96.8", "95.2"], 0),
        ("雇员人均受训时数", ["小时", "32.5", "30.1"], 0),
        ("培训总时数", ["小时", "110,890", "98,909"], 0),
    ])

    # ---- p6 operating practices, community (two columns) + index -----------------------------
    d.new_page()
    y = title(d, TOP, "社会：营运惯例及社区投资")
    left = [
        ("h", "供应链管理"),
        ("p", "报告期内，本集团共有合格供应商486家，其中四川省298家、广西壮族自治区152家、其他地区36家"
              "（2023年：供应商合计452家），主要提供水处理药剂、管材及机电设备。"),
        ("h", "产品责任"),
        ("p", "本集团严格执行《生活饮用水卫生标准》（GB 5749-2022），全年出厂水水质综合合格率达99.95%。"),
        ("p", "全年共接获客户投诉1,862宗（2023年：2,104宗），主要涉及水压不足及计量收费，投诉办结率为"
              "99.2%。"),
    ]
    right = [
        ("h", "反贪污"),
        ("p", "报告期内，本集团概无涉及已审结的贪污诉讼案件。年内反贪污培训覆盖雇员及董事1,560人次，"
              "培训总时长4,680小时。"),
        ("h", "社区投资"),
        ("p", "本集团全年公益捐赠及社区投资合计人民币286万元（2023年：人民币240万元），持续开展“节水进校园”"
              "及乡村供水帮扶活动。员工志愿者共520人次参与，累计志愿服务6,240小时。"),
    ]
    y = two_columns(d, y, left, right) - 10
    d.text(LEFT, y, "香港联交所《环境、社会及管治报告守则》索引（节选）", CJK, 10)
    y -= 18
    for code, name, page in [("A1.1–A1.4", "排放物及废弃物", "03–04"), ("A2.1–A2.2", "能源及水资源使用", "04"),
                             ("B1.1–B1.2", "雇员总数及流失率", "05"), ("B2.1–B3.2", "健康与安全及培训", "05"),
                             ("B5.1, B6.2, B7.1", "供应链、投诉及反贪污", "06"), ("B8.2", "社区投资", "06")]:
        d.text(LEFT + 4, y, code, NUM, 9)
        d.text(LEFT + 120, y, name, CJK, 9)
        d.text(RIGHT - 4, y, page, NUM, 9, "right")
        d.rule(y - 4, width=0.25, gray=0.6)
        y -= 15

    d.save()
    return d


# --------------------------------------------------------------------------------------------------
# gold check
# --------------------------------------------------------------------------------------------------
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
    for n, text in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not text.strip():
            continue
        rec = json.loads(text)
        need = {"metric", "value", "unit", "period", "dims", "page", "line", "raw_value", "raw_unit"}
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
        drawn = doc.pages[page - 1]
        if not any(raw in s for s in drawn):
            problems.append(f"{n}: {raw!r} not drawn on page {page}")
        if layer is not None and _squash(raw) not in _squash(layer[page - 1]):
            problems.append(f"{n}: {raw!r} not in the text layer of page {page}")
    return problems


def main() -> int:
    doc = build()
    print(f"wrote {doc.path.name}: {len(doc.pages)} pages")
    if "--check" in sys.argv:
        problems = check(doc, GOLD)
        for p in problems:
            print("PROBLEM", p)
        print(f"{GOLD.name}: {sum(1 for t in GOLD.read_text(encoding='utf-8').splitlines() if t.strip())} records, "
              f"{len(problems)} problems")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
