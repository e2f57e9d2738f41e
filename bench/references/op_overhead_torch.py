#!/usr/bin/env python3
"""Per-op dispatch overhead of PyTorch (CPU), for `npm run bench`.

Times a loop of `torch.add(a, b)` on two 4-element float32 tensors (the result is freed by
reference counting as the loop rebinds it, as tfjs's side frees its result with dispose()).
Each repeat times `--ops` calls with time.perf_counter; the per-op time is the repeat's time
divided by the op count; the empty Python loop's cost per iteration is measured the same way and
reported beside it (not subtracted). torch runs with one intra-op thread unless --threads says
otherwise (a 4-element op is never split; see --help). Prints one JSON object on stdout.

    .venv/bin/python bench/references/op_overhead_torch.py --ops 20000 --repeats 7
"""
import argparse
import json
import statistics
import sys
import time

import torch


def per_op_us(fn, ops, repeats):
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn(ops)
        out.append((time.perf_counter() - t0) / ops * 1e6)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ops", type=int, default=20000)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--warmup", type=int, default=2000)
    ap.add_argument("--threads", type=int, default=1,
                    help="torch intra-op threads (default 1: these ops are far too small to split, and on a busy "
                    "machine a second OpenMP/MKL thread turns a 20x6 matmul from microseconds into milliseconds; "
                    "0 keeps torch's default)")
    args = ap.parse_args()
    default_threads = torch.get_num_threads()
    if args.threads > 0:
        torch.set_num_threads(args.threads)
    if args.ops < 1 or args.repeats < 1 or args.warmup < 0:
        ap.error("ops and repeats must be >= 1, warmup >= 0")

    a = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float32)
    b = torch.tensor([0.5, 0.25, 0.125, 0.0625], dtype=torch.float32)

    def adds(k):
        for _ in range(k):
            c = torch.add(a, b)
        return c

    def empty(k):
        for _ in range(k):
            pass

    adds(args.warmup)
    us = per_op_us(adds, args.ops, args.repeats)
    loop = per_op_us(empty, args.ops, args.repeats)
    threads = torch.get_num_threads()
    # For the record: the same loop with torch's default intra-op thread count.
    torch.set_num_threads(default_threads)
    adds(args.warmup)
    us_default = per_op_us(adds, args.ops, args.repeats)
    torch.set_num_threads(threads)
    check = torch.add(a, b).tolist() == [1.5, 2.25, 3.125, 4.0625]
    json.dump(
        {
            "op": "add, 2 x float32[4]",
            "ops_per_repeat": args.ops,
            "us_per_op": us,
            "median_us": statistics.median(us),
            "python_loop_us": statistics.median(loop),
            "check_ok": check,
            "torch": torch.__version__,
            "threads": threads,
            "default_threads": {"threads": default_threads, "median_us": statistics.median(us_default)},
            "python": sys.version.split()[0],
        },
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
