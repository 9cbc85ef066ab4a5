# Set-up is part of every target: a fresh clone needs nothing installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DEV    := $(VENV)/.installed-dev
LAB    := $(VENV)/.installed-lab

.PHONY: report test lab lint format sample bench benchmark baselines clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

$(LAB): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,lab]'
	touch $@

SAMPLES := --review data/raw/wlga_review_synthetic.xlsx \
	--survey data/raw/member_survey_synthetic.csv \
	--candidates data/raw/candidates_synthetic.csv

report: $(DEV)  ## build the pack of the bundled SYNTHETIC samples into data/processed/
	$(BIN)/diversity-review report $(SAMPLES) --out data/processed

test: $(DEV)  ## run the whole suite, notebooks included
	$(BIN)/python -m pytest

lab: $(LAB)  ## open JupyterLab on the notebooks with the project's kernel
	$(BIN)/jupyter lab notebooks

lint: $(DEV)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks

format: $(DEV)
	$(BIN)/ruff check --fix src tests scripts benchmarks
	$(BIN)/ruff format src tests scripts benchmarks

sample: $(DEV)  ## regenerate the synthetic sample files in data/raw/ (fixed seeds)
	$(BIN)/python scripts/make_sample_review.py
	$(BIN)/python scripts/make_sample_survey.py
	$(BIN)/python scripts/make_sample_roster.py
	$(BIN)/python scripts/make_sample_candidates.py
	$(BIN)/python scripts/make_sample_experience.py

bench: $(DEV)  ## print every ratio against its baseline, measured side by side (docs/performance.md)
	$(BIN)/python benchmarks/ratios.py

benchmark: $(DEV)  ## print each benchmark's detailed timings; never part of the tests
	$(BIN)/python benchmarks/run.py

baselines: $(DEV)  ## regenerate the chart image baselines after an intended change (look at them)
	$(BIN)/python scripts/update_chart_baselines.py

clean:
	rm -rf $(VENV) data/processed/*/ .pytest_cache
