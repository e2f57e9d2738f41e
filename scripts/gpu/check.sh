#!/usr/bin/env bash
# The GPU-machine check, run from the bundle that `make gpu-bundle` builds (build/gpu-bundle/):
#
#   bash build/gpu-bundle/check.sh          # on the GPU machine (results under $OUT)
#   bash scripts/gpu/check.sh               # here: uses build/gpu-bundle/ and this machine's adapter
#
# 1. unpacks Node, the pruned node_modules and the project into a scratch folder (Python's lzma and
#    tarfile: no xz needed there), puts the bundle's Vulkan loader on LD_LIBRARY_PATH and points it
#    at the NVIDIA driver's ICD when the loader's default folders have none;
# 2. `repro doctor` (automatic selection, then REPRO_BACKEND=webgpu);
# 3. fp32 matmul GFLOP/s: webgpu (the bench's matmul child) and PyTorch with TF32 off, as a ratio;
# 4. `repro run` of each paper in CHECK_PAPERS on the webgpu backend with CHECK_PARAMS (default: the
#    project's params.yaml with `profile: paper`), each with a timeout, while the time budget lasts.
#
# Writes under $OUT (default ./gpu-check-out): check.log, doctor*.txt, matmul.json,
# papers/<id>/{verdicts,metrics,provenance}.json (series dropped), summary.json.
# Knobs (environment): CHECK_BUDGET_S (total seconds, default 300: with a machine start of a few minutes, two tries fit in 15 minutes of device time), CHECK_MATMUL_SIZES ("1024 2048 4096"),
# CHECK_MATMUL_PER_SYNC (products per read-back, default 10), CHECK_PAPERS (default: four papers that
# use tfjs heavily, in order; those left when the budget runs out are recorded as skipped), CHECK_PARAMS,
# CHECK_PAPER_TIMEOUT_S (default 120), CHECK_BACKEND (papers' backend, default webgpu), CHECK_JOBS (worker
# processes per paper, each with its own device, default 4), CHECK_PYTHON (python3).
set -uo pipefail
START=$(date +%s)
HERE=$(cd "$(dirname "$0")" && pwd)
if [ -f "$HERE/node.xz" ]; then BUNDLE=$HERE; else BUNDLE=$(cd "$HERE/../.." && pwd)/build/gpu-bundle; fi
OUT=${OUT:-$PWD/gpu-check-out}
BUDGET=${CHECK_BUDGET_S:-300}
SIZES=${CHECK_MATMUL_SIZES:-1024 2048 4096}
PER_SYNC=${CHECK_MATMUL_PER_SYNC:-10}
PAPERS=${CHECK_PAPERS:-multitask-feature-learning federated-class-incremental severity-adaptive-diffusion jittering-robustness}
PAPER_TIMEOUT=${CHECK_PAPER_TIMEOUT_S:-120}
BACKEND=${CHECK_BACKEND:-webgpu}
JOBS=${CHECK_JOBS:-4}
mkdir -p "$OUT"
LOG=$OUT/check.log
: > "$LOG"
log() { echo "[check $(( $(date +%s) - START ))s] $*" | tee -a "$LOG" >&2; }
die() { log "ERROR: $*"; exit 1; }
left() { echo $(( BUDGET - ($(date +%s) - START) )); }
[ -f "$BUNDLE/node.xz" ] || die "no bundle at $BUNDLE (run make gpu-bundle)"
PY=${CHECK_PYTHON:-$(command -v python3 || true)}
[ -n "$PY" ] || die "python3 is needed to unpack the bundle"

# 1. Unpack.
WORK=${CHECK_WORK:-${TMPDIR:-/tmp}/paper-repro-gpu}
rm -rf "$WORK"
mkdir -p "$WORK/bin" "$WORK/app"
"$PY" - "$BUNDLE" "$WORK" <<'PYEOF' || die "unpacking the bundle failed"
import lzma, os, sys, tarfile
bundle, work = sys.argv[1:3]
with lzma.open(os.path.join(bundle, "node.xz")) as src, open(os.path.join(work, "bin", "node"), "wb") as dst:
    dst.write(src.read())
