"""Run every benchmark in this folder, one after another (`make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in ("accuracy.py", "bench_parse.py", "bench_extract.py", "bench_library.py", "bench_web.py"):
    if (HERE / script).exists():
        print(f"\n== {script} ==", flush=True)
        subprocess.run([sys.executable, str(HERE / script)], check=True)
