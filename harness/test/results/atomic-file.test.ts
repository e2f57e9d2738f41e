import test from 'ava';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../src/results/atomic-file.js';

test('writeFileAtomic replaces the file whole and leaves no temp files', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'sub', 'a.json');
  writeFileAtomic(file, 'x'.repeat(100000));
  t.is(readFileSync(file, 'utf8').length, 100000);
  writeFileAtomic(file, new TextEncoder().encode('two'));
  t.is(readFileSync(file, 'utf8'), 'two');
  t.deepEqual(readdirSync(path.join(dir, 'sub')), ['a.json']);
});

test('a failed write throws and leaves no temp file', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atomic-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'blocker'), 'x');
  t.throws(() => writeFileAtomic(path.join(dir, 'blocker', 'b.html'), 'x'));
  t.deepEqual(readdirSync(dir), ['blocker']);
});
