/**
 * Chooses the two values of the smoke profile that were first set after looking at results,
 * cluster_spread and ce_temperature, on tuning seeds only (tuningSeeds: never a verdict seed).
 * Run by hand; it prints what it chose, which is then written into params.yaml with a comment:
 *
 *   node --import tsx reproductions/federated-class-incremental/tune.ts [seeds=5]
 *
 * Rules, fixed before this script was first run:
 *  1. cluster_spread: the smallest candidate at which the oracle (FedAvg keeping all old data)
 *     reaches a mean final accuracy ≥ 90%: the task must be learnable with the data, so that the
 *     methods are compared on forgetting, not on noise; the smallest such spread keeps it hard.
 *  2. ce_temperature, at that spread: the candidate with the largest mean, over tuning seeds, of
 *     MFCL's minimum-over-tasks normalised label entropy (the temperature trades the pseudo-label
 *     cross-entropy against the balancing entropy and BatchNorm terms); means within 0.005 of the
 *     best are a tie, broken by MFCL's mean final accuracy.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tuningSeeds } from '#harness';
import { getTf } from '#harness/tf';
import { simulate, type FederationResult } from './federation.js';
import { params as schema, type Params } from './params.js';

const SPREADS = [0.5, 0.75, 1.0, 1.5];
const TEMPERATURES = [1, 10, 100, 1000];
const ORACLE_TARGET = 90;
const TIE = 0.005;

const count = Number(process.argv[2] ?? 5);
const seeds = tuningSeeds(count);
const file = parse(readFileSync(new URL('../../params.yaml', import.meta.url), 'utf8')) as { papers: Record<string, { smoke: unknown }> };
const smoke = schema.parse(file.papers['federated-class-incremental'].smoke);
const tf = await getTf();

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const finalAccuracy = (r: FederationResult) => r.seenAccuracy[r.seenAccuracy.length - 1];
const run = (over: Partial<Params>) => simulate(tf, { ...smoke, ...over }, seeds);

console.log(`tuning seeds ${seeds[0]}..${seeds[seeds.length - 1]}`);
let spread: number | undefined;
for (const s of SPREADS) {
  const acc = mean(run({ cluster_spread: s, methods: ['oracle'] }).map(finalAccuracy));
  console.log(`cluster_spread ${s}: oracle final accuracy ${acc.toFixed(1)}%`);
  if (acc >= ORACLE_TARGET) {
    spread = s;
    break;
  }
}
if (spread === undefined) throw new Error(`no candidate spread lets the oracle reach ${ORACLE_TARGET}%`);

const rows = TEMPERATURES.map((t) => {
  const rs = run({ cluster_spread: spread, ce_temperature: t, methods: ['mfcl'] });
  const entropy = mean(rs.map((r) => Math.min(...r.generatorEntropy)));
  const accuracy = mean(rs.map(finalAccuracy));
  const perSeed = rs.map((r) => Math.min(...r.generatorEntropy).toFixed(3)).join(' ');
  console.log(`ce_temperature ${t}: min label entropy mean ${entropy.toFixed(3)} (per seed ${perSeed}), MFCL final accuracy ${accuracy.toFixed(1)}%`);
  return { t, entropy, accuracy };
});
const best = Math.max(...rows.map((r) => r.entropy));
const chosen = rows.filter((r) => r.entropy >= best - TIE).sort((a, b) => b.accuracy - a.accuracy)[0];
console.log(`chosen: cluster_spread ${spread}, ce_temperature ${chosen.t}`);
