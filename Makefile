# Two commands from a fresh clone:
#   make repro   set up, then `dvc repro` on the smoke profile -> results/<id>/ and reports/index.html
#   make test    set up, then the whole test suite
#   make verify  the claim gate: set up, `dvc repro`, `repro verify --complete`, `repro readme --check` (exit 1 on any departure)
# Set-up is idempotent: stamp files make a second run install nothing.

SHELL := /bin/bash
NODE_STAMP := node_modules/.installed.stamp
VENV_STAMP := .venv/.requirements.sha256
DVC := .venv/bin/dvc

.PHONY: setup native pump webgpu browser data repro test verify bench doctor gpu-bundle clean help

help:
	@echo "make repro   set up, then dvc repro (smoke profile) -> reports/index.html"
	@echo "make test    set up, then the linter (npm run lint) and the test suite (ava)"
	@echo "make verify  the claim gate: set up, dvc repro, repro verify against expected.json, README outcome tables against results"
	@echo "make bench   set up, then npm run bench"
	@echo "make doctor  show the compute backend and why"

setup: $(NODE_STAMP) $(VENV_STAMP) native pump

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(VENV_STAMP): requirements.txt requirements.lock scripts/setup-venv.sh
	bash scripts/setup-venv.sh

# The native TensorFlow backend is built from the PyPI wheel and cached under .cache/ (the script
# checks itself in well under a second). If it fails the harness falls back to wasm, then cpu,
# and says so in every result's provenance.
# On a machine with an NVIDIA GPU the CUDA build (the native-gpu backend, chosen first when it
# loads) is built too, with the CUDA libraries of requirements-gpu.txt; elsewhere it is skipped.
native: $(NODE_STAMP) $(VENV_STAMP)
	@bash scripts/setup-native.sh || echo "setup: native backend unavailable; runs will fall back to wasm/cpu (see 'make doctor')" >&2
	@if [ -n "$$(ls /proc/driver/nvidia/gpus 2>/dev/null)" ]; then \
	  REPRO_TFJS_PACKAGE=tfjs-node-gpu bash scripts/setup-native.sh || echo "setup: native-gpu backend unavailable; runs use the CPU build (see 'make doctor')" >&2; \
	fi

repro: setup
	$(DVC) repro
	@node harness/bin/repro.js verify --summary
	@echo "reports: $(CURDIR)/reports/index.html"

browser:
	bash scripts/setup-browser.sh

# The webgpu backend's synchronous reads need a one-file N-API addon (harness/native/pump.c).
pump:
	@bash scripts/build-pump.sh

# Mesa's software Vulkan driver (lavapipe) for the webgpu tests, from Debian's packages. If it fails
# the webgpu tests skip, saying why, except under CI=true, where they fail (a broken set-up).
webgpu:
	@bash scripts/setup-webgpu.sh || echo "setup: no software Vulkan driver; the webgpu tests will skip, or fail under CI=true (see scripts/setup-webgpu.sh)" >&2

# Real data (digits, sample images) extracted from the pinned wheels: the DVC stage `datasets`.
# Tests of the papers that read it need it; `dvc repro` does nothing when it is up to date.
data: setup
	$(DVC) repro --single-item datasets

# The linter first (eslint.config.js: papers reach the harness only through #harness..., the engine
# never imports a paper or the benchmark): a boundary break fails `make test` in seconds.
test: setup browser webgpu data
	npm run lint
	npx ava

# The claim gate (.ci/run and the GitHub workflow call it after `make test`): the smoke pipeline,
# then every verdict against expected.json. Exits non-zero, naming the claim, when a verdict departs
# from expected.json, a negative control does not come out as recorded, a paper's results are
# missing or unreadable, or a run leaked tensors. JUnit XML and a Markdown summary (for a
# pull-request comment) go to test-artifacts/. Then each paper README's generated outcome table
# must match the results (`repro readme` rewrites them): a README cannot drift from what was run.
VERIFY_ARTIFACTS := test-artifacts
verify: setup
	$(DVC) repro
	@mkdir -p $(VERIFY_ARTIFACTS)
	node harness/bin/repro.js verify --complete --junit $(VERIFY_ARTIFACTS)/verify-junit.xml --markdown $(VERIFY_ARTIFACTS)/verify-summary.md
	node harness/bin/repro.js readme --check

# The benchmark's references (PyTorch CPU, threadpoolctl) are only installed for `make bench`.
BENCH_STAMP := .venv/.bench-requirements.sha256
$(BENCH_STAMP): requirements-bench.txt $(VENV_STAMP)
	.venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt 2>&1 | { grep -v "is ignored: it is neither" || true; } >&2
	.venv/bin/python -c "import torch,sys; sys.exit('torch is a CUDA build: the benchmark wants the CPU build' if torch.version.cuda else 0)"
	sha256sum requirements-bench.txt > $@

bench: setup $(BENCH_STAMP)
	npm run bench -- --json test-artifacts/bench.json

doctor: setup
	node harness/bin/repro.js doctor

# A folder (build/gpu-bundle, <= 48 MiB) that runs the webgpu path on a GPU machine with no registry
# and no Node: Node, pruned node_modules, the project, the Vulkan loader; run its check.sh there.
gpu-bundle: setup
	bash scripts/gpu/build-bundle.sh

clean:
	rm -rf results reports .dvc/tmp
