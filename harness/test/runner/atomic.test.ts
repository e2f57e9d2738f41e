import test from 'ava';
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recoverDirectory, replaceDirectory, writeFileAtomic } from '../../src/runner/atomic.js';

function withOld(): string {
  const parent = mkdtempSync(path.join(os.tmpdir(), 'repro-atomic-'));
  const dir = path.join(parent, 'results');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'a.json'), 'old-a');
  writeFileSync(path.join(dir, 'b.json'), 'old-b');
  return dir;
}

test('a fill that throws leaves the old directory as it was and no temp behind', (t) => {
  const dir = withOld();
  t.throws(() => replaceDirectory(dir, (tmp) => {
    writeFileSync(path.join(tmp, 'a.json'), 'new-a');
    throw new Error('crash mid-write');
  }), { message: 'crash mid-write' });
  t.is(readFileSync(path.join(dir, 'a.json'), 'utf8'), 'old-a');
  t.deepEqual(readdirSync(path.dirname(dir)), ['results']);
});

test('a completed swap replaces the whole directory', (t) => {
  const dir = withOld();
  replaceDirectory(dir, (tmp) => writeFileSync(path.join(tmp, 'a.json'), 'new-a'));
  t.deepEqual(readdirSync(dir), ['a.json']);
  t.is(readFileSync(path.join(dir, 'a.json'), 'utf8'), 'new-a');
});

test('an interrupted swap (old moved aside, new not yet in) is recovered to the old results', (t) => {
  const dir = withOld();
  const previous = path.join(path.dirname(dir), '.results.previous');
  // Simulate a kill between the two renames.
  renameSync(dir, previous);
  t.false(existsSync(dir));
  recoverDirectory(dir);
  t.is(readFileSync(path.join(dir, 'b.json'), 'utf8'), 'old-b');
});

test('SIGKILL at random points of a write leaves either the old or the new files, never a mix', async (t) => {
  const script = fileURLToPath(new URL('./slow-writer.ts', import.meta.url));
  for (const delayMs of [5, 40, 120, 250]) {
    const dir = withOld();
    const child = execa(process.execPath, ['--import', 'tsx', script, dir], { reject: false });
    await new Promise((r) => setTimeout(r, 600 + delayMs));
    child.kill('SIGKILL');
    await child;
    recoverDirectory(dir);
    const files = readdirSync(dir).sort();
    const contents = files.map((f) => readFileSync(path.join(dir, f), 'utf8'));
    const old = files.join() === 'a.json,b.json' && contents.join() === 'old-a,old-b';
    const fresh = files.join() === 'a.json,b.json,c.json' && contents.every((c) => c.startsWith('new'));
    t.true(old || fresh, `after a kill at +${delayMs} ms: ${files.join()} = ${contents.join()}`);
  }
});

test('writeFileAtomic never leaves a partial file', (t) => {
  const dir = withOld();
  writeFileAtomic(path.join(dir, 'a.json'), 'x'.repeat(100000));
  t.is(readFileSync(path.join(dir, 'a.json'), 'utf8').length, 100000);
  t.deepEqual(readdirSync(dir).sort(), ['a.json', 'b.json']);
});
