import test, { type ExecutionContext } from 'ava';
import { getTf } from '#harness/tf';
import { Recorder } from '#harness';
import { claims } from '../claims.js';
import { centreGradients, fieldSize } from '../receptive-field.js';
import { serpent } from './specs.js';

/**
 * The paper's reasoning: an SSM keeps a global receptive field because its slowest modes decay
 * slowly (a = e^{−rate} close to 1), so the scan carries information across the whole sequence.
 * Raise the slowest decay rate (short memory: every mode forgets by e^{−4} per pixel or faster)
 * and the same scan only mixes nearby tokens: the global-receptive-field claim must no longer
 * pass. With the long-memory initialization (rates from 1e-3) it passes, at the same tiny size.
 * The claim's own check decides, on the receptive-field shares of a tiny SerpentLite.
 */
const SIDE = 32;
const SEEDS = [11, 12, 13];

const decide = async (t: ExecutionContext, rateMin: number, rateMax: number) => {
  const tf = await getTf();
  const before = tf.memory().numTensors;
  const gradients = centreGradients(tf, serpent({ rateMin, rateMax }), SEEDS, SIDE);
  t.is(tf.memory().numTensors, before);
  const record = new Recorder();
  gradients.forEach((g, s) => record.scalar('rf-share', fieldSize(g) / (SIDE * SIDE), { seed: SEEDS[s] }));
  const claim = claims.find((c) => c.id === 'global-receptive-field');
  if (!claim) throw new Error('global-receptive-field missing from the claims');
  const decision = claim.check.decide(record);
  t.log(`rate_min ${rateMin}: shares ${record.scalars('rf-share').map((v) => v.value.toFixed(3)).join(', ')}; ${decision.verdict}`);
  return decision;
};

test('with long memory (slowest decay rate 1e-3) the tiny SerpentLite has a global receptive field', async (t) => {
  const d = await decide(t, 1e-3, 1);
  t.is(d.verdict, 'pass', d.reason);
});

test('with short memory (slowest decay rate 4) the global-receptive-field claim no longer passes', async (t) => {
  const d = await decide(t, 4, 8);
  t.not(d.verdict, 'pass', d.reason);
  t.not(d.verdict, 'error', d.reason);
});
