/** Command-line options of `npm run bench` (pure: parses an argv array, never reads process). */

export interface BenchArgs {
  help: boolean;
  /** The fast subset: no smoke pipeline, no pure-JS cpu matmul, fewer rounds. */
  quick: boolean;
  /** Where to write the JSON result, or null for none. */
  json: string | null;
  /** Only these sections (--only), or null for all of them. */
  only: BenchSection[] | null;
}

export const SECTIONS = ['matmul', 'overhead', 'lowrank', 'pipeline'] as const;
export type BenchSection = (typeof SECTIONS)[number];

/** Whether a run with these arguments measures `section` (pure). */
export function wants(args: Pick<BenchArgs, 'only'>, section: BenchSection): boolean {
  return args.only === null || args.only.includes(section);
}

function parseOnly(value: string | undefined): BenchSection[] {
  if (value === undefined || value === '' || value.startsWith('--')) throw new Error(`--only needs a list of sections: --only ${SECTIONS.join(',')}`);
  const names = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length) throw new Error(`--only: unknown section ${unknown.map((u) => JSON.stringify(u)).join(', ')}; sections are ${SECTIONS.join(', ')}`);
  return [...new Set(names)] as BenchSection[];
}

export const USAGE = `npm run bench -- [--quick] [--only SECTIONS] [--json FILE] [--help]

Measures the compute stack against the Python references on this machine, in one run, as ratios:
  1. fp32 matmul 1024x1024 on the active tfjs backend (tinybench) vs numpy/OpenBLAS (.venv),
     plus the wasm, cpu and webgpu backends in child processes (REPRO_BACKEND=wasm|cpu|webgpu;
     webgpu on whatever adapter Dawn finds, lavapipe included, with its GFLOP/s as a ratio to the
     active backend; where it cannot load, the row says so in the errors)
  2. per-op dispatch overhead: add of two 4-element tensors, tfjs vs PyTorch
  3. lowrank-gradient-flow simulate() (20,000 float64 Euler steps, n=20, r=6) vs a PyTorch reference
  4. the smoke pipeline: 'dvc repro' in a temporary copy of the working tree from a clean results
     folder, then the no-op rerun; seconds and peak RSS per reproduction
Prints a table (target, measured, met or not) on stdout and progress on stderr. Timings are
medians; on a shared machine they fluctuate, so the tfjs and Python sides are interleaved in rounds.

Options:
  --quick       fast subset: skip the pipeline and the (slow) cpu-backend matmul; fewer rounds
  --only LIST   only these sections, comma-separated: matmul, overhead, lowrank, pipeline
                (the others are reported as not measured)
  --json FILE   also write the full result as JSON to FILE
  --help, -h    this text

Needs the venv with requirements-bench.txt (torch==2.13.0, CPU build) for the PyTorch references;
without torch those rows are reported as unavailable.`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const out: BenchArgs = { help: false, quick: false, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') out.help = true;
    else if (arg === '--quick') out.quick = true;
    else if (arg === '--json') {
      const file = argv[i + 1];
      if (file === undefined || file.startsWith('--')) throw new Error('--json needs a file name: --json FILE');
      out.json = file;
      i++;
    } else if (arg === '--only') {
      out.only = parseOnly(argv[i + 1]);
      i++;
    } else if (arg.startsWith('--only=')) {
      out.only = parseOnly(arg.slice('--only='.length));
    } else if (arg.startsWith('--json=')) {
      const file = arg.slice('--json='.length);
      if (file === '') throw new Error('--json needs a file name: --json FILE');
      out.json = file;
    } else throw new Error(`unknown argument ${JSON.stringify(arg)}; see --help`);
  }
  return out;
}
