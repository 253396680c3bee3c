# Two commands matter on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
TRIAGE := $(VENV)/bin/triage
STAMP  := $(VENV)/.installed

SAMPLES   := samples/cases
DEMO_KEYS := var/demo-keys.env
RISK_MODEL := models/risk/PROMOTED

.PHONY: run install samples model browser-deps ocr-deps test lint typecheck bench bench-llm clean help

help:  ## List the targets
	@grep -E '^[a-z-]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,ray]'
	touch $(STAMP)

install: $(STAMP)  ## Create .venv and install the package with its dev tools

$(SAMPLES)/case-0001/order.pdf: | $(STAMP)
	$(TRIAGE) samples generate --n 24 --seed 2026 --out $(SAMPLES)

samples: $(SAMPLES)/case-0001/order.pdf  ## Generate the committed sample cases if missing

# The shipped risk model is committed; retrain it from the recipe only when it is missing.
$(RISK_MODEL): | $(STAMP)
	$(TRIAGE) train --promote

model: $(RISK_MODEL)  ## Train and promote the default risk model if none is promoted

# Keys for trying the product locally: an analyst (review page) and a service (API) key.
$(DEMO_KEYS): | $(STAMP)
	@mkdir -p var
	@echo "ANALYST_KEY=$$($(TRIAGE) keys create --role analyst --name 'Sample analyst')" > $@.tmp
	@echo "SERVICE_KEY=$$($(TRIAGE) keys create --role service --name 'Sample service')" >> $@.tmp
	@mv $@.tmp $@

run: install ocr-deps samples model $(DEMO_KEYS)  ## Serve the API and review page with the sample orders loaded
	@echo "Review page: http://127.0.0.1:8000/review  (log in with ANALYST_KEY from $(DEMO_KEYS))"
	@echo "API docs:    http://127.0.0.1:8000/docs     (SERVICE_KEY from $(DEMO_KEYS))"
	$(TRIAGE) serve --load-samples $(SAMPLES)

lint: install  ## ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: install  ## mypy (strict on triage/)
	$(VENV)/bin/mypy triage

# The browser tests drive Debian's Chromium; install it when missing (CI runs as root).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
		echo "warning: could not install chromium; the browser tests will be skipped"

# OCR's default engine is Debian's tesseract (rapidocr from pip is the fallback without it).
ocr-deps:
	@command -v tesseract >/dev/null 2>&1 || \
		(apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-eng >/dev/null) || \
		echo "warning: could not install tesseract-ocr; OCR falls back to rapidocr, OCR tests skip"
	@# Language packs for TRIAGE_OCR_LANGUAGES=eng+fra+deu+spa (accented names); optional.
	@test -f /usr/share/tesseract-ocr/5/tessdata/fra.traineddata || \
		apt-get install -y -qq tesseract-ocr-fra tesseract-ocr-deu tesseract-ocr-spa >/dev/null 2>&1 || \
		echo "note: tesseract language packs fra/deu/spa not installed; OCR reads English only"

test: install browser-deps ocr-deps lint typecheck  ## Lint, type-check and run the test suite
	$(PY) -m pytest -n 2 -q

bench: install ocr-deps  ## Speed, memory and accuracy benchmarks (minutes, not part of the tests)
	@for script in $(filter-out bench/bench_llm.py,$(wildcard bench/bench_*.py)); do \
		echo "== $$script"; $(PY) $$script || exit 1; done

bench-llm: install  ## Grounded LLM fallback on a local Gemma 3 270M (llama.cpp server on 127.0.0.1)
	$(PY) -m pip install --quiet -e '.[dev,llm-local]'
	$(PY) bench/bench_llm.py

clean:  ## Remove the virtualenv and local state
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
