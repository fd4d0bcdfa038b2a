# Two commands matter: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python

.PHONY: run test install demo deploy-check lint lock screenshots clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# Installs exactly the pinned, hash-checked versions in requirements.lock.
$(VENV)/.installed: requirements.lock | $(BIN)/activate
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py demo
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

deploy-check: install
	DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
	ALLOWED_HOSTS=attune.example.org SITE_URL=https://attune.example.org \
	EMAIL_URL=smtp+tls://attune:secret@mail.example.org:587 \
	$(PY) manage.py check --deploy --fail-level WARNING

test: lint deploy-check
	DATABASE_URL=sqlite:///:memory: $(PY) manage.py makemigrations --check --dry-run
	$(BIN)/pytest

# Regenerate the lock after editing pyproject.toml dependencies.
lock:
	$(PY) -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.12 -o requirements.lock

clean:
	rm -rf $(VENV) var

# Screenshots for the README (needs /usr/bin/chromium).
screenshots: install
	$(PY) scripts/screenshots.py
