# Two commands for a fresh machine with python3 and make:
#   make demo   installs everything into .venv and runs esglens on the bundled example
#   make test   runs the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench clean browser screenshots

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/esglens parse examples/sample-esg-2024.md
	$(BIN)/esglens extract examples/sample-esg-2024.md
	$(BIN)/esglens check examples/sample-esg-2024.md

# The end-to-end browser test drives Debian's chromium (with CJK fonts, so the screenshots it saves
# under docs/ show Chinese text); install them when we can (root + apt), otherwise that test skips
# and says why.
browser:
	@{ command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "noto sans cjk"; } \
	  || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
	  && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
	  || echo "note: chromium or CJK fonts not installed; the browser test may skip"; }

test: $(STAMP) browser
	$(BIN)/python -m pytest -q -n 2 tests

# refresh the README's screenshots of the web app (the browser test takes them)
screenshots: $(STAMP) browser
	ESGLENS_SCREENSHOTS=docs/screenshots $(BIN)/python -m pytest -q tests/test_web_browser.py -k screenshots

bench: $(STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info
