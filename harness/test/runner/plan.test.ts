import test from 'ava';
import { z } from 'zod';
import { claim, defineReproduction, valueInBand, type ClaimDef } from '../../src/index.js';
import type { ParamsFile } from '../../src/params/load.js';
import type { AnyReproduction } from '../../src/reproduction/define.js';
import { claimOverrides, controlOverrides, planRuns } from '../../src/runner/plan.js';

// `tag` is lower-cased by validation: overrides that differ as written can be equal as run.
const params = z.strictObject({ seeds: z.int().min(1), steps: z.int().min(1), tag: z.string().transform((s) => s.toLowerCase()) });
type Params = z.infer<typeof params>;

const aClaim = (id: string, overrides: Partial<z.input<typeof params>>, control: Partial<z.input<typeof params>> = { steps: 99 }) =>
  claim<Params>({ id, quote: `the claim ${id} holds.`, why: 'test', check: valueInBand('x').within({ gt: 0 }), params: overrides as Partial<Params>, control: { params: control as Partial<Params>, why: 'test' } });

const reproduction = (claims: ClaimDef<Params>[]) =>
  defineReproduction<Params>({ id: 'plan', paper: { title: 't', authors: ['a'], year: 2024 }, params, async run() {}, claims }) as unknown as AnyReproduction;

const file = (block: Record<string, unknown> = { seeds: 3, steps: 10, tag: 'base' }): ParamsFile => ({ file: 'params.yaml', profile: 'smoke', papers: { plan: { smoke: block } } });

test('two claims whose overrides validate to the same params share one run', (t) => {
  const def = reproduction([aClaim('upper', { tag: 'LONG', steps: 20 }), aClaim('lower', { steps: 20, tag: 'long' })]);
  const plan = planRuns(def, file());
  const [upper, lower] = def.claims;
  t.is(plan.runOf(claimOverrides(upper)), plan.runOf(claimOverrides(lower)));
  t.deepEqual(plan.runOf(claimOverrides(upper)).params, { seeds: 3, steps: 20, tag: 'long' });
  t.deepEqual(plan.runOf(claimOverrides(upper)).requests, [{ tag: 'LONG', steps: 20 }, { steps: 20, tag: 'long' }]);
  // The default, the claims' one run, and the controls' one run (both ask for steps 99 over their claim's overrides).
  t.deepEqual(plan.runs.map((r) => r.label), ['default', 'steps=20, tag="LONG"', 'steps=99, tag="LONG"']);
});

test('an override equal to the default shares the default run', (t) => {
  const def = reproduction([aClaim('same', { steps: 10, tag: 'BASE' })]);
  const plan = planRuns(def, file());
  t.is(plan.runOf(claimOverrides(def.claims[0])), plan.runs[0]);
  t.is(plan.runs[0].label, 'default');
  t.deepEqual(plan.runs[0].params, plan.base);
});

test('a control\'s run is distinct from its claim\'s', (t) => {
  const def = reproduction([aClaim('c', {}, { steps: 5 })]);
  const plan = planRuns(def, file());
  const main = plan.runOf(claimOverrides(def.claims[0]));
  const control = plan.runOf(controlOverrides(def.claims[0]));
  t.not(main, control);
  t.not(main.key, control.key);
  t.is(control.params.steps, 5);
  t.is(plan.runs.length, 2);
});

test('run keys do not depend on the order keys are written in', (t) => {
  const def = reproduction([aClaim('c', { steps: 7, tag: 'x' })]);
  const one = planRuns(def, file({ seeds: 3, steps: 10, tag: 'base' }));
  const other = planRuns(def, file({ tag: 'base', steps: 10, seeds: 3 }));
  t.deepEqual(one.runs.map((r) => r.key), other.runs.map((r) => r.key));
  t.is(one.runOf({ steps: 7, tag: 'x' }), one.runOf({ tag: 'x', steps: 7 }));
});

test('overrides that are not params: the error names the claim and the key', (t) => {
  const def = reproduction([aClaim('fine', { steps: 2 }), aClaim('typo', { stepz: 3 } as Partial<z.input<typeof params>>)]);
  const error = t.throws(() => planRuns(def, file()), { name: 'ParamsError' });
  t.regex(error.message, /claim typo: override 'stepz' is not a param \(allowed: seeds, steps, tag\)/);
  t.notRegex(error.message, /fine/);
});

test('overrides with a bad value: the error names the claim and the key', (t) => {
  const def = reproduction([aClaim('negative', { steps: -1 })]);
  const error = t.throws(() => planRuns(def, file()), { name: 'ParamsError' });
  t.regex(error.message, /papers\.plan\.smoke with overrides \{steps=-1\} of claim negative/);
  t.regex(error.message, /steps/);
});

test('a lookup of overrides no claim asks for is a programming error, not a silent default', (t) => {
  const plan = planRuns(reproduction([aClaim('c', { steps: 2 })]), file());
  t.throws(() => plan.runOf({ steps: 3 }), { message: /no run was planned for overrides \{"steps":3\}/ });
});
