# eventwire: `make demo` runs the example, `make test` runs the whole suite (both set up .venv first).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: demo test wheel-check lint bench noise events-model eval data schema lock clean

$(STAMP): pyproject.toml requirements.lock
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev,spark]'
	touch $(STAMP)

demo: $(STAMP)  ## run the main job on the bundled example story
	mkdir -p out
	$(BIN)/eventwire extract examples/seed.jsonl -o out/seed.jsonl --summary
	@echo "wrote out/seed.jsonl"

test: $(STAMP)  ## lint, then the whole test suite
	$(BIN)/ruff check eventwire scripts tests
	$(BIN)/pytest -q

wheel-check: $(STAMP)  ## the wheel, installed with its pinned deps into a new venv outside the repo, extracts
	scripts/wheel_check.sh $(PY)

lint: $(STAMP)
	$(BIN)/ruff check eventwire scripts tests

# bench and eval need the shared corpora beside the checkout; without them they say so and skip.
bench: $(STAMP)  ## bare spaCy vs the full pipeline on 300 BBC articles
	@if [ -f $(SHARED)/bench/bbc.jsonl ]; then $(BIN)/python scripts/bench.py --corpus $(SHARED)/bench/bbc.jsonl \
		--limit 300; else echo "bench skipped: $(SHARED)/bench/bbc.jsonl is not beside the checkout"; fi

noise: $(STAMP)  ## events per 1,000 words by BBC category (a political-event coder finds little in sport)
	@if [ -f $(SHARED)/bench/bbc.jsonl ]; then $(BIN)/python scripts/noise_table.py --corpus $(SHARED)/bench/bbc.jsonl; \
		else echo "noise skipped: $(SHARED)/bench/bbc.jsonl is not beside the checkout"; fi

events-model: $(STAMP)  ## retrain the event-type model on ../shared/gold and print its held-out figures
	$(BIN)/python scripts/train_event_model.py

eval: $(STAMP)  ## headline figures on every dev gold set
	@if [ -x $(SHARED)/eval/evaluate.py ]; then $(SHARED)/eval/evaluate.py; \
		else echo "eval skipped: $(SHARED)/eval/evaluate.py is not beside the checkout"; fi

data: $(STAMP)  ## rebuild eventwire/data/ from data/ and the vendored data/sources/
	$(BIN)/python scripts/build_actors.py
	$(BIN)/python scripts/build_gazetteer.py
	$(BIN)/python scripts/build_event_lexicon.py

schema: $(STAMP)  ## regenerate eventwire/schema/document.schema.json
	$(BIN)/eventwire schema --write

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache

lock: $(STAMP)  ## re-pin every transitive dependency after changing pyproject.toml
	$(BIN)/pip freeze --exclude-editable > requirements.lock
