/**
 * The files of a new reproduction folder. The demo claim is real: the error of a sample mean
 * falls like n^(-1/2), with a biased sampler as the negative control, so `dvc repro` decides it
 * at once and the author replaces it with the paper's own claims.
 */
export interface ScaffoldVars { id: string; title: string; year: number }

const q = (s: string) => JSON.stringify(s);

export function indexTs(v: ScaffoldVars): string {
  // User text (id, title) reaches generated code only as JSON-encoded string literals, never in a
  // comment: a title such as '*/ code /*' would otherwise close the comment and run as code.
  return `/**
 * The paper this folder reproduces (its id and title are in the object below).
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: ${q(v.id)},
  paper: {
    title: ${q(v.title)},
    authors: ['TODO: authors'],
    year: ${JSON.stringify(Number.isInteger(v.year) ? v.year : 0)},
    // arxiv: '0000.00000', url: 'https://…', code: 'https://…',
  },
  params,
  run,
  claims,
});
`;
}

export function paramsTs(): string {
  return `/** Params of one profile (params.yaml: papers.<id>.<profile>). Strict: unknown keys are errors. */
import { z } from 'zod';

export const params = z.strictObject({
  seeds: z.int().min(2).max(1000),
  /** Sample sizes at which the error of the mean is measured. */
  sizes: z.array(z.int().min(2)).min(3),
  /** Repetitions per size and seed (the error is their root mean square). */
  repeats: z.int().min(1),
  /** iid: unbiased N(0, 1) samples; biased: every sample shifted by \`bias\` (the control). */
  sampler: z.enum(['iid', 'biased']),
  bias: z.number(),
});

export type Params = z.infer<typeof params>;
`;
}

export function experimentTs(): string {
  return `/** The experiment: per seed, the RMS error of the sample mean at each sample size. */
import type { RunContext } from '#harness';
import { createRng, deriveSeed } from '#harness/random';
import type { Params } from './params.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  for (const [index, seed] of ctx.seeds.entries()) {
    const rng = createRng(deriveSeed(seed, 1));
    const shift = p.sampler === 'biased' ? p.bias : 0;
    for (const n of p.sizes) {
      let squared = 0;
      for (let k = 0; k < p.repeats; k++) {
        let sum = 0;
        for (let i = 0; i < n; i++) sum += rng.normal() + shift;
        squared += (sum / n) ** 2;
      }
      ctx.record.point('mean-error', n, Math.sqrt(squared / p.repeats), { seed });
    }
    ctx.progress(index + 1, ctx.seeds.length, \`seed \${seed}\`);
  }
}
`;
}

export function claimsTs(): string {
  return `/**
 * The claims: each a sentence of the paper, its pre-registered test, why the threshold is what it
 * is, and a negative control under which the same test must fail. Replace the demo claim.
 */
import { claim, powerLaw } from '#harness';
import type { Params } from './params.js';

export const claims = [
  claim<Params>({
    id: 'mean-error-root-n',
    quote: 'the error of the sample mean decreases as n^(-1/2)',
    why: 'Var(mean) = σ²/n for iid samples, so the RMS error has log-log slope −1/2; ±0.1 allows for Monte-Carlo noise.',
    check: powerLaw('mean-error', { window: [1, Number.MAX_VALUE], xTitle: 'n', yTitle: 'RMS error of the mean' }).exponentWithin({ ge: -0.6, le: -0.4 }, { minR2: 0.9 }),
    control: { params: { sampler: 'biased' }, why: 'With a constant bias the error tends to the bias, not to zero: the slope flattens towards 0.' },
  }),
];
`;
}

export function readmeMd(v: ScaffoldVars): string {
  return `# ${v.id}

**Paper.** ${v.title} (${v.year}). TODO: authors, arXiv, code.

**What runs.** TODO: the experiment, at what scale, and how long the smoke profile takes.

**Claims.** See \`claims.ts\`: each claim quotes the paper, states its pre-registered threshold and
why, and has a negative control.

**Deviations and proxies.** TODO: what differs from the paper, decided before the first run.

**Outcome.** Generated from results/${v.id}/verdicts.json by \`repro readme\` (\`make verify\`
checks it): do not edit between the markers. TODO: for any fail or inconclusive, the likely reason.

<!-- outcome:start -->
<!-- outcome:end -->
`;
}

export function testTs(v: ScaffoldVars): string {
  const tiny = `profile: smoke\npapers:\n  ${JSON.stringify(v.id)}:\n    smoke: &tiny { seeds: 3, sizes: [10, 100, 1000], repeats: 50, sampler: iid, bias: 0.5 }\n    paper: *tiny\n`;
  return `import test from 'ava';
import { assertDecidedWithFailingControls, runTiny } from '#harness/testing';

const TINY = ${q(tiny)};

test('at a tiny size every claim is decided and every control fails', async (t) => {
  const verdicts = await runTiny(t, { id: ${q(v.id)}, params: TINY, backend: 'cpu' });
  assertDecidedWithFailingControls(t, verdicts);
});
`;
}

/** The params.yaml section of a new reproduction (smoke and paper blocks). */
export function paramsSection(): { smoke: Record<string, unknown>; paper: Record<string, unknown> } {
  return {
    smoke: { seeds: 5, sizes: [10, 30, 100, 300, 1000], repeats: 200, sampler: 'iid', bias: 0.5 },
    paper: { seeds: 20, sizes: [10, 30, 100, 300, 1000, 3000, 10000], repeats: 1000, sampler: 'iid', bias: 0.5 },
  };
}

/** The paper's own `dvc plots show` declarations (DVC collects every dvc.yaml in the repo). */
export function dvcYaml(v: ScaffoldVars): string {
  return [
    `# \`dvc plots show\` / \`dvc plots diff\` for this paper: series it records (results/${v.id}/series/),`,
    '# drawn with the templates in .dvc/plots/ (loglog, semilogy, lines). Paths are relative to this folder.',
    '# Replace the demo series with the ones behind the paper\'s claims.',
    'plots:',
    `  - ../../results/${v.id}/series/mean-error.json:`,
    '      template: loglog',
    '      x: x',
    '      y: y',
    `      title: ${JSON.stringify(`${v.id}: error of the sample mean vs n (demo claim)`)}`,
    '      x_label: n',
    '      y_label: error',
    '',
  ].join('\n');
}
