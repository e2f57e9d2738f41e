import test from 'ava';
import { evaluateTargets, TARGETS, verdict } from '../targets.js';
import { fixtureResult } from './fixture.js';

test('the five targets of the brief, with their thresholds', (t) => {
  t.deepEqual(TARGETS.map((x) => [x.id, x.op, x.threshold]), [
    ['matmul', '>=', 0.8],
    ['overhead', '<=', 3],
    ['lowrank', '<=', 1.5],
    ['pipeline', '<=', 300],
    ['noop', '<=', 5],
  ]);
});

test('met, not met, and not measured', (t) => {
  const v = evaluateTargets(fixtureResult());
  t.deepEqual(v.map((x) => [x.id, x.measured, x.met]), [
    ['matmul', 0.5, false],
    ['overhead', 4.5, false],
    ['lowrank', 0.75, true],
    ['pipeline', 42, true],
    ['noop', 2.5, true],
  ]);
  const quick = evaluateTargets(fixtureResult({ smoke_repro_seconds: null, noop_repro_seconds: null }));
  t.is(quick[3].met, null);
  t.is(quick[4].met, null);
});

test('a value exactly at the threshold meets it', (t) => {
  t.true(verdict(TARGETS[0], 0.8).met);
  t.true(verdict(TARGETS[2], 1.5).met);
  t.false(verdict(TARGETS[2], 1.5000001).met);
  t.is(verdict(TARGETS[2], Number.NaN).met, null);
  t.is(verdict(TARGETS[0], 0.8).target, '>= 0.8');
});
