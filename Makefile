# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test install demo deploy-check lint lock screenshots clean browser-deps bench signup-timing

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Installs exactly the pinned, hash-checked versions: requirements.lock (what
# production runs, and all the Dockerfile installs) and requirements-dev.lock
# (tests, linters, the benchmark's profiler), compiled against the first.
$(VENV)/.installed: requirements.lock requirements-dev.lock | $(BIN)/activate
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock -r requirements-dev.lock
	touch $@

install: $(VENV)/.installed

run: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py demo
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

deploy-check: install
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	ALLOWED_HOSTS=attune.example.org SITE_URL=https://attune.example.org \
	EMAIL_URL=smtp+tls://attune:secret@mail.example.org:587 \
	DATABASE_URL="$${DATABASE_URL:-sqlite:///:memory:}" \
	$(PY) manage.py check --deploy --fail-level WARNING

# The browser tests need Debian's Chromium and a Java runtime (for the HTML checker).
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium default-jre-headless >/dev/null; \
	  else \
	    echo "The browser tests need chromium and java: sudo apt-get install chromium default-jre-headless" >&2; exit 1; \
	  fi; \
	fi

test: lint deploy-check browser-deps
	DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Regenerate both locks after editing pyproject.toml dependencies. The dev lock
# is compiled with the runtime lock as a constraint, so the two agree on every
# package they share.
lock:
	$(PY) -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.12 -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --constraint requirements.lock --generate-hashes \
	  --python-version 3.12 -o requirements-dev.lock

clean:
	rm -rf $(VENV) var

# Screenshots for the README (needs /usr/bin/chromium).
screenshots: install
	$(PY) scripts/screenshots.py

# The benchmark (not a test): gunicorn as shipped on PostgreSQL, driven by wrk;
# prints req/s, latencies, errors, queries, RSS and the ratio to /healthz.
# Needs wrk (apt-get install wrk). ARGS="--couples 100000", "--profile report".
bench: install
	$(PY) scripts/bench.py $(ARGS)

# Sign-up's median time for a known and a new address (they should be alike).
signup-timing: install
	$(PY) scripts/signup_timing.py
