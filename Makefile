# Two commands that work on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: setup demo serve test lint bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,fr,cluster,serve]'
	touch $(STAMP)

demo: setup
	$(VENV)/bin/consilience demo --out out/demo

# the newsroom app over the demo store (built from the sample corpus when missing)
serve: setup
	test -f out/demo.db || $(VENV)/bin/consilience analyze --no-progress --into out/demo.db \
		--out out/demo-store $$($(PY) -c 'from consilience.sample import corpus_files as f; print(*f())')
	$(VENV)/bin/consilience serve out/demo.db

lint: setup
	$(VENV)/bin/ruff check src tests bench tools
	$(VENV)/bin/ruff format --check src tests bench tools
	$(VENV)/bin/mypy src

# the tests in as many processes as the machine has cores (at most 4), a test file per process
# (its module fixtures built once); `pytest -q` alone runs them one after another
test: setup lint
	$(VENV)/bin/pytest -q -n auto --maxprocesses 4 --dist loadfile

bench: setup
	$(PY) bench/extraction.py
	$(PY) bench/throughput.py
	$(PY) bench/render.py
	$(PY) bench/stories.py
	$(PY) bench/incremental.py
	$(PY) bench/cluster.py

clean:
	rm -rf out bench/results .pytest_cache .ruff_cache
