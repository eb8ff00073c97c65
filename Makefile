# The two set-up commands of the README: `make run` (the demo) and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
SYSTEM_PACKAGES := chromium poppler-utils gettext fonts-dejavu-core fonts-noto-core fonts-inter openjdk-17-jre-headless
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: run test bench loadtest screenshots system venv demo-data messages lint clean plotly-bundle static

## Installs what is missing: Debian packages (as root) and the virtualenv.
system:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages:$$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null || \
	      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing >/dev/null; }; \
	  else \
	    echo "Missing Debian packages. Install them with: sudo apt-get install -y$$missing"; exit 2; \
	  fi; \
	fi

$(VENV)/.installed: pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

venv: $(VENV)/.installed

messages: venv
	DEBUG=true $(PY) manage.py compilemessages --ignore=.venv -v 0

## A local .env (git-ignored), written once and never overwritten: DEBUG on and a secret key
## of its own, so that every manage.py command of the README works in this checkout.
## Production sets DEBUG=false and its own SECRET_KEY in the environment instead.
.env:
	@key=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))') && umask 077 && \
	printf '%s\n' "# Local settings for the demo (make run); never used in production." \
	  "DEBUG=true" "SECRET_KEY=$$key" > $@.new && mv $@.new $@
	@echo "Wrote .env (DEBUG=true and a new SECRET_KEY) for local work."

## Database migrated, content loaded, a few hundred sample companies in three yearly waves (once).
demo-data: venv
	$(PY) manage.py migrate -v 0
	$(PY) manage.py load_content
	$(PY) manage.py seed_demo --companies 300 --waves 3 --if-empty

## Static files collected as in production: hashed names, gzip and brotli copies (WhiteNoise).
static: export STATIC_COLLECTED = true
static: venv
	$(PY) manage.py collectstatic --noinput -v 0

## The demo: database, questionnaire, a few hundred sample companies, server on 127.0.0.1:8000
## serving the collected static files through WhiteNoise, as production does.
run: export DEBUG ?= true
run: export STATIC_COLLECTED = true
run: system venv .env messages demo-data static
	$(PY) manage.py demo_users
	@# The PDF worker runs beside the web server and stops with it.
	$(PY) manage.py db_worker --no-reload --interval 0.5 & worker=$$!; \
	trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(PY) manage.py runserver --nostatic 127.0.0.1:8000

## The README's pictures (docs/*.png), taken in headless Chromium from a demo of their own
## (its own database in a temporary folder, a server on 127.0.0.1 stopped at the end).
screenshots: system venv messages
	$(PY) docs/screenshots.py

## Test-only npm tools: axe-core and the Nu HTML checker (run on the system's Java).
## --ignore-scripts: vnu-jar's own install step would fetch a Java runtime.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts; \
	else echo "npm not found: the accessibility checks will be skipped (install Node.js with npm)"; fi

## static/plotly/plotly.min.js, committed: plotly.js at the version the plotly package ships
## (tools/plotly/package.json), with only the trace types charts/figures.py draws
## (TRACE_TYPES, listed in tools/plotly/entry.js): about 410 kB gzipped instead of 1.4 MB.
## Rebuild it after upgrading plotly; nothing is fetched when the product runs.
PLOTLY_TRACES := $(shell sed -n 's/^TRACE_TYPES = (\(.*\))/\1/p' charts/figures.py | tr -d '" ')
plotly-bundle:
	cd tools/plotly && npm ci --no-audit --no-fund --ignore-scripts && \
	npx esbuild entry.js --bundle --minify --format=iife --global-name=Plotly --target=es2016 \
	  --define:global=window --define:define.amd=false --define:process.env.NODE_DEBUG=false \
	  --loader:.css=empty --legal-comments=none \
	  "--banner:js=/* plotly.js v$$(node -p "require('plotly.js/package.json').version") (MIT licence, Plotly, Inc.), partial bundle: $(PLOTLY_TRACES). Built by make plotly-bundle. */" \
	  --outfile=../../static/plotly/plotly.min.js

## The whole test suite (SQLite unless DATABASE_URL is set), browser tests included.
test: system venv messages node_modules/.package-lock.json
	$(PY) -m pytest

## Benchmarks (survey page, PDF report, dashboard at scale on PostgreSQL when DATABASE_URL is set).
bench: export DEBUG ?= true
bench: system venv messages demo-data
	$(PY) manage.py bench

## Load test: 100 respondents for 5 minutes against gunicorn on a fresh PostgreSQL database
## (127.0.0.1); USERS=… RUN_TIME=30s for a quick try.
loadtest: system venv messages
	$(PY) tests/load/run.py --users $(or $(USERS),100) --run-time $(or $(RUN_TIME),5m)

## Style (ruff) and the import contracts between product areas (.importlinter).
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports --no-cache

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles
