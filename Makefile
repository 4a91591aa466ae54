# The two README commands: `make run` and `make test`. Everything else is a helper.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
VENV_PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

# Find a Python >= 3.12: $PYTHON, python3.13, python3.12, python3, then pyenv's versions.
# Each candidate is checked by running it (pyenv shims exist but may refuse to run).
define find_python
for candidate in "$$PYTHON" python3.13 python3.12 python3 \
    $$( (command -v pyenv >/dev/null && ls -d "$$(pyenv root)"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV) ); do \
  [ -n "$$candidate" ] || continue; \
  if "$$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; then \
    echo "$$candidate"; exit 0; \
  fi; \
done; exit 1
endef

.PHONY: help run test install migrate seed serve lint messages bench-site clean

help:
	@echo "make run   - install, migrate, load demo content and serve http://127.0.0.1:8000"
	@echo "make test  - run the whole test suite"

$(STAMP): pyproject.toml
	@PY=$$($(find_python)) || { echo "ERREUR : Python 3.12 ou plus récent est introuvable. Installez python3.12 ou python3.13, ou indiquez-le avec PYTHON=/chemin/vers/python3.13 make run" >&2; exit 1; }; \
	echo "Python utilisé : $$PY ($$($$PY --version))"; \
	[ -x $(VENV_PY) ] && $(VENV_PY) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null || { rm -rf $(VENV); $$PY -m venv $(VENV); }
	$(VENV_PY) -m pip install --quiet --upgrade pip
	$(VENV_PY) -m pip install --quiet ".[dev]"
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(VENV_PY) manage.py migrate --noinput

seed: migrate
	@$(VENV_PY) manage.py seed_demo > $(VENV)/demo-logins.txt

serve: install
	@echo ""
	@echo "Site : http://127.0.0.1:8000   Administration : http://127.0.0.1:8000/admin/"
	@cat $(VENV)/demo-logins.txt 2>/dev/null || true
	$(VENV_PY) manage.py runserver 127.0.0.1:8000

run: seed serve

test: install
	$(VENV_PY) -m pytest --durations=15 $(PYTEST_ARGS)

lint: install
	$(VENV_PY) -m ruff check .
	$(VENV_PY) manage.py makemigrations --check --dry-run

# Each app keeps its own French catalogue (<app>/locale/fr); the project's templates use locale/fr.
APPS := home accounts participation cv_builder toolkit
messages: install
	@for app in $(APPS); do (cd $$app && ../$(VENV_PY) ../manage.py makemessages -l fr --no-obsolete >/dev/null) || exit 1; done
	$(VENV_PY) manage.py makemessages -l fr --no-obsolete $(foreach app,$(APPS),--ignore=$(app)) --ignore=.venv --ignore=benchmarks --ignore=tests
	$(VENV_PY) manage.py compilemessages -l fr --ignore=.venv

bench-site: install
	$(VENV_PY) benchmarks/site_load.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
