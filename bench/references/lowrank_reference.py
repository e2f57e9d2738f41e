#!/usr/bin/env python3
"""Reference for reproductions/lowrank-gradient-flow in PyTorch (CPU, float64), for `npm run bench`.

The same algorithm as dynamics.ts simulate() with the Euler integrator: gradient descent on
f(X) = 1/4 ||X X^T - M||_F^2, X in R^{n x r},

    X <- X + eta (M - X X^T) X            (one in-place update per step)

for `steps` steps, recording ||X X^T - target||_F at step 0, every `record_every` steps and at the
last step (as simulate() records its `error` series; simulate() also records Schur and coupling
quantities at those steps, which this reference does not).

Input: with `--input FILE` (or `--input -` for stdin), a JSON object {n, r, M, target, X0, eta,
steps, record_every} with M and target n x n and X0 n x r, row-major flat lists: the bench sends the
exact instance the TypeScript side runs, so the two error series can be compared. Without it, the
smoke instance in M's eigenbasis: n = 20, r = 6, s = 3, Lambda1 = diag(3, 2, 1), eta = 0.01, 20,000
steps, error every 50, X0 = 0.1 N(0, 1) from torch's generator seeded 0.

Each repeat runs the whole simulation, timed with time.perf_counter; prints one JSON object.
torch runs with one intra-op thread unless --threads says otherwise (see --help): the strongest
setting for matrices this small, so the comparison does not flatter the TypeScript side.

    .venv/bin/python bench/references/lowrank_reference.py --repeats 5
"""
import argparse
import json
import statistics
import sys
import time

import torch

DTYPE = torch.float64


def default_instance():
    n, r, lambda1 = 20, 6, [3.0, 2.0, 1.0]
    diag = torch.zeros(n, dtype=DTYPE)
    diag[: len(lambda1)] = torch.tensor(lambda1, dtype=DTYPE)
    M = torch.diag(diag)
    gen = torch.Generator().manual_seed(0)
    X0 = 0.1 * torch.randn(n, r, generator=gen, dtype=DTYPE)
    return {"M": M, "target": M.clone(), "X0": X0, "eta": 0.01, "steps": 20000, "record_every": 50}


def load_instance(source):
    raw = json.load(sys.stdin if source == "-" else open(source))
    n, r = int(raw["n"]), int(raw["r"])
    return {
        "M": torch.tensor(raw["M"], dtype=DTYPE).reshape(n, n),
        "target": torch.tensor(raw["target"], dtype=DTYPE).reshape(n, n),
        "X0": torch.tensor(raw["X0"], dtype=DTYPE).reshape(n, r),
        "eta": float(raw["eta"]),
        "steps": int(raw["steps"]),
        "record_every": int(raw["record_every"]),
    }


def simulate(M, target, X0, eta, steps, record_every):
    X = X0.clone()
    errors = [torch.linalg.norm(X @ X.T - target).item()]
    for k in range(1, steps + 1):
        X.add_((M - X @ X.T) @ X, alpha=eta)
        if k % record_every == 0 or k == steps:
            errors.append(torch.linalg.norm(X @ X.T - target).item())
    return X, errors


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", help="JSON instance file, or - for stdin (default: the built-in smoke instance)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    ap.add_argument("--steps", type=int, help="override the instance's step count")
    ap.add_argument("--threads", type=int, default=1,
                    help="torch intra-op threads (default 1: these ops are far too small to split, and on a busy "
                    "machine a second OpenMP/MKL thread turns a 20x6 matmul from microseconds into milliseconds; "
                    "0 keeps torch's default)")
    args = ap.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.repeats < 1 or args.warmup < 0:
        ap.error("repeats must be >= 1, warmup >= 0")

    inst = load_instance(args.input) if args.input else default_instance()
    if args.steps is not None:
        inst["steps"] = args.steps
    run = lambda: simulate(inst["M"], inst["target"], inst["X0"], inst["eta"], inst["steps"], inst["record_every"])

    with torch.no_grad():
        for _ in range(args.warmup):
            run()
        seconds, errors = [], None
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            _, errors = run()
            seconds.append(time.perf_counter() - t0)

    n, r = inst["X0"].shape
    json.dump(
        {
            "n": n,
            "r": r,
            "steps": inst["steps"],
            "record_every": inst["record_every"],
            "eta": inst["eta"],
            "dtype": "float64",
            "seconds": seconds,
            "median_seconds": statistics.median(seconds),
            "errors": errors,
            "final_error": errors[-1],
            "torch": torch.__version__,
            "threads": torch.get_num_threads(),
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
