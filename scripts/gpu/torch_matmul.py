"""fp32 matmul GFLOP/s with PyTorch, TF32 off: the reference for the webgpu matmul in check.sh.

    python3 torch_matmul.py --size 1024 --size 4096 [--repeats 20]

Prints one JSON line: {"torch", "device", "tf32", "results": [{"size", "gflops", "ms"}]}, or
{"error": ...} (exit 0) when torch is missing. Uses CUDA when available, else the CPU (and says so).
"""
import argparse
import json
import statistics
import time

parser = argparse.ArgumentParser()
parser.add_argument("--size", type=int, action="append", required=True)
parser.add_argument("--repeats", type=int, default=20, help="products per timed sample")
parser.add_argument("--samples", type=int, default=5)
args = parser.parse_args()

try:
    import torch
except ImportError as err:  # the GPU machine has torch; elsewhere the ratio is simply not measured
    print(json.dumps({"error": f"torch is not importable: {err}"}))
    raise SystemExit(0)

cuda = torch.cuda.is_available()
device = torch.device("cuda" if cuda else "cpu")
# Plain fp32 on both sides: TF32 would trade precision for speed that WebGPU's f32 does not get.
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
torch.set_float32_matmul_precision("highest")


def sync():
    if cuda:
        torch.cuda.synchronize()


results = []
for n in args.size:
    gen = torch.Generator(device="cpu").manual_seed(n)
    a = torch.rand(n, n, generator=gen, dtype=torch.float32).mul_(2).sub_(1).to(device)
    b = torch.rand(n, n, generator=gen, dtype=torch.float32).mul_(2).sub_(1).to(device)
    for _ in range(3):
        c = a @ b
    sync()
    times = []
    for _ in range(args.samples):
        t0 = time.perf_counter()
        for _ in range(args.repeats):
            c = a @ b
        sync()
        times.append((time.perf_counter() - t0) / args.repeats)
    ms = statistics.median(times) * 1000
    check = abs(float(c[0, 0]) - float((a[0, :].double() @ b[:, 0].double()))) <= 1e-3 * (1 + abs(float(c[0, 0])))
    results.append({"size": n, "ms": ms, "gflops": 2 * n**3 / (ms / 1000) / 1e9, "check_ok": bool(check)})

print(json.dumps({
    "torch": torch.__version__,
    "device": torch.cuda.get_device_name(0) if cuda else "cpu",
    "tf32": bool(torch.backends.cuda.matmul.allow_tf32),
    "results": results,
}))
