# The README's two commands: `make demo` and `make test`. Both set everything up
# from a fresh clone: a .venv with the project installed, and the system library
# WeasyPrint needs for fast PDFs (libharfbuzz-subset0), and for `make test` the
# PDF readers the tests use (poppler-utils), when we may install them.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SEED   := examples/iom-minsk-2024-07-19.md
SEED_RU := examples/iom-minsk-2024-07-19.ru.md

.PHONY: demo test lint typecheck pytest bench sysdeps testdeps clean docs data fonts

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@# pip writes bytecode for a regular install but not for an editable one, and
	@# nothing writes it where PYTHONDONTWRITEBYTECODE is set: without it every
	@# command compiles the package first (about a third of a one-file lint).
	$(BIN)/python -m compileall -q src
	@touch $(STAMP)

# A Debian package, installed with apt-get when we may (root, or sudo without a
# password), else the one command to run is printed. $(call apt,PACKAGE,WHY)
define apt
	@if dpkg-query -W -f='$${Status}' $(1) 2>/dev/null | grep -q 'install ok installed'; then :; \
	elif [ "$$(id -u)" = 0 ]; then SUDO=; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
	else echo "note: $(2). Run:"; echo "  sudo apt-get install $(1)"; exit 0; fi; \
	if ! dpkg-query -W -f='$${Status}' $(1) 2>/dev/null | grep -q 'install ok installed'; then \
	  echo "installing $(1) ($(2))"; \
	  ($$SUDO apt-get install -y -qq $(1) >/dev/null 2>&1 || \
	   ($$SUDO apt-get update -qq >/dev/null 2>&1 && $$SUDO apt-get install -y -qq $(1) >/dev/null 2>&1)) || \
	  echo "warning: could not install $(1): $(2)"; \
	fi
endef

# libharfbuzz-subset0 makes WeasyPrint subset fonts with HarfBuzz instead of
# fontTools: several times faster PDFs.
# fonts-noto-cjk: Chinese, Japanese and Korean in PDFs (the Arabic font is bundled;
# Han is too large to bundle). Without it, build stops a Chinese PDF and says so.
sysdeps:
	$(call apt,libharfbuzz-subset0,PDFs are several times faster with HarfBuzz font subsetting)
	$(call apt,fonts-noto-cjk,PDFs of releases in Chinese need a font for Han characters)

# poppler-utils (pdfinfo, pdftotext): the PDF tests read the PDFs they build.
testdeps:
	$(call apt,poppler-utils,the PDF tests read PDFs with pdfinfo and pdftotext)

venv: $(STAMP)

# Build the seed release in all four formats into dist/, and the examples' newsroom
# into dist/site/, and say where they are.
demo: $(STAMP) sysdeps
	@$(BIN)/pressrelease build $(SEED) $(SEED_RU) --to html,pdf,txt,eml -o dist
	@$(BIN)/pressrelease site examples -o dist/site
	@slug=$$($(BIN)/python -c 'from pressrelease import parse_file; print(parse_file("$(SEED)").slug)'); \
	  echo; echo "The seed release, built:"; \
	  for ext in html pdf txt eml; do echo "  $(CURDIR)/dist/$$slug.$$ext"; done; \
	  echo "  (and its Russian version beside it, which the page links)"; \
	  echo; echo "The examples' newsroom: $(CURDIR)/dist/site/index.html"; \
	  echo "  to browse it with search: python3 -m http.server -d $(CURDIR)/dist/site 8000, then http://localhost:8000/"

test: $(STAMP) sysdeps testdeps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

bench: $(STAMP) sysdeps
	$(BIN)/python bench/lint.py
	$(BIN)/python bench/build.py

# docs/rules.md is generated from the rule registry (a test fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m pressrelease.lint.docs > docs/rules.md

# data/phones.json (phonenumbers' possible lengths): generated, so lint need not
# import phonenumbers (a test fails when it is stale).
data: $(STAMP)
	$(BIN)/python -m pressrelease.gendata

# The bundled Arabic font subset, remade from Debian's fonts-noto-core (see the script).
fonts: $(STAMP)
	tools/arabic-font.sh

clean:
	rm -rf $(VENV) dist build .mypy_cache .ruff_cache .pytest_cache
