"""Bilingual names for what the web app shows: metrics (from the taxonomy) and HKEX aspects (from the HKEX code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

OTHER_ASPECT = "other"
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class MetricLabel:
    id: str
    en: str
    zh: str
    hkex: str | None
    order: int  # position in the taxonomy, so pages list metrics in the Code's order


@lru_cache(maxsize=1)
def _taxonomy():
    # The taxonomy class is the owner of the labels; when it cannot be loaded the data file still can.
    try:
        from ..extract.taxonomy import Taxonomy

        return Taxonomy.load()
    except Exception:
        return None


@lru_cache(maxsize=2048)  # bounded: ids come from requests too
def metric_label(metric_id: str) -> MetricLabel:
    """English and Chinese label of a metric id; an unknown id (``other:...``) is named after itself."""
    metrics = _load("taxonomy.toml").get("metric", {})
    order = _metric_order().get(metric_id, len(metrics))
    entry = metrics.get(metric_id, {})
    en, zh, hkex = entry.get("label_en"), entry.get("label_zh"), entry.get("hkex")
    tax = _taxonomy()
    if tax is not None:
        try:
            m = tax.metric(metric_id)
        except Exception:
            m = None
        if m is not None:
            en = getattr(m, "label_en", None) or en
            zh = getattr(m, "label_zh", None) or zh
            hkex = getattr(m, "hkex", None) or hkex
    fallback = _readable_id(metric_id)
    return MetricLabel(metric_id, en or fallback, zh or "", hkex, order)


@lru_cache(maxsize=4)
def _load(name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(resources.files("esglens.data").joinpath(name).read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}


@lru_cache(maxsize=1)
def _metric_order() -> dict[str, int]:
    return {m: i for i, m in enumerate(_load("taxonomy.toml").get("metric", {}))}


def _readable_id(metric_id: str) -> str:
    return metric_id.removeprefix("other:").replace("_", " ")


def aspect_of(hkex: str | None) -> str:
    """The aspect ("A1", "B2", "D") of an HKEX provision id ("A1.2", "D.MT.GHG"), or ``"other"``."""
    if not hkex:
        return OTHER_ASPECT
    head = hkex.split(".")[0].strip().upper()
    return head if head in aspect_names() else OTHER_ASPECT


@lru_cache(maxsize=1)
def aspect_names() -> dict[str, dict[str, str]]:
    """Aspect id -> {"en", "zh"}, in the Code's order."""
    return dict(_load("hkex_code.toml").get("aspects", {}))


def aspect_title(aspect: str) -> tuple[str, str]:
    """(English, Chinese) title of an aspect; facts without an HKEX KPI go under "Other metrics"."""
    names = aspect_names().get(aspect)
    if names is None:
        return ("Other metrics", "其他指標")
    return (names.get("en", aspect), names.get("zh", ""))


def aspect_sort_key(aspect: str) -> tuple[int, str]:
    order = list(aspect_names())
    return (order.index(aspect), aspect) if aspect in order else (len(order), aspect)
