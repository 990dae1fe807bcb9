# The two set-up commands are `make site` and `make test`; each installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAGE  := build/site-staging
# The build engine: mkdocs, or properdocs (a maintained fork of MkDocs 1.6 that builds this site unchanged)
ENGINE ?= mkdocs
# The other editions, each built into site/<code>/ by the same config (NQPF_EDITION; see translations/)
EDITIONS := zh ur
# mkdocs<2 is pinned on purpose (see requirements.txt); Material need not warn about 2.0 on every build.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test lint check add-source offline bench mutation clean

$(BIN)/.build-deps: requirements.txt constraints.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	# the project itself, for the `nqpf` command (editable: it runs the code in hooks/nqpf)
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(BIN)/.dev-deps: $(BIN)/.build-deps requirements-dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt -c constraints.txt
	touch $@

# JavaScript the offline build copies into the site (exact versions in package-lock.json).
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

## site: verify the facts and build the site into site/, and each other edition into site/<code>/ (a failed build keeps the old site/)
site: $(BIN)/.build-deps
	rm -rf $(STAGE)
	$(BIN)/$(ENGINE) build --strict --config-file mkdocs.yml --site-dir $(STAGE)
	for edition in $(EDITIONS); do \
	  NQPF_EDITION=$$edition $(BIN)/$(ENGINE) build --strict --config-file mkdocs.yml --site-dir $(STAGE)/$$edition || exit 1; \
	done
	rm -rf site.old && { [ ! -d site ] || mv site site.old; } && mv $(STAGE) site && rm -rf site.old
	@echo "Site built in site/"

## serve: live-reloading preview on http://127.0.0.1:8000/ (EDITION=zh or ur: that edition)
serve: $(BIN)/.build-deps
	NQPF_EDITION=$(EDITION) $(BIN)/$(ENGINE) serve --config-file mkdocs.yml

## check: verify the facts and print coverage, as the build does (for contributors)
check: $(BIN)/.build-deps
	$(BIN)/nqpf check

## add-source: FILE=report.txt [SLUG=a-slug]: add a text to seeds/ and draft its facts for review
add-source: $(BIN)/.build-deps
	@test -n "$(FILE)" || { echo "usage: make add-source FILE=path/to/report.txt [SLUG=a-slug]" >&2; exit 2; }
	$(BIN)/nqpf add-source "$(FILE)" $(if $(SLUG),--slug "$(SLUG)")

## offline: the site for reading from disk, packed as dist/nqpf-facts-offline.zip
offline: $(BIN)/.build-deps node_modules/.package-lock.json
	rm -rf build/offline-staging
	SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 315532800) \
	  $(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml --site-dir build/offline-staging
	for edition in $(EDITIONS); do \
	  SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct 2>/dev/null || echo 315532800) NQPF_EDITION=$$edition \
	    $(BIN)/mkdocs build --strict --config-file mkdocs.offline.yml --site-dir build/offline-staging/$$edition || exit 1; \
	done
	rm -rf site-offline && mv build/offline-staging site-offline
	PYTHONPATH=hooks $(BIN)/python -m nqpf.offline site-offline dist/nqpf-facts-offline.zip

## test: lint, then the whole test suite (unit, build, browser)
test: $(BIN)/.dev-deps node_modules/.package-lock.json
	@$(MAKE) --no-print-directory lint
	$(BIN)/python -m pytest

## lint: ruff, ruff format, mypy --strict, the fact and GitHub schemas, actionlint and zizmor (no network)
lint: $(BIN)/.dev-deps
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
	$(BIN)/mypy --strict hooks/nqpf
	$(BIN)/check-jsonschema --schemafile schema/facts.schema.json $$($(BIN)/nqpf fact-files)
	$(BIN)/check-jsonschema --schemafile schema/units.schema.json facts/units.yml
	$(BIN)/check-jsonschema --check-metaschema schema/check-text.schema.json
	$(BIN)/check-jsonschema --schemafile schema/measures.schema.json facts/measures.yml $$(ls facts/drafts/*.measures.yml 2>/dev/null)
	$(BIN)/check-jsonschema --schemafile schema/vocabulary.schema.json facts/vocabulary.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/actionlint .github/workflows/*.yml
	$(BIN)/zizmor --offline --quiet .
	$(BIN)/pre-commit validate-config .pre-commit-config.yaml
	@echo "lint: all clean"

## bench: build synthetic projects of 100, 1,000 and 10,000 facts; figures to build/bench.json
bench: $(BIN)/.dev-deps node_modules/.package-lock.json
	$(BIN)/python bench/run.py

## mutation: mutation testing of numbers, yaml_files, model, loading and verify (slow: see README)
mutation: $(BIN)/.dev-deps node_modules/.package-lock.json
	$(BIN)/python bench/mutation.py

clean:
	rm -rf site site.old build dist test-artifacts
