#!/usr/bin/env python3
"""Build the round-9a synthetic held-out PDF in this folder.

    .venv/bin/python tests/heldout/make_pdfs_round9a.py           # (re)build the PDF
    .venv/bin/python tests/heldout/make_pdfs_round9a.py --check   # build, then check the gold file

* ``pacific-ports-2024.en.pdf`` - English, Pacific Ports Holdings Limited, a Hong Kong-listed container
  terminal operator (Hong Kong, Mainland China, Southeast Asia), calendar year 2024 with 2023. Six pages;
  page 3 is a LANDSCAPE page (its own page size, ``landscape(A4)``, not a /Rotate flag) holding a wide
  regional table with a two-level header (``2024`` and ``2023`` each spanning three region columns).
  Group totals are in normal portrait tables ``Indicator | Unit | 2024 | 2023``. Intensities per TEU,
  ``(restated)`` and dagger markers after 2023 values, grouped social tables with ``Male`` / ``Female``
  sub-rows, running header and footer with page numbers, and prose with distractors.

Everything printed is defined in this file (no external data, no font files; Helvetica only). Tables
are drawn cell by cell with ``drawString`` at fixed x positions. ``invariant=1`` makes the output
byte-for-byte reproducible.

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

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
EN, ENB = "Helvetica", "Helvetica-Bold"
MARGIN = 56.0

HEADER = "Pacific Ports Holdings Limited  |  Environmental, Social and Governance Report 2024"
FOOTER = "Pacific Ports Holdings Limited  |  ESG Report 2024  |  Page {n}"


class Doc:
    """A canvas that remembers every string drawn on every page; pages may be portrait or landscape."""

    def __init__(self, path: Path, title: str):
        self.path = path
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("esglens held-out test set (synthetic)")
        self.pages: list[list[str]] = [[]]
        self.size = A4
        self._furniture()

    @property
    def W(self):
        return self.size[0]

    @property
    def H(self):
        return self.size[1]

    @property
    def left(self):
        return MARGIN

    @property
    def right(self):
        return self.W - MARGIN

    @property
    def top(self):
        return self.H - 80.0

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

    def rule(self, y, x0=None, x1=None, width=0.5):
        self.c.setLineWidth(width)
        self.c.line(self.left if x0 is None else x0, y, self.right if x1 is None else x1, y)

    def band(self, y, h, gray=0.9, x0=None, x1=None):
        x0 = self.left if x0 is None else x0
        x1 = self.right if x1 is None else x1
        self.c.setFillGray(gray)
        self.c.rect(x0, y, x1 - x0, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    def _furniture(self):
        self.text(self.left, self.H - 44, HEADER, EN, 8, gray=0.35)
        self.rule(self.H - 50, width=0.3)
        self.text(self.W / 2, 36, FOOTER.format(n=len(self.pages)), EN, 8, "center", gray=0.35)

    def new_page(self, size=A4):
        self.c.showPage()
        self.c.setPageSize(size)
        self.size = size
        self.pages.append([])
        self._furniture()

    def save(self):
        self.c.save()


TOKEN = re.compile(r"[A-Za-z0-9,.%$'’()/+\-–²³₂:;\"“”]+ ?|.", re.S)


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


def para(doc, y, text, font=EN, size=9.6, lead=14.5, gap=7.0, indent=0.0):
    for ln in wrap(text, font, size, doc.right - doc.left - indent):
        doc.text(doc.left + indent, y, ln, font, size)
        y -= lead
    return y - gap


def notes(doc, y, items, size=7.6, lead=10.5):
    for n in items:
        for ln in wrap(n, EN, size, doc.right - doc.left):
            doc.text(doc.left, y, ln, EN, size)
            y -= lead
    return y


def heading(doc, y, s, size=13):
    doc.text(doc.left, y, s, ENB, size)
    doc.rule(y - 5, width=0.8)
    return y - 24


def group_table(d: Doc, y: float, caption: str, rows: list) -> float:
    """Indicator | Unit | 2024 | 2023; rows: (label, unit, v24, v23, kind) with kind '', 'group', 'sub', 'total'."""
    xl, xu, x24, x23 = d.left + 4, 300.0, 445.0, 539.0
    d.text(d.left, y, caption, ENB, 10.5)
    y -= 8
    d.band(y - 16, 16)
    d.text(xl, y - 12, "Indicator", ENB, 9)
    d.text(xu, y - 12, "Unit", ENB, 9)
    d.text(x24, y - 12, "2024", ENB, 9, "right")
    d.text(x23, y - 12, "2023", ENB, 9, "right")
    y -= 31
    for lab, unit, a, b, kind in rows:
        if kind == "group":
            d.text(xl, y, lab, ENB, 8.9)
            y -= 16
            continue
        font = ENB if kind == "total" else EN
        if kind == "total":
            d.rule(y + 11, d.left + 4, x23, 0.3)
        d.text(xl + (12 if kind == "sub" else 0), y, lab, font, 8.8)
        d.text(xu, y, unit, EN, 8.5)
        d.text(x24, y, a, font, 8.8, "right")
        d.text(x23, y, b, font, 8.8, "right")
        y -= 16
    d.rule(y + 9)
    return y - 6


# ==================================================================================================
def build() -> Doc:
    d = Doc(HERE / "pacific-ports-2024.en.pdf",
            "Pacific Ports Holdings Limited - Environmental, Social and Governance Report 2024")
    # ---------------------------------------------------------------- p1 cover, about, business
    y = d.top - 14
    d.text(d.left, y, "Pacific Ports Holdings Limited", ENB, 22)
    y -= 26
    d.text(d.left, y, "Environmental, Social and Governance Report 2024", EN, 15)
    y -= 18
    d.text(d.left, y, "(Incorporated in Bermuda with limited liability)  Stock code: 1729", EN, 9, gray=0.3)
    y -= 34
    y = heading(d, y, "About this report")
    y = para(d, y, "This report sets out the environmental, social and governance (ESG) performance of Pacific "
                   "Ports Holdings Limited (the \"Company\") and its subsidiaries (together, the \"Group\") for "
                   "the year from 1 January 2024 to 31 December 2024 (\"2024\" or the \"reporting year\"), with "
                   "comparative figures for 2023. It has been prepared in accordance with the Environmental, "
                   "Social and Governance Reporting Code in Appendix C2 to the Rules Governing the Listing of "
                   "Securities on The Stock Exchange of Hong Kong Limited, and with reference to the GRI "
                   "Standards 2021. Greenhouse gas (GHG) emissions are calculated under the GHG Protocol "
                   "Corporate Standard and its Scope 2 Guidance.")
    y = para(d, y, "The reporting boundary follows the operational control approach and covers the nine "
                   "container terminals operated by the Group: two in Hong Kong at Kwai Tsing, five in "
                   "Mainland China (Shenzhen, Xiamen, Ningbo, Qinzhou and Tianjin) and two in Southeast Asia "
                   "(Cai Mep in Vietnam and Laem Chabang in Thailand). Associated and jointly controlled "
                   "terminals are excluded. The Qinzhou terminal, acquired in October 2023, is included from "
                   "its date of acquisition.")
    y = heading(d, y - 4, "Our business in 2024")
    y = para(d, y, "The Group's terminals handled a combined throughput of 19.38 million TEU (twenty-foot "
                   "equivalent units) in 2024, up 4.4% from 18.56 million TEU in 2023. Throughput was 6.12 "
                   "million TEU in Hong Kong, 9.85 million TEU in Mainland China and 3.41 million TEU in "
                   "Southeast Asia. Revenue for the year was HK$14,862 million (2023: HK$13,975 million). "
                   "At the end of the year the Group operated 47 berths with a total quay length of 14.6 km.")
    y = heading(d, y - 4, "Board statement")
    y = para(d, y, "The Board has overall responsibility for the Group's ESG strategy and reporting and is "
                   "supported by the Sustainability Committee, which met four times during the year. In 2022 "
                   "the Board approved targets, against a 2019 base year, to reduce Scope 1 and 2 GHG emissions "
                   "per TEU by 35% by 2030 and to reach net-zero Scope 1 and 2 emissions by 2050. In 2024 our "
                   "emissions intensity was 30.2% below the 2019 base year level of 16.80 kg CO2e per TEU and "
                   "3.5% lower than in 2023. The Board reviewed progress against these targets in March 2025.")

    # ---------------------------------------------------------------- p2 environmental group tables
    d.new_page()
    y = d.top
    y = heading(d, y, "1. Emissions, energy and resources")
    y = para(d, y, "Scope 1 emissions arise mainly from diesel burned by rubber-tyred gantry cranes (RTGs), "
                   "terminal tractors and reach stackers. Scope 2 emissions come from electricity for quay "
                   "cranes, electrified RTGs, reefer points and yard lighting. By the end of 2024, 68% of our "
                   "RTG fleet had been electrified (2023: 61%). Group totals are shown below; the split by "
                   "region is on page 3.")
    y = group_table(d, y, "Table 1: Greenhouse gas emissions (Group)", [
        ("Scope 1 GHG emissions", "tCO2e", "124,493", "123,541", ""),
        ("Scope 2 GHG emissions (location-based)", "tCO2e", "102,548", "101,793", ""),
        ("Scope 2 GHG emissions (market-based)", "tCO2e", "88,612", "97,405", ""),
        ("Total GHG emissions (Scope 1 and 2, location-based)", "tCO2e", "227,041", "225,334", "total"),
        ("Scope 3 GHG emissions by category", "", "", "", "group"),
        ("Category 1: Purchased goods and services", "tCO2e", "45,830", "44,126 (restated)", "sub"),
        ("Category 3: Fuel- and energy-related activities", "tCO2e", "28,416", "27,903", "sub"),
        ("Category 7: Employee commuting", "tCO2e", "6,215", "6,088", "sub"),
        ("Total Scope 3 GHG emissions", "tCO2e", "80,461", "78,117 (restated)", "total"),
        ("Container throughput", "million TEU", "19.38", "18.56", ""),
        ("GHG emissions intensity (Scope 1 and 2)", "kg CO2e per TEU", "11.72", "12.14", ""),
    ])
    y = notes(d, y, [
        "(restated) 2023 Category 1 emissions have been restated using supplier-specific emission factors for "
        "cranes and spare parts; previously reported as 46,950 tCO2e (total Scope 3: 80,941 tCO2e).",
        "Intensity = total Scope 1 and 2 (location-based) emissions / container throughput. Location-based "
        "Scope 2 uses grid factors of the local power companies and national authorities; market-based Scope 2 "
        "reflects green electricity certificates and on-site solar generation.",
    ])
    y -= 14
    y = group_table(d, y, "Table 2: Air emissions, energy, water and waste (Group)", [
        ("Air emissions", "", "", "", "group"),
        ("Nitrogen oxides (NOx)", "kg", "486,210", "497,830", "sub"),
        ("Sulphur oxides (SOx)", "kg", "733", "728", "sub"),
        ("Particulate matter (PM)", "kg", "21,840", "23,115", "sub"),
        ("Energy", "", "", "", "group"),
        ("Electricity consumption", "MWh", "203,325", "194,249", "sub"),
        ("of which renewable electricity", "MWh", "24,860", "8,415", "sub"),
        ("Diesel", "litres", "43,664,270", "43,331,300", "sub"),
        ("Total energy consumption", "MWh", "639,968", "627,562", "total"),
        ("Energy intensity", "kWh per TEU", "33.02", "33.81", ""),
        ("Water and waste", "", "", "", "group"),
        ("Water consumption", "m3", "1,713,595", "1,744,005 (restated)", "sub"),
        ("Hazardous waste (waste oil, batteries)", "tonnes", "612.4", "587.9", "sub"),
        ("Non-hazardous waste", "tonnes", "8,436.2", "8,915.7", "sub"),
    ])
    y = notes(d, y, [
        "Total energy = electricity + diesel, with diesel converted at 36.0 MJ (10.0 kWh) per litre. Energy "
        "intensity = total energy / container throughput. 2023 water consumption restated: see Table 3, page 3.",
    ])

    # ---------------------------------------------------------------- p3 LANDSCAPE regional table
    d.new_page(landscape(A4))
    y = d.top
    y = heading(d, y, "2. Performance by region")
    y = para(d, y, "The table below shows the main environmental and workforce indicators of our terminals in "
                   "each region. Group totals for the same indicators are presented in Tables 1 and 2 (page 2) "
                   "and Tables 4 and 5 (pages 4 and 5).")
    y -= 2
    d.text(d.left, y, "Table 3: Key performance indicators by region", ENB, 10.5)
    y -= 8
    xl, xu = d.left + 4, 262.0
    x0, x1 = 330.0, d.right - 4
    step = (x1 - x0) / 6
    xs = [x0 + step * (i + 1) for i in range(6)]
    d.band(y - 34, 34)
    # first header line: years spanning three columns each
    for k, year in enumerate(["2024", "2023"]):
        left_edge, right_edge = x0 + step * 3 * k + 8, x0 + step * 3 * (k + 1)
        d.text((left_edge + right_edge) / 2, y - 12, year, ENB, 9.5, "center")
        d.c.setLineWidth(0.4)
        d.c.line(left_edge + 4, y - 16, right_edge, y - 16)
    # second header line
    d.text(xl, y - 28, "Indicator", ENB, 9)
    d.text(xu, y - 28, "Unit", ENB, 9)
    for x, s in zip(xs, ["Hong Kong", "Mainland China", "Southeast Asia"] * 2):
        d.text(x, y - 28, s, ENB, 8.8, "right")
    y -= 50
    rows = [
        ("Scope 1 GHG emissions", "tCO2e",
         ["38,412", "61,275", "24,806", "39,876", "60,148", "23,517"]),
        ("Scope 2 GHG emissions (location-based)", "tCO2e",
         ["18,861", "63,719", "19,878", "18,683", "64,090", "19,020"]),
        ("Electricity consumption", "MWh",
         ["48,362", "118,745", "36,218", "47,905", "112,380", "33,964"]),
        ("Diesel consumption", "litres",
         ["13,472,650", "21,491,380", "8,700,240", "13,986,310", "21,096,520", "8,248,470"]),
        ("Water consumption", "m3",
         ["186,420", "1,124,360", "402,815", "192,605", "1,162,480\u2020", "388,920"]),
        ("Employees (year end)", "persons",
         ["2,846", "6,512", "2,207", "2,903", "6,380", "2,018"]),
        ("Lost-time injuries", "number",
         ["9", "17", "6", "11", "19", "8"]),
    ]
    for lab, unit, vals in rows:
        d.text(xl, y, lab, EN, 9)
        d.text(xu, y, unit, EN, 8.6)
        for x, v in zip(xs, vals):
            d.text(x, y, v, EN, 9, "right")
        y -= 20
    d.rule(y + 12)
    # a light vertical separator between the two year blocks
    d.c.setLineWidth(0.3)
    d.c.line(x0 + step * 3 + 4, y + 12, x0 + step * 3 + 4, y + 12 + 20 * len(rows) + 38)
    y -= 6
    y = notes(d, y, [
        "\u2020 Restated to include the Qinzhou terminal from its acquisition in October 2023 (previously reported "
        "as 1,098,350 m3).",
        "Regional figures cover terminals under the Group's operational control. Employees are headcount at "
        "31 December; lost-time injuries are injuries to employees resulting in at least one lost work day.",
    ], size=8, lead=11.5)
    y -= 12
    y = para(d, y, "Mainland China accounts for about half of the Group's Scope 1 and 2 emissions, reflecting its "
                   "share of throughput and the higher carbon intensity of the regional grids. In Southeast Asia, "
                   "shore power for feeder vessels was commissioned at Cai Mep in June 2024.")

    # ---------------------------------------------------------------- p4 people
    d.new_page()
    y = d.top
    y = heading(d, y, "3. Our people")
    y = para(d, y, "The Group employs terminal operators, engineers, marine and control-room staff and corporate "
                   "staff. Headcount is at 31 December; turnover rate is the number of leavers divided by the "
                   "average headcount of the year.")
    y = group_table(d, y, "Table 4: Workforce, turnover and training", [
        ("Total employees", "persons", "11,565", "11,301", "total"),
        ("Employees by gender", "", "", "", "group"),
        ("Male", "persons", "9,482", "9,301", "sub"),
        ("Female", "persons", "2,083", "2,000", "sub"),
        ("Employees by age group", "", "", "", "group"),
        ("Under 30", "persons", "2,314", "2,196", "sub"),
        ("30-50", "persons", "6,427", "6,318", "sub"),
        ("Over 50", "persons", "2,824", "2,787", "sub"),
        ("Employees by employee category", "", "", "", "group"),
        ("Senior management", "persons", "86", "82", "sub"),
        ("Middle management", "persons", "1,124", "1,096", "sub"),
        ("General staff", "persons", "10,355", "10,123", "sub"),
        ("Employee turnover rate", "%", "9.8", "10.6", "total"),
        ("Male", "%", "9.5", "10.2", "sub"),
        ("Female", "%", "11.2", "12.5", "sub"),
        ("Percentage of employees trained", "%", "96.8", "95.1", ""),
        ("Average training hours per employee", "hours", "24.6", "22.9", "total"),
        ("By gender", "", "", "", "group"),
        ("Male", "hours", "25.3", "23.4", "sub"),
        ("Female", "hours", "21.4", "20.6", "sub"),
        ("By employee category", "", "", "", "group"),
        ("Senior management", "hours", "31.5", "28.0", "sub"),
        ("Middle management", "hours", "34.8", "32.6", "sub"),
        ("General staff", "hours", "23.4", "21.8", "sub"),
    ])
    y -= 6
    y = para(d, y, "Training covered equipment operation, safety, automation and leadership. In 2024 we opened "
                   "a crane simulator centre in Xiamen and aim to provide at least 25 hours of training per "
                   "employee a year from 2025.")

    # ---------------------------------------------------------------- p5 safety, suppliers, service
    d.new_page()
    y = d.top
    y = heading(d, y, "4. Health and safety")
    y = para(d, y, "All our terminals are certified to ISO 45001:2018. Safety data cover employees unless "
                   "stated otherwise; contractor fatalities are reported separately.")
    y = group_table(d, y, "Table 5: Health and safety", [
        ("Work-related fatalities", "", "", "", "group"),
        ("Employees", "persons", "0", "0", "sub"),
        ("Contractors", "persons", "0", "1", "sub"),
        ("Lost-time injuries (employees)", "number", "32", "38", ""),
        ("Hours worked (employees)", "million hours", "27.21", "26.46\u2020", ""),
        ("Lost-time injury frequency rate (LTIFR)", "per million hours", "1.18", "1.44\u2020", ""),
        ("Lost days due to work injury", "days", "642", "815", ""),
    ])
    y = notes(d, y, [
        "\u2020 Restated: 2023 hours worked now include overtime hours (previously reported as 25.90 million "
        "hours); the 2023 LTIFR has been recalculated accordingly. LTIFR = lost-time injuries x 1,000,000 / "
        "hours worked.",
    ])
    y -= 10
    y = para(d, y, "In August 2023 a contractor's truck driver was fatally injured in a collision with a terminal "
                   "tractor at one of our Mainland China terminals. Following the investigation we separated "
                   "external truck lanes from yard traffic at all terminals and introduced a 25 km/h yard speed "
                   "limit. There were no work-related fatalities among employees or contractors in 2024.")
    y = heading(d, y - 4, "5. Supply chain management")
    y = para(d, y, "Our main suppliers provide cranes and cargo-handling equipment, spare parts, fuel, "
                   "electricity, IT systems and maintenance services. In 2024 the Group engaged 1,486 "
                   "suppliers (2023: 1,402), of which 612 were based in Hong Kong, 671 in Mainland China and "
                   "203 in Southeast Asia. New suppliers are assessed against our Supplier Code of Conduct, "
                   "last updated in 2023.")
    y = heading(d, y - 4, "6. Service quality")
    y = para(d, y, "We received 27 complaints from shipping lines and cargo owners in 2024 (2023: 34), relating "
                   "mainly to vessel waiting times and container damage. 100% of complaints were closed within "
                   "our 30-day service standard. Customer data are protected under an information security "
                   "management system certified to ISO/IEC 27001:2022.")

    # ---------------------------------------------------------------- p6 anti-corruption, community, index
    d.new_page()
    y = d.top
    y = heading(d, y, "7. Anti-corruption")
    y = para(d, y, "There were no concluded legal cases regarding corrupt practices brought against the Group "
                   "or its employees in 2024 (2023: nil). During the year 3,245 employees attended "
                   "anti-corruption training, totalling 6,490 hours, including sessions delivered with the "
                   "Independent Commission Against Corruption. Our whistle-blowing policy was revised in May 2024.")
    y = heading(d, y - 4, "8. Community investment")
    y = para(d, y, "The Group contributed HK$12.6 million to community programmes in 2024 (2023: HK$10.9 "
                   "million), including maritime scholarships for 120 students and the Harbour Green coastal "
                   "clean-up. A total of 1,036 employee volunteers contributed 8,420 volunteer hours "
                   "(2023: 7,150 hours). We aim to reach 10,000 volunteer hours a year by 2026.")
    y = heading(d, y - 4, "HKEX ESG Reporting Code content index")
    xk, xd, xp = d.left + 4, d.left + 70, d.right - 4
    d.band(y - 16, 16)
    d.text(xk, y - 12, "KPI", ENB, 8.8)
    d.text(xd, y - 12, "Disclosure", ENB, 8.8)
    d.text(xp, y - 12, "Page", ENB, 8.8, "right")
    y -= 30
    for k, desc, pg in [
        ("A1.1", "Types of emissions and respective emissions data", "2"),
        ("A1.2", "Scope 1, Scope 2 and Scope 3 GHG emissions and intensity", "2, 3"),
        ("A1.3", "Hazardous waste produced", "2"),
        ("A1.4", "Non-hazardous waste produced", "2"),
        ("A2.1", "Direct and indirect energy consumption and intensity", "2, 3"),
        ("A2.2", "Water consumption", "2, 3"),
        ("A2.5", "Packaging material (not material to the Group's business)", "-"),
        ("B1.1", "Total workforce by gender, age group, employee category and region", "3, 4"),
        ("B1.2", "Employee turnover rate by gender", "4"),
        ("B2.1", "Work-related fatalities", "5"),
        ("B2.2", "Lost days due to work injury", "5"),
        ("B3.1", "Percentage of employees trained", "4"),
        ("B3.2", "Average training hours by gender and employee category", "4"),
        ("B5.1", "Number of suppliers by geographical region", "5"),
        ("B6.2", "Number of service-related complaints received", "5"),
        ("B7.1", "Concluded legal cases regarding corrupt practices", "6"),
        ("B7.3", "Anti-corruption training", "6"),
        ("B8.2", "Resources contributed to the focus areas", "6"),
    ]:
        d.text(xk, y, k, EN, 8.5)
        d.text(xd, y, desc, EN, 8.5)
        d.text(xp, y, pg, EN, 8.5, "right")
        y -= 14
    d.rule(y + 8)
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
        if rec["line"] is not None:
            problems.append(f"{n}: line should be null for a PDF")
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
    doc = build()
    bad = 0
    if "--check" in sys.argv:
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