os.chmod(os.path.join(work, "bin", "node"), 0o755)
for name in ("node_modules.tar.xz", "project.tar.xz"):
    with tarfile.open(os.path.join(bundle, name)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(os.path.join(work, "app"), filter="tar")
        else:
            tar.extractall(os.path.join(work, "app"))
PYEOF
NODE=$WORK/bin/node
APP=$WORK/app
export PATH=$WORK/bin:$PATH
export LD_LIBRARY_PATH=$BUNDLE/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
for d in /usr/local/nvidia/lib64 /usr/local/nvidia/lib; do [ -d "$d" ] && LD_LIBRARY_PATH=$LD_LIBRARY_PATH:$d; done
if ! ls /usr/share/vulkan/icd.d/*.json /etc/vulkan/icd.d/*.json /usr/local/share/vulkan/icd.d/*.json >/dev/null 2>&1; then
  ICDS=$(ls /usr/local/nvidia/share/vulkan/icd.d/*.json 2>/dev/null | paste -sd: -)
  if [ -n "$ICDS" ]; then export VK_ICD_FILENAMES=$ICDS; fi
fi
export TF_CPP_MIN_LOG_LEVEL=2
log "bundle $BUNDLE unpacked into $WORK; node $("$NODE" --version); Vulkan ICDs: ${VK_ICD_FILENAMES:-$(ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d 2>/dev/null | tr '\n' ' ')}"
if command -v nvidia-smi >/dev/null 2>&1; then
  log "GPUs: $(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1 | paste -sd';' -)"
else
  log "GPUs: nvidia-smi not found"
fi
cd "$APP" || die "no $APP"

# 2. Doctor.
"$NODE" harness/bin/repro.js doctor > "$OUT/doctor.txt" 2>> "$LOG"
log "repro doctor (automatic selection): exit $?; $(grep -E '^(backend|fallbacks|WebGPU adapter):' "$OUT/doctor.txt" | paste -sd';' -)"
REPRO_BACKEND=webgpu "$NODE" harness/bin/repro.js doctor > "$OUT/doctor-webgpu.txt" 2>> "$LOG"
DOC=$?
log "repro doctor (REPRO_BACKEND=webgpu): exit $DOC"
cat "$OUT/doctor-webgpu.txt" >> "$LOG"

# 3. Matmul: webgpu vs PyTorch fp32 (TF32 off).
SIZE_ARGS=""
for n in $SIZES; do SIZE_ARGS="$SIZE_ARGS --size $n"; done
: > "$OUT/matmul-webgpu.jsonl"
for n in $SIZES; do
  if [ "$(left)" -lt 60 ]; then log "matmul $n skipped: budget"; continue; fi
  REPRO_BACKEND=webgpu WEBGPU_CPU_FORWARD=false timeout "$(left)" "$NODE" --import tsx bench/matmul-child.ts \
    --size "$n" --iterations 5 --time 0 --warmup 1 --per-sync "$PER_SYNC" 2>> "$LOG" | tail -n1 >> "$OUT/matmul-webgpu.jsonl"
  log "matmul webgpu $n: exit ${PIPESTATUS[0]}"
done
timeout 120 "$PY" "$HERE/torch_matmul.py" $SIZE_ARGS > "$OUT/matmul-torch.json" 2>> "$LOG"
log "matmul torch: exit $?"
"$PY" - "$OUT" <<'PYEOF' 2>> "$LOG"
import json, os, sys
out = sys.argv[1]
gpu = [json.loads(l) for l in open(os.path.join(out, "matmul-webgpu.jsonl")) if l.strip().startswith("{")]
try:
    torch = json.load(open(os.path.join(out, "matmul-torch.json")))
except Exception as err:
    torch = {"error": f"no PyTorch result: {err}"}
by_size = {r["size"]: r for r in torch.get("results", [])}
rows = []
for g in gpu:
    t = by_size.get(g["size"])
    rows.append({
        "size": g["size"], "webgpu_gflops": g["gflops"], "webgpu_check_ok": g["checkOk"],
        "torch_gflops": t["gflops"] if t else None,
        "webgpu_over_torch": (g["gflops"] / t["gflops"]) if t else None,
    })
summary = {"adapter": gpu[0]["versions"].get("webgpu adapter") if gpu else None,
           "torch": {k: v for k, v in torch.items() if k != "results"}, "rows": rows}
json.dump(summary, open(os.path.join(out, "matmul.json"), "w"), indent=2)
for r in rows:
    ratio = f"{r['webgpu_over_torch']:.3f}" if r["webgpu_over_torch"] is not None else "n/a"
    tg = f"{r['torch_gflops']:.1f}" if r["torch_gflops"] is not None else "n/a"
    print(f"matmul {r['size']}: webgpu {r['webgpu_gflops']:.1f} GFLOP/s, torch ({torch.get('device', torch.get('error'))}) {tg} GFLOP/s, ratio {ratio}", file=sys.stderr)
PYEOF

# 4. Papers on the webgpu backend.
PARAMS=${CHECK_PARAMS:-}
if [ -z "$PARAMS" ]; then
  PARAMS=$WORK/params-paper.yaml
  sed -E 's/^profile:.*/profile: paper/' "$APP/params.yaml" > "$PARAMS"
fi
mkdir -p "$OUT/papers"
for id in $PAPERS; do
  LEFT=$(left)
  if [ "$LEFT" -lt 30 ]; then log "paper $id skipped: ${LEFT}s of the budget left"; echo "{\"id\":\"$id\",\"skipped\":\"budget\"}" >> "$OUT/papers.jsonl"; continue; fi
  T=$(( LEFT - 10 < PAPER_TIMEOUT ? LEFT - 10 : PAPER_TIMEOUT ))
  T0=$(date +%s)
  REPRO_BACKEND=$BACKEND "$NODE" harness/bin/repro.js run "$id" --params "$PARAMS" --out "$OUT/papers/$id" --timeout "$T" --keep-going --jobs "$JOBS" \
    2> "$OUT/papers/$id.log" > /dev/null
  RC=$?
  SECS=$(( $(date +%s) - T0 ))
  rm -rf "$OUT/papers/$id/series"
  log "paper $id ($BACKEND, timeout ${T}s): exit $RC in ${SECS}s; $(tail -n1 "$OUT/papers/$id.log")"
  echo "{\"id\":\"$id\",\"exit\":$RC,\"seconds\":$SECS,\"timeout\":$T}" >> "$OUT/papers.jsonl"
done

"$PY" - "$OUT" "$DOC" <<'PYEOF'
import json, os, sys
out, doc = sys.argv[1], int(sys.argv[2])
papers = []
if os.path.exists(os.path.join(out, "papers.jsonl")):
    for line in open(os.path.join(out, "papers.jsonl")):
        p = json.loads(line)
        v = os.path.join(out, "papers", p["id"], "verdicts.json")
        if os.path.exists(v):
            claims = json.load(open(v))["claims"]
            p["verdicts"] = {c["id"]: c["verdict"] for c in claims}
            p["controls"] = {c["id"]: (c.get("control") or {}).get("verdict") for c in claims}
        papers.append(p)
matmul = json.load(open(os.path.join(out, "matmul.json"))) if os.path.exists(os.path.join(out, "matmul.json")) else None
json.dump({"doctor_webgpu_exit": doc, "matmul": matmul, "papers": papers}, open(os.path.join(out, "summary.json"), "w"), indent=2)
PYEOF
log "done in $(( $(date +%s) - START ))s; summary in $OUT/summary.json"
