# cocrea: `make run` serves the demo with its worker, `make test` runs every test. Both set themselves up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
WORKERS ?= 2
# The address in e-mailed links (activation, cancel links, reminders): the one `make run` serves.
SITE_URL ?= http://$(HOST):$(PORT)
RUN_SETTINGS := config.settings.demo

.PHONY: run test test-postgres lint format bench bench-scale messages install install-test clean backup restore

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	@echo "e-mail is printed here (console backend); links in it point to $(SITE_URL)"
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py collectstatic --noinput -v0
	DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py demo
	@echo
	@echo "cocrea is serving on http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/; Ctrl-C stops)"
	@echo "the worker runs beside it: it sends the e-mail, the daily digests and the reminders"
	SITE_URL=$(SITE_URL) DJANGO_SETTINGS_MODULE=$(RUN_SETTINGS) $(BIN)/python manage.py serve \
		--bind $(HOST):$(PORT) --workers $(WORKERS)

# The database and the uploaded files in one archive (FILE=..., default var/backups/<time>.tar.gz);
# the environment says which site (DATABASE_URL, MEDIA_ROOT, DJANGO_SETTINGS_MODULE).
backup: install
	$(BIN)/python manage.py backup $(FILE)

# Replaces the database's content and MEDIA_ROOT by FILE's; stop the app servers first.
restore: install
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/cocrea-....tar.gz"; exit 2; }
	$(BIN)/python manage.py restore $(FILE)

test: install-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test-postgres: install-test
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test} $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install-test
	$(BIN)/python bench/run.py

# The benchmark at 100x on PostgreSQL (BENCH_DATABASE_URL, default .../bench_scale): builds the
# data once (manage.py scale_data), then reuses it; see bench/README.md.
bench-scale: install-test
	$(BIN)/python bench/run.py --scale $(BENCH_ARGS)

# Re-extract the UI strings and compile the catalogues (needs GNU gettext).
messages: install-test
	cd cocrea && ../$(BIN)/django-admin makemessages -l es --no-obsolete --ignore 'static/*'
	$(BIN)/python -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for p in pathlib.Path('cocrea/locale').rglob('*.po')]"

clean:
	rm -rf $(VENV) staticfiles var/cocrea.sqlite3
