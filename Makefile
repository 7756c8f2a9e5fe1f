# De Gezinsmuur. `make run` starts the site with demo content; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
export DEBUG ?= 1
export PYTHONDONTWRITEBYTECODE = 1

.PHONY: run test test-postgres lint format bench messages clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py seed_demo
	@# The worker is restarted if it ends (its hard time limit ends a job stuck in C code);
	@# the submission it was on is picked up again, as under a supervisor in production.
	while true; do $(BIN)/python manage.py worker; echo "worker ended; restarting" >&2; sleep 2; done & \
	WORKER=$$!; \
	trap 'CHILDREN=$$(pgrep -P $$WORKER); kill $$WORKER $$CHILDREN 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test-postgres: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/gezinsmuur} $(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy gezinsmuur

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/pip install --quiet -e ".[bench]"
	command -v vipsthumbnail >/dev/null && command -v wrk >/dev/null && command -v nginx >/dev/null \
		|| (apt-get update -qq && apt-get install -y -qq libvips-tools wrk nginx >/dev/null)
	$(BIN)/python benchmarks/pipeline.py
	bash benchmarks/wall.sh

messages: $(STAMP)
	$(BIN)/python manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=tests --ignore=benchmarks
	$(BIN)/python manage.py compilemessages --ignore=.venv

clean:
	rm -rf var staticfiles test-artifacts
