#!/usr/bin/env python3
"""Build the round-7b synthetic held-out PDF in this folder.

    .venv/bin/python tests/heldout/make_pdfs_round7b.py           # (re)build the PDF
    .venv/bin/python tests/heldout/make_pdfs_round7b.py --check   # build, then check the gold file

* ``crestview-properties-fy2024.en.pdf`` - English, Hong Kong property developer and landlord with a
  Singapore portfolio, fiscal year 1 July 2023 - 30 June 2024 (columns ``FY2024`` / ``FY2023``).
  Environmental tables ``Indicator | Unit | FY2024 | FY2023 | Change (%)`` with superscript footnote
  digits after labels and footnotes full of numbers; a region table ``Hong Kong | Singapore | Total``
  for FY2024 only; social tables with a ``Note`` column holding footnote numbers; prose figures;
  an HKEX ESG content index at the end.

Everything printed is defined in this file (no external data, no font files: Helvetica only). Tables are
drawn cell by cell with ``drawString`` at fixed x positions. ``invariant=1`` makes the output
byte-for-byte reproducible.

This script knows nothing about the extractor and never imports it. ``--check`` verifies that every gold
record's ``raw_value`` is among the text drawn on its ``page`` and in the pypdfium2 text layer of that
page (thousands separators and whitespace ignored), and that each record is well formed.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
OUT = HERE / "crestview-properties-fy2024.en.pdf"
GOLD = HERE / "crestview-properties-fy2024.en.jsonl"
EN, ENB, ENI = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"

W, H = A4
LEFT, RIGHT = 56.0, W - 56.0
TOP, BOTTOM = H - 82.0, 58.0


class Page:
    """Canvas wrapper that records every string drawn, per page."""

    def __init__(self, path: Path):
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle("Crestview Properties Holdings Limited - ESG Report FY2023/24")
        self.c.setAuthor("esglens held-out test set (synthetic)")
        self.drawn: list[list[str]] = [[]]
        self._chrome()

    def s(self, x, y, txt, font=EN, size=9.4, align="l", gray=0.0):
        self.c.setFont(font, size)
        self.c.setFillGray(gray)
        {"l": self.c.drawString, "r": self.c.drawRightString, "c": self.c.drawCentredString}[align](x, y, txt)
        self.c.setFillGray(0)
        self.drawn[-1].append(txt)

    def sup(self, x, y, txt, size=5.6):
        """A superscript footnote marker drawn just after x."""
        self.s(x + 0.6, y + 3.6, txt, EN, size)

    def line(self, y, x0=LEFT, x1=RIGHT, w=0.5, gray=0.0):
        self.c.setStrokeGray(gray)
        self.c.setLineWidth(w)
        self.c.line(x0, y, x1, y)
        self.c.setStrokeGray(0)

    def shade(self, y, h, gray=0.88, x0=LEFT, x1=RIGHT):
        self.c.setFillGray(gray)
        self.c.rect(x0, y, x1 - x0, h, stroke=0, fill=1)
        self.c.setFillGray(0)

    def _chrome(self):
        self.s(LEFT, H - 44, "Crestview Properties Holdings Limited  |  Environmental, Social and Governance Report "
               "FY2023/24", EN, 7.8, gray=0.4)
        self.line(H - 50, w=0.3, gray=0.4)
        self.s(RIGHT, 34, f"{len(self.drawn)}", ENB, 8, "r", gray=0.4)
        self.s(LEFT, 34, "Crestview Properties  ESG Report 2023/24", EN, 7.6, gray=0.4)

    def next(self):
        self.c.showPage()
        self.drawn.append([])
        self._chrome()

    def save(self):
        self.c.save()


TOKENS = re.compile(r"\S+\s*")


def wrap(text, font, size, width):
    out, cur = [], ""
    for tok in TOKENS.findall(text):
        if cur and pdfmetrics.stringWidth((cur + tok).rstrip(), font, size) > width:
            out.append(cur.rstrip())
            cur = tok
        else:
            cur += tok
    if cur.strip():
        out.append(cur.rstrip())
    return out


def para(p, y, text, font=EN, size=9.6, lead=14.6, after=7.0, indent=0.0):
    for ln in wrap(text, font, size, RIGHT - LEFT - indent):
        p.s(LEFT + indent, y, ln, font, size)
        y -= lead
    return y - after


def section(p, y, title):
    p.s(LEFT, y, title, ENB, 13.5)
    p.line(y - 6, w=0.9)
    return y - 25


def footnotes(p, y, notes, size=7.3):
    for mark, txt in notes:
        lines = wrap(txt, EN, size, RIGHT - LEFT - 10)
        p.s(LEFT, y, mark, EN, size)
        for ln in lines:
            p.s(LEFT + 10, y, ln, EN, size)
            y -= 10.2
    return y - 4


def change(a: str, b: str) -> str:
    """Year-on-year change in % computed from the printed strings."""
    if a in ("-", "–", "N/A") or b in ("-", "–", "N/A"):
        return "N/A"
    fa, fb = float(a.replace(",", "")), float(b.replace(",", ""))
    pct = round((fa - fb) / fb * 100, 1)
    return f"{pct:+.1f}"


# ----------------------------------------------------------------------------------------------------------
# table helpers
# ----------------------------------------------------------------------------------------------------------
def caption(p, y, txt):
    p.s(LEFT, y, txt, ENB, 10.2)
    return y - 8


def header_row(p, y, cells):
    """cells: (x, text, align)."""
    p.shade(y - 17, 17)
    for x, t, a in cells:
        p.s(x, y - 12.5, t, ENB, 8.8, a)
    return y - 31


LABEL_X = LEFT + 4
ROW = 16.4


def env_table(p, y, rows):
    """Indicator | Unit | FY2024 | FY2023 | Change (%). rows: (label, sup, unit, v24, v23, kind)."""
    xu, x24, x23, xc = 268.0, 400.0, 462.0, 534.0
    y = header_row(p, y, [(LABEL_X, "Indicator", "l"), (xu, "Unit", "l"), (x24, "FY2024", "r"),
                          (x23, "FY2023", "r"), (xc, "Change (%)", "r")])
    for lab, sup, unit, a, b, kind in rows:
        if kind == "group":
            p.s(LABEL_X, y, lab, ENB, 8.8)
            if sup:
                p.sup(LABEL_X + pdfmetrics.stringWidth(lab, ENB, 8.8), y, sup)
            y -= ROW
            continue
        font = ENB if kind == "total" else EN
        lx = LABEL_X if kind == "total" else LABEL_X + 9
        assert pdfmetrics.stringWidth(lab, font, 8.6) + lx < xu - 8, lab
        if kind == "total":
            p.line(y + 11.5, LABEL_X, RIGHT, 0.3)
        p.s(lx, y, lab, font, 8.6)
        if sup:
            p.sup(lx + pdfmetrics.stringWidth(lab, font, 8.6), y, sup)
        p.s(xu, y, unit, EN, 8.3)
        p.s(x24, y, a, font, 8.6, "r")
        p.s(x23, y, b, font, 8.6, "r")
        p.s(xc, y, change(a, b), EN, 8.3, "r", gray=0.3)
        y -= ROW
    p.line(y + 10, w=0.6)
    return y - 4


def social_table(p, y, rows):
    """Indicator | Note | Unit | FY2024 | FY2023. rows: (label, note, unit, v24, v23, kind)."""
    xn, xu, x24, x23 = 262.0, 292.0, 452.0, 530.0
    y = header_row(p, y, [(LABEL_X, "Indicator", "l"), (xn, "Note", "c"), (xu, "Unit", "l"),
                          (x24, "FY2024", "r"), (x23, "FY2023", "r")])
    for lab, note, unit, a, b, kind in rows:
        if kind == "group":
            p.s(LABEL_X, y, lab, ENB, 8.8)
            y -= ROW
            continue
        font = ENB if kind == "total" else EN
        lx = LABEL_X if kind in ("total", "top") else LABEL_X + 9
        assert pdfmetrics.stringWidth(lab, font, 8.6) + lx < xn - 10, lab
        p.s(lx, y, lab, font, 8.6)
        if note:
            p.s(xn, y, note, EN, 8.3, "c")
        p.s(xu, y, unit, EN, 8.3)
        p.s(x24, y, a, font, 8.6, "r")
        p.s(x23, y, b, font, 8.6, "r")
        y -= ROW
    p.line(y + 10, w=0.6)
    return y - 4


# ----------------------------------------------------------------------------------------------------------
# the report
# ----------------------------------------------------------------------------------------------------------
def build() -> Page:
    p = Page(OUT)
    # ====================================================================================== p1 cover / about
    y = TOP - 14
    p.s(LEFT, y, "Crestview Properties Holdings Limited", ENB, 21)
    y -= 20
    p.s(LEFT, y, "(Incorporated in Hong Kong with limited liability)  Stock code: 1786", EN, 8.6, gray=0.3)
    y -= 30
    p.s(LEFT, y, "Environmental, Social and Governance Report", EN, 15)
    y -= 19
    p.s(LEFT, y, "For the year ended 30 June 2024", EN, 11, gray=0.25)
    y -= 40
    y = section(p, y, "About this report")
    y = para(p, y, "This report sets out the environmental, social and governance (ESG) performance of Crestview "
                   "Properties Holdings Limited (the \"Company\") and its subsidiaries (together, the \"Group\" or "
                   "\"Crestview\") for the financial year from 1 July 2023 to 30 June 2024 (\"FY2024\"), with "
                   "comparative figures for the year ended 30 June 2023 (\"FY2023\"). It has been prepared in "
                   "accordance with the Environmental, Social and Governance Reporting Code set out in Appendix C2 "
                   "to the Main Board Listing Rules of The Stock Exchange of Hong Kong Limited (HKEX), and with "
                   "reference to the GRI Standards 2021.")
    y = para(p, y, "Environmental data cover the investment properties, hotels and property management offices "
                   "under the Group's operational control: 27 properties in Hong Kong and 6 in Singapore. "
                   "Properties under development are covered only for construction waste and Scope 3 category 1. "
                   "Social data cover all employees of the Group as at 30 June of each year. The HKEX content "
                   "index is on the last page of this report.")
    y = section(p, y - 4, "Our business")
    y = para(p, y, "Crestview develops residential and commercial properties for sale in Hong Kong and owns a "
                   "portfolio of office, retail and serviced-apartment assets in Hong Kong and Singapore. In FY2024 "
                   "the Group recorded revenue of HK$6,842.5 million (FY2023: HK$6,518.3 million), of which "
                   "recurring rental income accounted for 71%. Occupancy of the Hong Kong office portfolio was "
                   "92.6% at 30 June 2024, and the Group completed two residential projects in Tseung Kwan O and "
                   "Tuen Mun during the year.")
    y = section(p, y - 4, "Board statement")
    y = para(p, y, "The Board has overall responsibility for the Group's ESG strategy and reporting and is supported "
                   "by the Sustainability Committee, which met four times during FY2024. In 2022 the Board "
                   "approved the Group's Sustainability 2030 targets, set against a base year of 2019: to reduce "
                   "Scope 1 and 2 greenhouse gas (GHG) emission intensity by 50%, energy intensity by 20% and water "
                   "intensity by 15% by FY2030, and to achieve BEAM Plus or Green Mark certification for 100% of "
                   "new developments. In FY2024 the Group's GHG emission intensity was 32.1% below the base year.")
    y = para(p, y, "The environmental data in this report have been reviewed by an independent assurance provider "
                   "in accordance with ISAE 3410. This report was approved by the Board on 26 September 2024.")

    # ====================================================================================== p2 GHG / energy
    p.next()
    y = TOP
    y = section(p, y, "1. Environmental performance")
    y = para(p, y, "Purchased electricity for air-conditioning, lifts and lighting in common areas is the main source "
                   "of the Group's emissions. Total Scope 1 and 2 emissions (location-based) fell by 4.5% year on "
                   "year, mainly as a result of chiller replacement at Crestview Centre and LED retrofits in car "
                   "parks. On-site solar photovoltaic systems at three Hong Kong properties began operating in "
                   "FY2024.", size=9.4, lead=14.0)
    y = caption(p, y, "Table 1: Greenhouse gas emissions and energy consumption")
    t1 = [
        ("Greenhouse gas emissions", "", "", "", "", "group"),
        ("Scope 1 emissions", "1", "tonnes CO2-e", "1,846.3", "1,972.8", ""),
        ("Scope 2 emissions (location-based)", "2", "tonnes CO2-e", "38,412.6", "40,187.4", ""),
        ("Scope 2 emissions (market-based)", "3", "tonnes CO2-e", "33,905.2", "37,624.9", ""),
        ("Total Scope 1 and 2 (location-based)", "", "tonnes CO2-e", "40,258.9", "42,160.2", "total"),
        ("GHG emission intensity", "4", "kg CO2-e/m2", "28.6", "30.4", ""),
        ("Scope 3 emissions", "5", "", "", "", "group"),
        ("Cat. 1 Purchased goods and services", "", "tonnes CO2-e", "86,412.5", "112,386.0", ""),
        ("Cat. 3 Fuel- and energy-related activities", "", "tonnes CO2-e", "6,218.4", "6,534.7", ""),
        ("Cat. 5 Waste generated in operations", "", "tonnes CO2-e", "2,846.1", "2,912.3", ""),
        ("Cat. 6 Business travel", "", "tonnes CO2-e", "412.7", "268.9", ""),
        ("Cat. 7 Employee commuting", "", "tonnes CO2-e", "1,126.5", "1,082.4", ""),
        ("Total Scope 3 emissions", "", "tonnes CO2-e", "97,016.2", "123,184.3", "total"),
        ("Energy consumption", "", "", "", "", "group"),
        ("Purchased electricity", "", "'000 kWh", "72,480.5", "75,612.3", ""),
        ("Town gas", "6", "'000 kWh", "1,862.4", "1,905.7", ""),
        ("Diesel", "6", "'000 kWh", "642.8", "706.1", ""),
        ("Petrol", "6", "'000 kWh", "215.3", "228.6", ""),
        ("Solar PV electricity generated on site", "", "'000 kWh", "486.2", "–", ""),
        ("Total energy consumption", "", "'000 kWh", "75,687.2", "78,452.7", "total"),
        ("Energy intensity", "4", "kWh/m2", "53.8", "56.6", ""),
        ("Gross floor area (GFA) in scope", "4", "m2", "1,408,000", "1,386,500", ""),
    ]
    y = env_table(p, y, t1)
    y -= 2
    y = footnotes(p, y, [
        ("1", "Scope 1 covers the combustion of town gas, diesel and petrol and the leakage of refrigerants, with "
              "global warming potentials from the IPCC Fifth Assessment Report (AR5)."),
        ("2", "Location-based Scope 2 uses the grid emission factors of CLP Power (0.39 kg CO2-e/kWh) and HK "
              "Electric (0.66 kg CO2-e/kWh) for 2023, and the Singapore grid emission factor of 0.4168 kg "
              "CO2-e/kWh published by the Energy Market Authority for 2023."),
        ("3", "Market-based Scope 2 reflects 9,600 MWh of renewable energy certificates retired in FY2024 "
              "(FY2023: 5,000 MWh) and supplier-specific emission factors where available."),
        ("4", "Intensities are calculated on the GFA of properties under the Group's operational control."),
        ("5", "Calculated with reference to the GHG Protocol Corporate Value Chain (Scope 3) Standard (2011). "
              "Categories 2, 4 and 8 to 15 are not relevant or not yet measured. Category 1 covers the embodied "
              "carbon of construction materials for projects under development; the decrease reflects the "
              "completion of superstructure works at two sites."),
        ("6", "Converted to kWh using the factors in Appendix 2 of the HKEX reporting guidance: town gas 48 MJ per "
              "unit, diesel 10.7 kWh per litre and petrol 9.6 kWh per litre."),
    ])

    # ====================================================================================== p3 water/waste + region
    p.next()
    y = TOP
    y = caption(p, y, "Table 2: Air emissions, water and waste")
    t2 = [
        ("Air emissions", "", "", "", "", "group"),
        ("Nitrogen oxides (NOx)", "", "kg", "412.5", "438.9", ""),
        ("Sulphur oxides (SOx)", "", "kg", "1.4", "1.5", ""),
        ("Particulate matter (PM)", "", "kg", "30.2", "32.6", ""),
        ("Water", "", "", "", "", "group"),
        ("Water consumption", "7", "m3", "1,342,623", "1,398,164", ""),
        ("Water intensity", "4", "m3/m2", "0.95", "1.01", ""),
        ("Waste", "", "", "", "", "group"),
        ("General waste disposed of to landfill", "", "tonnes", "8,412.6", "8,953.1", ""),
        ("Waste collected for recycling", "8", "tonnes", "3,318.4", "2,874.9", ""),
        ("Total non-hazardous waste", "", "tonnes", "11,731.0", "11,828.0", "total"),
        ("Non-hazardous waste intensity", "4", "kg/m2", "8.33", "8.53", ""),
        ("Hazardous waste", "9", "tonnes", "12.8", "14.6", ""),
        ("Construction waste (development sites)", "", "tonnes", "46,218", "52,860", ""),
    ]
    y = env_table(p, y, t2)
    y -= 2
    y = footnotes(p, y, [
        ("7", "Municipal water purchased from the Water Supplies Department (Hong Kong) and PUB (Singapore). "
              "Tenants' consumption within leased premises is excluded where separately metered."),
        ("8", "Includes paper, plastics, metals, glass, food waste and used cooking oil collected by licensed "
              "recyclers; 312 food waste collection bins were in service at 30 June 2024."),
        ("9", "Chemical waste, spent fluorescent tubes and lead-acid batteries, handled by licensed collectors."),
    ])
    y -= 10
    y = para(p, y, "The table below breaks down selected indicators for FY2024 by operating region. The Singapore "
                   "portfolio comprises four office buildings and two serviced-apartment properties.",
             size=9.4, lead=14.0)
    y = caption(p, y, "Table 3: Selected indicators by region, FY2024")
    xu, xh, xs, xt = 232.0, 382.0, 458.0, 534.0
    y = header_row(p, y, [(LABEL_X, "Indicator", "l"), (xu, "Unit", "l"), (xh, "Hong Kong", "r"),
                          (xs, "Singapore", "r"), (xt, "Total", "r")])
    t3 = [
        ("Scope 1 emissions", "tonnes CO2-e", "1,524.8", "321.5", "1,846.3"),
        ("Scope 2 emissions (location-based)", "tonnes CO2-e", "31,597.0", "6,815.6", "38,412.6"),
        ("Purchased electricity", "'000 kWh", "56,128.4", "16,352.1", "72,480.5"),
        ("Water consumption", "m3", "1,051,206", "282,417", "1,342,623"),
        ("Total non-hazardous waste", "tonnes", "9,486.2", "2,244.8", "11,731.0"),
        ("Gross floor area (GFA) in scope", "m2", "1,126,000", "282,000", "1,408,000"),
        ("Employees (as at 30 June 2024)", "persons", "2,986", "426", "3,412"),
    ]
    for lab, unit, h, s_, t in t3:
        p.s(LABEL_X, y, lab, EN, 8.6)
        p.s(xu, y, unit, EN, 8.3)
        p.s(xh, y, h, EN, 8.6, "r")
        p.s(xs, y, s_, EN, 8.6, "r")
        p.s(xt, y, t, ENB, 8.6, "r")
        y -= ROW
    p.line(y + 10, w=0.6)
    y -= 6
    p.s(LEFT, y, "Figures may not add up to the totals because of rounding.", ENI, 7.3)

    # ====================================================================================== p4 workforce
    p.next()
    y = TOP
    y = section(p, y, "2. Our people")
    y = para(p, y, "Crestview employs property management, leasing, project management and corporate staff. "
                   "Cleaning and security services at most Hong Kong properties are outsourced to contractors, whose "
                   "staff are not included below. The Group reviews pay against market benchmarks every year and "
                   "adjusted salaries by an average of 3.8% from 1 January 2024.", size=9.4, lead=14.0)
    y = caption(p, y, "Table 4: Workforce")
    t4 = [
        ("Total employees", "10", "persons", "3,412", "3,286", "total"),
        ("By gender", "", "", "", "", "group"),
        ("Male", "", "persons", "1,618", "1,552", ""),
        ("Female", "", "persons", "1,794", "1,734", ""),
        ("By age group", "", "", "", "", "group"),
        ("Under 30", "", "persons", "612", "584", ""),
        ("30–50", "", "persons", "1,836", "1,771", ""),
        ("Over 50", "", "persons", "964", "931", ""),
        ("By employment type", "", "", "", "", "group"),
        ("Full-time", "", "persons", "3,128", "3,015", ""),
        ("Part-time", "", "persons", "284", "271", ""),
        ("New hires", "", "", "", "", "group"),
        ("Number of new hires", "11", "persons", "538", "497", ""),
        ("New hire rate", "11", "%", "15.8", "15.1", ""),
        ("Employee turnover", "", "", "", "", "group"),
        ("Number of employees who left", "12", "persons", "462", "509", ""),
        ("Turnover rate", "12", "%", "13.5", "15.5", ""),
        ("Turnover rate – male", "", "%", "14.2", "15.7", ""),
        ("Turnover rate – female", "", "%", "12.9", "15.3", ""),
        ("Turnover rate – under 30", "", "%", "25.8", "29.3", ""),
        ("Turnover rate – 30–50", "", "%", "12.0", "13.8", ""),
        ("Turnover rate – over 50", "", "%", "8.6", "10.0", ""),
    ]
    y = social_table(p, y, t4)
    y -= 2
    y = footnotes(p, y, [
        ("10", "Headcount as at 30 June, including full-time and part-time employees of the Company and its "
               "subsidiaries; excludes about 1,850 outsourced cleaning and security staff."),
        ("11", "New hire rate = new hires during the year / headcount at 30 June."),
        ("12", "Employees who left voluntarily or were dismissed. Turnover rate = leavers in the category / "
               "headcount in the category at 30 June."),
    ])
    y -= 8
    y = para(p, y, "Female employees made up 52.6% of the workforce and 41% of senior management at 30 June 2024. "
                   "The Group offers 14 weeks of maternity leave and 5 days of paternity leave, above the statutory "
                   "minimum in Hong Kong.", size=9.4, lead=14.0)

    # ====================================================================================== p5 H&S, training, op practices
    p.next()
    y = TOP
    y = caption(p, y, "Table 5: Health and safety, training and development")
    t5 = [
        ("Health and safety", "", "", "", "", "group"),
        ("Work-related fatalities", "", "persons", "0", "0", ""),
        ("Lost-time injuries", "", "cases", "14", "17", ""),
        ("Lost-time injury rate", "13", "per 200,000 hours worked", "0.41", "0.52", ""),
        ("Lost days due to work injury", "", "days", "386", "452", ""),
        ("Training", "", "", "", "", "group"),
        ("Percentage of employees trained", "14", "%", "92.4", "89.7", ""),
        ("Total training hours", "", "hours", "73,718", "65,064", ""),
        ("Average training hours per employee", "", "hours", "21.6", "19.8", ""),
        ("Average training hours by gender", "", "", "", "", "group"),
        ("Male", "", "hours", "22.4", "20.5", ""),
        ("Female", "", "hours", "20.9", "19.2", ""),
        ("Average training hours by employee grade", "", "", "", "", "group"),
        ("Senior management", "", "hours", "32.5", "30.0", ""),
        ("Middle management", "", "hours", "28.4", "26.1", ""),
        ("General staff", "", "hours", "19.9", "18.3", ""),
    ]
    y = social_table(p, y, t5)
    y -= 2
    y = footnotes(p, y, [
        ("13", "Lost-time injury rate = lost-time injuries x 200,000 / total hours worked (6.82 million hours in "
               "FY2024; FY2023: 6.57 million hours)."),
        ("14", "Employees who completed at least one training course during the year / headcount at 30 June."),
    ])
    y -= 8
    y = section(p, y, "3. Operating practices")
    p.s(LEFT, y, "Supply chain management", ENB, 10)
    y -= 15
    y = para(p, y, "As at 30 June 2024 the Group engaged 1,246 suppliers (FY2023: 1,187), of which 1,018 were based in "
                   "Hong Kong, 164 in Singapore and 64 in other regions, mainly building materials and "
                   "equipment suppliers in Mainland China and Europe. All new main contractors were assessed "
                   "against our Supplier Code of Conduct, which was last updated in March 2023.",
             size=9.4, lead=14.0)
    p.s(LEFT, y, "Customer and tenant service", ENB, 10)
    y -= 15
    y = para(p, y, "Our property management teams received 326 complaints from tenants, residents and customers in "
                   "FY2024 (FY2023: 358), mainly about air-conditioning, cleanliness and car park operations. All "
                   "complaints were followed up, with an average first response time of 1.8 working days. Our "
                   "tenant satisfaction survey, conducted every two years, achieved a score of 8.2 out of 10.",
             size=9.4, lead=14.0)
    p.s(LEFT, y, "Anti-corruption", ENB, 10)
    y -= 15
    y = para(p, y, "During FY2024 there were no confirmed cases of corruption and no concluded legal cases "
                   "regarding corrupt practices brought against the Group or its employees. All directors and "
                   "3,105 employees completed anti-corruption training, totalling 4,658 training hours, including a "
                   "seminar delivered by the ICAC in March 2024. Whistleblowing reports can be made anonymously to "
                   "the Audit Committee.", size=9.4, lead=14.0)

    # ====================================================================================== p6 community + index
    p.next()
    y = TOP
    y = section(p, y, "4. Community investment")
    y = para(p, y, "Through the Crestview Community Fund, established in 2015, the Group supports elderly care, youth "
                   "development and green space projects in the districts where it operates. In FY2024 the Group "
                   "contributed HK$8.6 million in cash and in-kind donations (FY2023: HK$7.2 million), including "
                   "rent-free space for eight NGOs in Hong Kong and Singapore.", size=9.4, lead=14.0)
    y = para(p, y, "A total of 486 employee volunteers contributed 5,832 volunteering hours (FY2023: 4,915 hours), "
                   "serving more than 12,000 elderly residents and families. We aim to reach 8,000 volunteering "
                   "hours a year by FY2027.", size=9.4, lead=14.0)
    y -= 6
    y = section(p, y, "HKEX ESG Reporting Code content index")
    xk, xd, xsct, xpg = LEFT + 4, 100.0, 372.0, 534.0
    y = header_row(p, y, [(xk, "KPI", "l"), (xd, "Description", "l"), (xsct, "Section / table", "l"),
                          (xpg, "Page", "r")])
    idx = [
        ("A1.1", "Types of emissions and emissions data", "Table 2", "3"),
        ("A1.2", "Direct and indirect GHG emissions and intensity", "Table 1", "2"),
        ("A1.3", "Hazardous waste produced and intensity", "Table 2", "3"),
        ("A1.4", "Non-hazardous waste produced and intensity", "Table 2", "3"),
        ("A2.1", "Energy consumption by type and intensity", "Table 1", "2"),
        ("A2.2", "Water consumption and intensity", "Table 2", "3"),
        ("A2.5", "Packaging material for finished products", "Not applicable", "–"),
        ("B1.1", "Workforce by gender, employment type, age, region", "Tables 3, 4", "3–4"),
        ("B1.2", "Employee turnover rate", "Table 4", "4"),
        ("B2.1", "Work-related fatalities (past three years)", "Table 5", "5"),
        ("B2.2", "Lost days due to work injury", "Table 5", "5"),
        ("B3.1", "Percentage of employees trained", "Table 5", "5"),
        ("B3.2", "Average training hours", "Table 5", "5"),
        ("B5.1", "Number of suppliers by region", "3. Operating practices", "5"),
        ("B6.2", "Products and service related complaints", "3. Operating practices", "5"),
        ("B7.1", "Concluded legal cases regarding corruption", "3. Operating practices", "5"),
        ("B8.2", "Resources contributed to the focus area", "4. Community investment", "6"),
    ]
    for k, dsc, sct, pg in idx:
        p.s(xk, y, k, EN, 8.4)
        p.s(xd, y, dsc, EN, 8.4)
        p.s(xsct, y, sct, EN, 8.4)
        p.s(xpg, y, pg, EN, 8.4, "r")
        y -= 14.2
    p.line(y + 9, w=0.6)
    y -= 8
    p.s(LEFT, y, "The Group reported no work-related fatalities in FY2022, FY2023 or FY2024.", ENI, 7.6)
    assert y > BOTTOM, y
    p.save()
    return p


# ----------------------------------------------------------------------------------------------------------
# check
# ----------------------------------------------------------------------------------------------------------
METRIC = re.compile(r"^(other:[a-z0-9_]+|[a-z0-9_]+)$")
PERIOD = re.compile(r"^(FY)?\d{4}$")


def _sq(s: str) -> str:
    return re.sub(r"[\s,]", "", s)


def check(p: Page) -> list[str]:
    import pypdfium2 as pdfium  # noqa: PLC0415

    pdf = pdfium.PdfDocument(str(OUT))
    layer = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    drawn = [_sq(" ".join(ss)) for ss in p.drawn]
    need = ["metric", "value", "unit", "period", "dims", "page", "line", "raw_value", "raw_unit"]
    probs, seen = [], set()
    for n, txt in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        if not txt.strip():
            continue
        r = json.loads(txt)
        miss = [k for k in need if k not in r]
        if miss:
            probs.append(f"line {n}: missing {miss}")
            continue
        if not METRIC.match(r["metric"]) or not PERIOD.match(r["period"]):
            probs.append(f"line {n}: bad metric/period {r['metric']} {r['period']}")
        if not isinstance(r["value"], (int, float)) or not isinstance(r["dims"], dict):
            probs.append(f"line {n}: bad value/dims")
        if r["line"] is not None:
            probs.append(f"line {n}: line must be null for a PDF")
        key = (r["metric"], r["period"], json.dumps(r["dims"], sort_keys=True))
        if key in seen:
            probs.append(f"line {n}: duplicate {key}")
        seen.add(key)
        pg = r["page"]
        if not isinstance(pg, int) or not 1 <= pg <= len(layer):
            probs.append(f"line {n}: page {pg} out of range")
            continue
        raw = _sq(r["raw_value"])
        if raw not in drawn[pg - 1]:
            probs.append(f"line {n}: {r['raw_value']!r} not drawn on page {pg}")
        if raw not in _sq(layer[pg - 1]):
            probs.append(f"line {n}: {r['raw_value']!r} not in text layer of page {pg}")
    return probs


def main() -> int:
    p = build()
    print(f"{OUT.name}: {len(p.drawn)} pages")
    if "--check" in sys.argv:
        probs = check(p)
        n = sum(1 for t in GOLD.read_text(encoding="utf-8").splitlines() if t.strip())
        print(f"{GOLD.name}: {n} gold records, {len(probs)} problems")
        for x in probs:
            print("  ", x)
        return 1 if probs else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
