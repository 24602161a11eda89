"""Shared fixtures. Tests that need the real corpus skip, with the reason shown, when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("ESGLENS_CORPUS", REPO.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (set ESGLENS_CORPUS); real-report tests skipped")
    return CORPUS


@pytest.fixture(scope="session")
def corpus_file(corpus_dir):
    def get(name: str) -> Path:
        p = corpus_dir / name
        if not p.exists():
            pytest.skip(f"corpus file {name} not found in {corpus_dir}")
        return p

    return get
