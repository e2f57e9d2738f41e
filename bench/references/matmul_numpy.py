#!/usr/bin/env python3
"""fp32 matmul throughput of numpy (its BLAS, OpenBLAS in the project venv), for `npm run bench`.

Prints one JSON object on stdout: the per-repeat seconds of `a @ b` for two size x size float32
matrices (time.perf_counter around each call, after warm-up calls), their median, GFLOP/s from
the median (2 size^3 flops), and which BLAS kernel ran (threadpoolctl if importable, else
numpy.show_config). The caller decides the environment: the bench unsets OPENBLAS_CORETYPE and
OPENBLAS_L2_SIZE for this process only; the values seen here are echoed in `env` so the record
says what ran.

    .venv/bin/python bench/references/matmul_numpy.py --size 1024 --repeats 20 --warmup 3
"""
import argparse
import io
import json
import os
import statistics
import sys
import time
from contextlib import redirect_stdout

import numpy as np


def blas_info():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        buf = io.StringIO()
        with redirect_stdout(buf):
            np.show_config()
        return {"source": "numpy.show_config", "text": buf.getvalue()[-2000:]}
    pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    keep = ("internal_api", "version", "architecture", "num_threads", "threading_layer", "filepath")
    return {"source": "threadpoolctl", "pools": [{k: p.get(k) for k in keep} for p in pools]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1024)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    args = ap.parse_args()
    if args.size < 1 or args.repeats < 1 or args.warmup < 0:
        ap.error("size and repeats must be >= 1, warmup >= 0")

    rng = np.random.default_rng(0)
    n = args.size
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    for _ in range(args.warmup):
        c = a @ b
    seconds = []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        c = a @ b
        seconds.append(time.perf_counter() - t0)
    # A cheap correctness check, so that a broken kernel cannot look fast.
    ref = float(np.dot(a[0].astype(np.float64), b[:, 0].astype(np.float64)))
    check = abs(float(c[0, 0]) - ref) <= 1e-3 * (1 + abs(ref))

    median = statistics.median(seconds)
    json.dump(
        {
            "size": n,
            "dtype": "float32",
            "seconds": seconds,
            "median_seconds": median,
            "gflops": 2.0 * n**3 / median / 1e9,
            "check_ok": check,
            "numpy": np.__version__,
            "python": sys.version.split()[0],
            "blas": blas_info(),
            "env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")},
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
