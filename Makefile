# union-kg: two commands on a fresh machine.
#   make run    set up and build the graph of the seed corpus into out/
#   make test   set up (system packages too) and run lint and the test suite
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
APT_PACKAGES := chromium chromium-driver fonts-noto-cjk

.PHONY: run test setup setup-test system-deps lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

setup: $(PY)
	$(PY) -m pip install -q -e .

setup-test: $(PY)
	$(PY) -m pip install -q -e '.[test]'

# Debian packages for browser tests and CJK charts; needs root (or sudo).
system-deps:
	@if command -v apt-get >/dev/null 2>&1; then \
	  missing=$$(for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	  if [ -n "$$missing" ]; then \
	    SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	    echo "installing $$missing"; \
	    $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	else echo "apt-get not found: install $(APT_PACKAGES) yourself for the browser tests"; fi

run: setup
	$(VENV)/bin/union-kg build seeds/ -o out/

lint: setup-test
	$(VENV)/bin/ruff check .

test: system-deps setup-test lint
	$(PY) -m pytest -q

clean:
	rm -rf out .pytest_cache
