"""Bad input gives one clear error naming the file and the problem: InputError from the API, and
``error: <path>: <problem>`` with exit code 2 from ``esglens parse`` — never a traceback."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from esglens.cli import _register, app
from esglens.errors import InputError
from esglens.ingest import parse

_register()
runner = CliRunner()


def _png_bytes() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (120, 80), "white").save(buf, "PNG")
    return buf.getvalue()


def _text_pdf(path: Path, **options) -> Path:
    pdf = canvas.Canvas(str(path), **options)
    pdf.drawString(50, 800, "Scope 1 emissions 1,234 tCO2e in 2024")
    pdf.save()
    return path


def make_empty(tmp: Path) -> Path:
    (tmp / "empty.txt").write_bytes(b"")
    return tmp / "empty.txt"


def make_blank_text(tmp: Path) -> Path:
    (tmp / "blank.txt").write_bytes(b" \n\r\n\t\n")
    return tmp / "blank.txt"


def make_random_bytes(tmp: Path) -> Path:
    (tmp / "data.bin").write_bytes(os.urandom(8192))
    return tmp / "data.bin"


def make_nul_padded(tmp: Path) -> Path:
    (tmp / "dump.txt").write_bytes(b"header\x00\x00\x01\x02" * 500)  # decodes as UTF-8, yet binary
    return tmp / "dump.txt"


def make_png(tmp: Path) -> Path:
    (tmp / "chart.pdf").write_bytes(_png_bytes())  # the extension lies; the bytes decide
    return tmp / "chart.pdf"


def make_truncated_pdf(tmp: Path) -> Path:
    data = _text_pdf(tmp / "whole.pdf").read_bytes()
    (tmp / "truncated.pdf").write_bytes(data[: len(data) // 3])
    return tmp / "truncated.pdf"


def make_corrupt_pdf(tmp: Path) -> Path:
    (tmp / "corrupt.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(4096))
    return tmp / "corrupt.pdf"


def make_encrypted_pdf(tmp: Path) -> Path:
    return _text_pdf(tmp / "encrypted.pdf", encrypt="a user password")


def make_image_only_pdf(tmp: Path) -> Path:
    pdf = canvas.Canvas(str(tmp / "scanned.pdf"))
    pdf.drawImage(ImageReader(io.BytesIO(_png_bytes())), 50, 500, 300, 200)
    pdf.save()
    return tmp / "scanned.pdf"


def make_blank_pages_pdf(tmp: Path) -> Path:
    pdf = canvas.Canvas(str(tmp / "blank.pdf"))
    pdf.showPage()
    pdf.showPage()
    pdf.save()
    return tmp / "blank.pdf"


def make_directory(tmp: Path) -> Path:
    (tmp / "reports").mkdir()
    return tmp / "reports"


def make_missing(tmp: Path) -> Path:
    return tmp / "no-such-report.pdf"


CASES = [
    (make_empty, "empty file"),
    (make_blank_text, "empty file"),
    (make_random_bytes, "binary file"),
    (make_nul_padded, "binary file"),
    (make_png, "binary file (a PNG image)"),
    (make_truncated_pdf, "corrupt or truncated PDF"),
    (make_corrupt_pdf, "corrupt or truncated PDF"),
    (make_encrypted_pdf, "encrypted PDF"),
    (make_image_only_pdf, "no text layer (scanned PDF?)"),
    (make_blank_pages_pdf, "no text layer (scanned PDF?)"),
    (make_directory, "is a directory"),
    (make_missing, "no such file"),
]


@pytest.mark.parametrize("make,problem", CASES, ids=[c[0].__name__[5:] for c in CASES])
def test_api_raises_input_error(tmp_path, make, problem):
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        parse(path)
    assert info.value.path == str(path)
    assert info.value.problem.startswith(problem)


@pytest.mark.parametrize("make,problem", CASES, ids=[c[0].__name__[5:] for c in CASES])
def test_cli_prints_one_error_line(tmp_path, make, problem):
    path = make(tmp_path)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {path}: {problem}")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_good_pdf_next_to_bad_ones_still_parses(tmp_path):
    """The text PDF the bad cases are made from is itself fine: the errors are about the damage."""
    doc = parse(_text_pdf(tmp_path / "fine.pdf"))
    assert [ln.text for ln in doc.lines] == ["Scope 1 emissions 1,234 tCO2e in 2024"]
