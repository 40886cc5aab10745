# Two commands matter (see README): `make serve` and `make test`. Both set up what is
# missing first; every step is incremental, so running them again is quick.

PYTHON_VERSION := $(shell cat .python-version)
VENV := .venv
UV := $(VENV)/bin/uv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9

export NO_MKDOCS_2_WARNING := 1
export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build preview test test-fast bench browser clean

setup: $(VENV)/.synced node_modules/.installed

$(VENV)/.synced: pyproject.toml $(wildcard engine/*/pyproject.toml) uv.lock .python-version
	@tools/find-python.sh $(PYTHON_VERSION) > /dev/null
	@test -x $(UV) || { "$$(tools/find-python.sh $(PYTHON_VERSION))" -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv==$(UV_VERSION); }
	$(UV) sync --frozen --python $(BIN)/python
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm > /dev/null || { echo "npm ontbreekt: installeer Node.js 20 of nieuwer (met npm)."; exit 1; }
	npm ci --no-audit --no-fund
	@touch $@

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build

# The built site as a host serves it: unlike `make serve`, with the service worker, so
# offline use can be tried (open a page, then stop the server or go offline).
preview: build
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory site 8000

browser:
	@tools/find-browser.sh > /dev/null

test: setup browser
	$(BIN)/pre-commit run --all-files --show-diff-on-failure
	CHROMIUM="$$(tools/find-browser.sh)" $(BIN)/pytest

# Without the browser, Pyodide and site-build tests (meant to stay under 30 s), for quick
# checks while editing records, the agenda or the calculators. `make test` runs everything.
# Bytecode goes to .cache/pycache (not next to the sources): without it every run compiles
# pandas, MkDocs and the test modules again, about a fifth of the CPU time.
test-fast: setup
	PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/.cache/pycache \
		$(BIN)/pytest -n auto -m "not browser and not pyodide and not build"

bench: setup browser
	CHROMIUM="$$(tools/find-browser.sh)" $(BIN)/python bench/run_all.py

clean:
	rm -rf site .cache .pytest_cache
