"""One OpenCC converter per configuration for the whole process.

Building a converter loads its dictionaries (tens of milliseconds each); every module that converts
between scripts asks here instead of building its own.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=None)
def converter(config: str = "t2s") -> Any:
    """The OpenCC converter for ``config`` ("t2s", "s2t", "s2hk", "s2tw"), built once."""
    import opencc  # imported lazily: its dictionaries load on first use

    return opencc.OpenCC(config)
