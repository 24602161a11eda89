#!/usr/bin/env python3
"""Build the round-7a synthetic held-out PDF in this folder.

    .venv/bin/python tests/heldout/make_pdfs_round7a.py           # (re)build the PDF
    .venv/bin/python tests/heldout/make_pdfs_round7a.py --check   # build, then check the gold file

* ``jiangnan-machinery-2024.zh-hans.pdf`` - Simplified Chinese, an H-share construction-machinery maker
  (江南重工机械股份有限公司), calendar year 2024 with 2023 comparatives. KPI tables with the columns
  ``指标 | 单位 | 2024年 | 2023年 | 同比变化`` (the last column is a relative change, not a period value), a
  GHG table whose unit is given once in a caption line (``单位：吨二氧化碳当量``) and has no unit column,
  energy in 万千瓦时 / 万立方米 / 吨 / 吉焦 / 吨标准煤, water in 万吨, intensities per 万元营业收入, a workforce
  table that continues onto the next page with its header repeated, a health-and-safety table with three
  year columns (2024年 / 2023年 / 2022年), prose figures (revenue in 亿元, community investment in 万元,
  volunteer hours in 万小时, zero corruption lawsuits stated in words), a running header and a footer
  with page numbers on every page, and a short HKEX content index.

Everything printed is defined in this file (no external data, no font files: Chinese text and numbers
use reportlab's built-in CID font ``STSong-Light``). Tables are drawn cell by cell with ``drawString``
at fixed x positions. ``invariant=1`` makes the output byte-for-byte reproducible.

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
CJK = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(CJK))

W, H = A4
LEFT, RIGHT = 56.0, W - 56.0
TOP, BOTTOM = H - 82.0, 70.0

COMPANY = "江南重工机械股份有限公司"
REPORT = "2024年环境、社会及管治报告"


class Doc:
    """A canvas that remembers every string drawn on every page."""

    def __init__(self, path: Path):
        self.path = path
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(f"{COMPANY} {REPORT}")
        self.c.setAuthor("esglens held-out test set (synthetic)")
        self.pages: list[list[str]] = [[]]
        self._furniture()

    def text(self, x, y, s, size=9.5, align="left", gray=0.0):
        self.c.setFont(CJK, size)
        self.c.setFillGray(gray)
        if align == "right":
            self.c.drawRightString(x, y, s)
        elif align == "center":
            self.c.drawCentredString(x, y, s)
        else:
            self.c.drawString(x, y, s)
        self.c.setFillGray(0)
        self.pages[-1].append(s)

    def rule(self, y, x0=LEFT, x1=RIGHT, width=0.5, gray=0.0):
        self.c.setStrokeGray(gray)
        self.c.setLineWidth(width)
        self.c.line(x0, y, x1, y)
        self.c.setStrokeGray(0)

    def band(self, y, h, gray=0.88):
        self.c.setFillGray(gray)
        self.c.rect(LEFT, y, RIGHT - LEFT, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    def _furniture(self):
        n = len(self.pages)
        self.text(LEFT, H - 46, COMPANY, 8, gray=0.35)
        self.text(RIGHT, H - 46, REPORT, 8, "right", gray=0.35)
        self.rule(H - 52, width=0.4, gray=0.4)
        self.rule(50, width=0.4, gray=0.4)
        self.text(LEFT, 38, "江南重工｜股份代号：2738", 7.5, gray=0.35)
        self.text(RIGHT, 38, f"第 {n} 页", 8, "right", gray=0.35)

    def new_page(self):
        self.c.showPage()
        self.pages.append([])
        self._furniture()

    def save(self):
        self.c.save()


TOKEN = re.compile(r"[A-Za-z0-9,.%'’()/+\-–²³₂:]+ ?|.", re.S)


def wrap(text, size, maxw):
    lines, cur = [], ""
    for tok in TOKEN.findall(text):
        if pdfmetrics.stringWidth(cur + tok, CJK, size) > maxw and cur.strip():
            lines.append(cur.rstrip())
            cur = tok.lstrip()
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return lines


def para(doc, y, text, size=9.8, lead=15.5, gap=7.0, indent=0.0):
    for ln in wrap(text, size, RIGHT - LEFT - indent):
        doc.text(LEFT + indent, y, ln, size)
        y -= lead
    assert y > BOTTOM - 10, f"page {len(doc.pages)} overflows"
    return y - gap


def heading(doc, y, s, size=13):
    doc.text(LEFT, y, s, size)
    doc.rule(y - 5, width=0.8)
    return y - 24


def sub(doc, y, s):
    doc.text(LEFT, y, s, 11)
    return y - 19


def notes(doc, y, lines, size=7.6):
    for n in lines:
        for ln in wrap(n, size, RIGHT - LEFT):
            doc.text(LEFT, y, ln, size)
            y -= 11.5
    return y


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------
X_UNIT = 250.0
X_VAL = [404.0, 468.0, 532.0]


def _header(doc, y, first, cols, unit_col):
    doc.band(y - 16, 16)
    doc.text(LEFT + 4, y - 12, first, 9.3)
    if unit_col:
        doc.text(X_UNIT, y - 12, "单位", 9.3)
    for x, s in zip(X_VAL, cols):
        doc.text(x, y - 12, s, 9.3, "right")
    return y - 31


def table(doc, y, caption, rows, cols=("2024年", "2023年", "同比变化"), first="指标",
          unit_col=True, unit_caption=None, cont_caption=None):
    """Rows: (kind, label, unit, v1, v2, v3); kind in {'group', 'row', 'sub', 'total'}.

    When the page runs out the table continues on the next page under ``cont_caption`` with its header
    row repeated.
    """
    doc.text(LEFT, y, caption, 10.5)
    y -= 14
    if unit_caption:
        doc.text(RIGHT, y + 14, unit_caption, 8.6, "right")
    y = _header(doc, y - 2, first, cols, unit_col)
    for kind, lab, unit, *vals in rows:
        if y < BOTTOM + 8:
            doc.rule(y + 10)
            doc.new_page()
            y = TOP
            doc.text(LEFT, y, cont_caption or caption + "（续）", 10.5)
            y -= 16
            y = _header(doc, y, first, cols, unit_col)
        if kind == "group":
            doc.text(LEFT + 4, y, lab, 9.3, gray=0.3)
            y -= 18
            continue
        if kind == "total":
            doc.rule(y + 12, LEFT + 4, RIGHT, 0.3)
        indent = {"row": 10, "sub": 22, "total": 4}[kind]
        doc.text(LEFT + indent, y, lab, 9.1)
        if unit_col:
            doc.text(X_UNIT, y, unit, 8.5)
        for x, v in zip(X_VAL, vals):
            doc.text(x, y, v, 9.1, "right")
        y -= 18
    doc.rule(y + 10)
    return y - 4


def yoy(a: str, b: str, pct_row: bool = False) -> str:
    """Relative year-on-year change of two printed values, as the report prints it."""
    if pct_row:
        return "/"
    va, vb = float(a.replace(",", "")), float(b.replace(",", ""))
    if vb == 0:
        return "/"
    ch = (va - vb) / vb * 100
    return f"{ch:+.1f}%"


def kpi(kind, lab, unit, a, b, pct_row=False):
    return (kind, lab, unit, a, b, yoy(a, b, pct_row or unit == "%"))


# ==================================================================================================
def build() -> Doc:
    d = Doc(HERE / "jiangnan-machinery-2024.zh-hans.pdf")
    # ---------------------------------------------------------------- p1 cover + about
    y = TOP - 16
    d.text(LEFT, y, COMPANY, 22)
    y -= 26
    d.text(LEFT, y, "JIANGNAN HEAVY INDUSTRY MACHINERY CO., LTD.", 10, gray=0.3)
    y -= 30
    d.text(LEFT, y, REPORT, 16)
    y -= 16
    d.text(LEFT, y, "（于中华人民共和国注册成立的股份有限公司）  H股股份代号：2738", 9, gray=0.3)
    y -= 36
    y = heading(d, y, "关于本报告")
    y = para(d, y, "本报告为江南重工机械股份有限公司（「本公司」）及其附属公司（统称「本集团」）发布的第九份"
                   "环境、社会及管治报告，报告期为2024年1月1日至2024年12月31日（「报告期」或「本年度」），"
                   "部分内容追溯至以往年度，比较数据为2023年度。本报告依据香港联合交易所有限公司《证券上市规则》"
                   "附录C2《环境、社会及管治报告守则》编制，并参考全球报告倡议组织（GRI）标准（2021年版）。")
    y = para(d, y, "报告范围涵盖本集团位于江苏常州、江苏徐州、湖南长沙的三个生产基地，以及印度尼西亚及巴西的"
                   "两个海外组装厂，与本集团综合财务报表的主要营运范围一致。如无特别说明，本报告所载金额均以"
                   "人民币列示。报告中文简体版与英文版如有歧义，以中文简体版为准。")
    y = heading(d, y - 4, "公司简介")
    y = para(d, y, "本集团主要从事挖掘机、起重机、混凝土机械及高空作业平台等工程机械产品的研发、制造、销售及"
                   "租赁服务，产品销往全球160多个国家和地区。2024年，本集团实现营业收入人民币286.45亿元"
                   "（2023年：人民币271.32亿元），同比增长5.6%，其中海外收入占比提升至41.3%。")
    y = heading(d, y - 4, "董事会声明")
    y = para(d, y, "董事会对本集团的环境、社会及管治策略及汇报承担全部责任，并通过董事会辖下的战略与可持续发展"
                   "委员会监督相关风险及目标进展。本集团已制定以2020年为基准年、到2030年单位营业收入范围一及"
                   "范围二温室气体排放强度下降40%、单位营业收入综合能耗下降30%的目标，并力争于2060年前实现"
                   "碳中和。本报告已于2025年3月27日经董事会审议通过。")
    # ---------------------------------------------------------------- p2 emissions and waste
    d.new_page()
    y = TOP
    y = heading(d, y, "一、环境")
    y = sub(d, y, "1.1 排放物管理")
    y = para(d, y, "本集团的废气主要来自涂装线产生的挥发性有机物（VOCs）、焊接烟尘及天然气燃烧产生的氮氧化物。"
                   "2024年，常州基地完成第二条涂装线水性漆改造，并新增两套RTO蓄热式焚烧装置，VOCs排放量同比"
                   "明显下降。本集团目标到2025年VOCs排放量较2020年减少30%。")
    y -= 2
    y = table(d, y, "表1 废气及废弃物排放", [
        ("group", "废气排放", None),
        kpi("row", "氮氧化物", "吨", "12.86", "13.94"),
        kpi("row", "二氧化硫", "吨", "1.32", "1.48"),
        kpi("row", "颗粒物", "吨", "18.64", "20.37"),
        kpi("row", "挥发性有机物（VOCs）", "吨", "142.35", "168.92"),
        ("group", "有害废弃物", None),
        kpi("row", "有害废弃物总量", "吨", "3,412.6", "3,688.1"),
        kpi("sub", "其中：废漆渣", "吨", "1,286.4", "1,402.7"),
        kpi("sub", "废矿物油及废乳化液", "吨", "1,534.8", "1,611.5"),
        kpi("sub", "其他有害废弃物", "吨", "591.4", "673.9"),
        kpi("row", "有害废弃物密度", "千克/万元营业收入", "1.19", "1.36"),
        ("group", "无害废弃物", None),
        kpi("row", "无害废弃物总量", "吨", "48,652.3", "51,208.6"),
        kpi("row", "无害废弃物密度", "千克/万元营业收入", "16.98", "18.87"),
        kpi("row", "废钢材回收利用量", "吨", "39,418.5", "41,026.2"),
    ])
    y = notes(d, y, ["注：同比变化按本表所列数据计算；密度以营业收入（万元）为分母。有害废弃物全部交由持有"
                     "《危险废物经营许可证》的单位处置。"])
    y -= 14
    y = para(d, y, "本集团按照《中华人民共和国固体废物污染环境防治法》对废弃物实施分类管理。无害废弃物主要为"
                   "钢材边角料、焊渣及生活垃圾，其中废钢材由合资格回收商回炉再利用，回收利用率超过80%。")
    # ---------------------------------------------------------------- p3 GHG + energy
    d.new_page()
    y = TOP
    y = sub(d, y, "1.2 应对气候变化")
    y = para(d, y, "本集团参照《工业其他行业企业温室气体排放核算方法与报告指南（试行）》及ISO 14064-1:2018"
                   "核算温室气体排放。范围一排放主要来自涂装烘干及热处理所用天然气、整机调试及厂内运输所用柴油；"
                   "范围二排放来自外购电力及外购热力（蒸汽）。")
    y = table(d, y, "表2 温室气体排放", [
        ("group", "范围一（直接排放）", None),
        ("row", "天然气燃烧", None, "27,815.0", "29,247.4", yoy("27,815.0", "29,247.4")),
        ("row", "柴油燃烧", None, "8,310.3", "9,062.4", yoy("8,310.3", "9,062.4")),
        ("row", "汽油燃烧", None, "1,207.5", "1,311.9", yoy("1,207.5", "1,311.9")),
        ("row", "制冷剂逸散", None, "1,046.2", "1,128.7", yoy("1,046.2", "1,128.7")),
        ("total", "范围一排放量", None, "38,379.0", "40,714.4", yoy("38,379.0", "40,714.4")),
        ("group", "范围二（能源间接排放）", None),
        ("row", "外购电力", None, "220,434.6", "228,796.9", yoy("220,434.6", "228,796.9")),
        ("row", "外购热力", None, "20,506.2", "22,148.5", yoy("20,506.2", "22,148.5")),
        ("total", "范围二排放量", None, "240,940.8", "250,945.4", yoy("240,940.8", "250,945.4")),
        ("total", "范围一及范围二排放总量", None, "279,319.8", "291,659.8", yoy("279,319.8", "291,659.8")),
        ("row", "排放强度（吨二氧化碳当量/万元营业收入）", None, "0.0975", "0.1075", yoy("0.0975", "0.1075")),
    ], first="排放类别", unit_col=False, unit_caption="单位：吨二氧化碳当量")
    y = notes(d, y, ["注1：外购电力排放因子采用生态环境部公布的2022年度全国电网平均排放因子0.5703吨二氧化碳/兆瓦时，"
                     "外购热力排放因子为0.11吨二氧化碳/吉焦。",
                     "注2：制冷剂逸散按HFC-134a及R-410A的全球变暖潜能值（IPCC第五次评估报告）折算。本集团暂未"
                     "核算范围三排放。"])
    y -= 16
    y = sub(d, y, "1.3 能源使用")
    y = para(d, y, "本集团持续推进厂房屋顶分布式光伏建设，截至2024年底光伏装机容量达28.6兆瓦，本年度自发自用"
                   "光伏电力同比增长44.1%。")
    y = table(d, y, "表3 能源消耗", [
        kpi("row", "外购电力", "万千瓦时", "38,652.4", "40,118.7"),
        kpi("row", "光伏发电（自发自用）", "万千瓦时", "2,135.6", "1,482.3"),
        kpi("row", "天然气", "万立方米", "1,286.42", "1,352.67"),
        kpi("row", "柴油", "吨", "2,684.3", "2,915.6"),
        kpi("row", "汽油", "吨", "412.8", "448.5"),
        kpi("row", "外购热力", "吉焦", "186,420", "201,350"),
        kpi("total", "综合能源消耗总量", "吨标准煤", "76,628.9", "79,331.4"),
        kpi("sub", "其中：直接能源消耗", "吨标准煤", "22,764.4", "23,155.4"),
        kpi("sub", "间接能源消耗", "吨标准煤", "53,864.5", "56,176.0"),
        kpi("row", "综合能耗强度", "吨标准煤/万元营业收入", "0.0268", "0.0292"),
    ])
    y = notes(d, y, ["注：折标系数参照GB/T 2589-2020《综合能耗计算通则》，电力按当量值0.1229千克标准煤/千瓦时折算。"
                     "直接能源包括天然气、柴油、汽油及自发自用光伏电力；间接能源包括外购电力及外购热力。"])
    # ---------------------------------------------------------------- p4 water + employment (table starts)
    d.new_page()
    y = TOP
    y = sub(d, y, "1.4 水资源及包装材料")
    y = para(d, y, "本集团用水主要来自市政供水，用于涂装前处理、试验台架冷却及生活用水，所有生产基地均不位于"
                   "缺水地区，求取水源方面并无问题。产品包装以出口整机所用木箱及钢制托架为主。")
    y = table(d, y, "表4 水资源及包装材料", [
        kpi("row", "总耗水量", "万吨", "186.42", "198.75"),
        kpi("row", "耗水强度", "吨/万元营业收入", "0.651", "0.733"),
        kpi("row", "循环水使用量", "万吨", "412.60", "388.30"),
        kpi("row", "包装材料使用总量", "吨", "8,426.5", "8,913.2"),
        kpi("sub", "其中：木质包装", "吨", "5,218.6", "5,604.8"),
        kpi("sub", "钢制托架", "吨", "2,437.2", "2,512.6"),
        kpi("sub", "塑料薄膜及其他", "吨", "770.7", "795.8"),
        kpi("row", "包装材料使用强度", "千克/万元营业收入", "2.94", "3.29"),
    ])
    y -= 14
    y = heading(d, y, "二、社会")
    y = sub(d, y, "2.1 雇佣")
    y = para(d, y, "本集团严格遵守《中华人民共和国劳动法》《中华人民共和国劳动合同法》及海外营运所在地的劳动法规，"
                   "坚持平等雇佣，严禁雇用童工及强制劳动。截至2024年12月31日，本集团全部员工均为全职员工，"
                   "员工构成及流失情况如下。")
    y = table(d, y, "表5 员工概况", [
        kpi("total", "员工总数", "人", "16,842", "16,215"),
        ("group", "按性别划分", None),
        kpi("row", "男性", "人", "13,526", "13,087"),
        kpi("row", "女性", "人", "3,316", "3,128"),
        ("group", "按年龄划分", None),
        kpi("row", "30岁以下", "人", "4,218", "4,356"),
        kpi("row", "30-50岁", "人", "9,874", "9,312"),
        kpi("row", "50岁以上", "人", "2,750", "2,547"),
        ("group", "按地区划分", None),
        kpi("row", "中国内地", "人", "15,904", "15,486"),
        kpi("row", "海外", "人", "938", "729"),
        ("group", "按员工类别划分", None),
        kpi("row", "管理层", "人", "1,126", "1,098"),
        kpi("row", "技术人员", "人", "3,986", "3,742"),
        kpi("row", "生产人员", "人", "10,652", "10,391"),
        kpi("row", "销售及服务人员", "人", "1,078", "984"),
        ("group", "员工流失", None),
        kpi("row", "流失员工人数", "人", "1,106", "1,189"),
        kpi("row", "员工流失率", "%", "6.57", "7.33"),
        kpi("sub", "男性", "%", "6.59", "7.27"),
        kpi("sub", "女性", "%", "6.45", "7.61"),
        kpi("sub", "30岁以下", "%", "12.99", "14.05"),
        kpi("sub", "30-50岁", "%", "4.58", "4.97"),
        kpi("sub", "50岁以上", "%", "3.85", "4.48"),
    ], cont_caption="表5 员工概况（续）")
    y = notes(d, y, ["注：员工人数为截至各年12月31日的在册人数；流失率＝该类别年内离职员工人数÷该类别年末员工人数"
                     "×100%；百分比指标的同比变化以「/」表示。"])
    y -= 14
    y = sub(d, y, "2.2 发展及培训")
    y = para(d, y, "本集团依托「江南重工学院」建立覆盖管理、技术及技能三条通道的培训体系，本年度开展焊接、涂装、"
                   "电气装调等技能竞赛12场，新增高级技师64名。")
    y = table(d, y, "表6 员工培训", [
        kpi("total", "受训员工比例", "%", "96.8", "95.2"),
        kpi("sub", "男性", "%", "97.1", "95.6"),
        kpi("sub", "女性", "%", "95.6", "93.5"),
        kpi("sub", "高级管理层", "%", "100.0", "100.0"),
        kpi("sub", "中级管理层", "%", "98.9", "97.4"),
        kpi("sub", "基层员工", "%", "96.6", "95.0"),
        kpi("total", "人均受训时数", "小时", "40.5", "38.0"),
        kpi("sub", "男性", "小时", "41.6", "38.9"),
        kpi("sub", "女性", "小时", "36.2", "34.0"),
        kpi("sub", "高级管理层", "小时", "58.5", "55.0"),
        kpi("sub", "中级管理层", "小时", "52.4", "49.6"),
        kpi("sub", "基层员工", "小时", "39.6", "37.1"),
        kpi("total", "受训总时数", "万小时", "68.27", "61.54"),
    ])
    y = notes(d, y, ["注：受训员工比例＝该类别受训员工人数÷该类别年末员工人数×100%。高级管理层指本公司董事、"
                     "监事、高级管理人员及各事业部总经理；中级管理层指部门经理至事业部副总经理级别的管理人员。"])
    # ---------------------------------------------------------------- H&S, supply chain, prose
    d.new_page()
    y = TOP
    y = sub(d, y, "2.3 职业健康与安全")
    y = para(d, y, "本集团已通过ISO 45001:2018职业健康安全管理体系认证，全面推行安全生产标准化及「双重预防」机制。"
                   "过去三年（含报告期）因工死亡情况如下表所示；2022年的一宗事故发生于徐州基地起重作业，事后已完成"
                   "全面整改。")
    y = table(d, y, "表7 职业健康与安全", [
        ("row", "因工死亡人数", "人", "0", "0", "1"),
        ("row", "因工死亡比率", "%", "0", "0", "0.006"),
        ("row", "工伤人数", "人", "14", "19", "23"),
        ("row", "因工伤损失工作日数", "日", "652", "874", "1,036"),
        ("row", "职业健康体检覆盖率", "%", "100", "100", "100"),
        ("row", "安全生产投入", "万元", "8,620", "7,935", "7,210"),
    ], cols=("2024年", "2023年", "2022年"))
    y -= 12
    y = sub(d, y, "2.4 供应链管理")
    y = para(d, y, "本集团对钢材、发动机、液压件及电控系统等主要物料供应商实施准入审核及年度绩效评估。本年度新引入"
                   "供应商218家，均已完成环境及社会风险评估并签署《供应商廉洁承诺书》。")
    y = table(d, y, "表8 按地区划分的供应商数目", [
        kpi("row", "华东地区", "家", "1,862", "1,795"),
        kpi("row", "华北地区", "家", "486", "472"),
        kpi("row", "华中及华南地区", "家", "638", "615"),
        kpi("row", "西部及东北地区", "家", "274", "268"),
        kpi("row", "海外", "家", "156", "131"),
        kpi("total", "供应商总数", "家", "3,416", "3,281"),
    ])
    y -= 12
    y = sub(d, y, "2.5 产品责任")
    y = para(d, y, "本集团产品均通过CE、EPA Tier 4等目标市场认证。报告期内，本集团共接获产品及服务相关客户投诉"
                   "312宗（2023年：356宗），投诉处理率为100%，客户满意度为92.6分。本年度未发生因安全与健康"
                   "理由而须召回已售产品的情况。截至2024年12月31日，本集团累计拥有有效专利3,268项，其中发明"
                   "专利1,024项。")
    # ---------------------------------------------------------------- p7 anti-corruption, community, index
    d.new_page()
    y = TOP
    y = sub(d, y, "2.6 反贪污")
    y = para(d, y, "本集团恪守《中华人民共和国反不正当竞争法》等法律法规，设立举报邮箱及热线。本年度共组织反贪污及"
                   "廉洁从业培训42场，覆盖董事、管理层及员工共9,860人次，培训总时长约1.48万小时。本年度接获"
                   "举报线索6宗，均已核查完毕。报告期内，本集团未发生任何贪污诉讼案件。")
    y = sub(d, y, "2.7 社区投资")
    y = para(d, y, "本集团聚焦乡村振兴、应急救援及教育助学。2024年，本集团社区公益投入合计人民币1,286.5万元"
                   "（2023年：人民币1,042.3万元），其中向湖南洞庭湖决堤抢险捐赠价值人民币420万元的救援设备。"
                   "2021年至2024年，本集团累计投入乡村振兴帮扶资金3,560万元。")
    y = para(d, y, "本年度员工志愿者共参与志愿服务2,340人次，累计服务时长约1.86万小时。本集团计划于2025年将"
                   "志愿服务时长提升至2万小时。")
    y -= 6
    y = heading(d, y, "附录：香港联交所《环境、社会及管治报告守则》内容索引")
    xs = [LEFT + 4, LEFT + 70, 430.0, 532.0]
    d.band(y - 16, 16)
    for x, s, al in zip(xs, ["指标", "内容", "章节", "页码"], ["left", "left", "left", "right"]):
        if al == "right":
            d.text(x, y - 12, s, 9, "right")
        else:
            d.text(x, y - 12, s, 9)
    y -= 30
    idx = [
        ("A1.1", "排放物种类及相关排放数据", "1.1", "2"),
        ("A1.2", "直接及能源间接温室气体排放量及密度", "1.2", "3"),
        ("A1.3/A1.4", "有害及无害废弃物总量及密度", "1.1", "2"),
        ("A2.1", "按类型划分的直接及／或间接能源总耗量及密度", "1.3", "3"),
        ("A2.2", "总耗水量及密度", "1.4", "4"),
        ("A2.5", "制成品所用包装材料总量", "1.4", "4"),
        ("B1.1/B1.2", "雇员总数及流失比率", "2.1", "4-5"),
        ("B2.1/B2.2", "因工亡故人数及比率、因工伤损失工作日数", "2.3", "6"),
        ("B3.1/B3.2", "受训雇员百分比及平均受训时数", "2.2", "5"),
        ("B5.1", "按地区划分的供应商数目", "2.4", "6"),
        ("B6.2", "接获关于产品及服务的投诉数目", "2.5", "6"),
        ("B7.1", "已审结的贪污诉讼案件数目", "2.6", "7"),
        ("B8.2", "在专注范畴所动用资源", "2.7", "7"),
    ]
    for row in idx:
        for x, s, al in zip(xs, row, ["left", "left", "left", "right"]):
            if al == "right":
                d.text(x, y, s, 8.6, "right")
            else:
                d.text(x, y, s, 8.6)
        y -= 16
    d.rule(y + 8)
    assert y > BOTTOM - 10
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
        if not isinstance(rec["value"], (int, float)) or not isinstance(rec["dims"], dict):
            problems.append(f"{n}: bad value or dims")
        if not re.fullmatch(r"(FY)?\d{4}", rec["period"]):
            problems.append(f"{n}: bad period {rec['period']!r}")
        if rec["line"] is not None:
            problems.append(f"{n}: line must be null for a PDF")
        key = (rec["metric"], rec["period"], json.dumps(rec["dims"], sort_keys=True))
        if key in seen:
            problems.append(f"{n}: duplicate {key}")
        seen.add(key)
        page, raw = rec["page"], rec["raw_value"]
        if not isinstance(page, int) or not (1 <= page <= len(doc.pages)):
            problems.append(f"{n}: page {page} out of range")
            continue
        if not any(raw in s for s in doc.pages[page - 1]):
            problems.append(f"{n}: {raw!r} not drawn on page {page}")
        if layer is not None and _squash(raw) not in _squash(layer[page - 1]):
            problems.append(f"{n}: {raw!r} not in the text layer of page {page}")
    return problems


def main() -> int:
    doc = build()
    if "--check" not in sys.argv:
        return 0
    gold = doc.path.with_suffix(".jsonl")
    probs = check(doc, gold)
    n = sum(1 for t in gold.read_text(encoding="utf-8").splitlines() if t.strip())
    print(f"{doc.path.name}: {len(doc.pages)} pages, {n} gold records, {len(probs)} problems")
    for p in probs:
        print("  ", p)
    return 1 if probs else 0


if __name__ == "__main__":
    sys.exit(main())
