import test from 'ava';
import { execa } from 'execa';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { explainWriteError, recoverDirectory, replaceDirectory, ResultsDirError, withDirectoryLock } from '../../src/runner/atomic.js';

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

test('concurrent writers of one results folder never collide (one lock per folder)', async (t) => {
  const dir = withOld();
  const script = fileURLToPath(new URL('./stress-writer.ts', import.meta.url));
  const writers = await Promise.all(Array.from({ length: 4 }, () => execa(process.execPath, ['--import', 'tsx', script, dir, '150'], { reject: false, all: true })));
  for (const w of writers) t.is(w.exitCode, 0, w.all);
  // The folder holds one writer's complete output, and nothing is left beside it.
  const verdicts = JSON.parse(readFileSync(path.join(dir, 'verdicts.json'), 'utf8')) as { writer: number; i: number };
  t.deepEqual(JSON.parse(readFileSync(path.join(dir, 'metrics.json'), 'utf8')), verdicts);
  t.deepEqual(readdirSync(path.dirname(dir)), ['results']);
});

test('a temp folder and a lock left by a killed writer are cleaned up by the next write', (t) => {
  const dir = withOld();
  const parent = path.dirname(dir);
  // A pid that is not running: beyond the kernel's default pid_max.
  const dead = 4_194_304 + 17;
  mkdirSync(path.join(parent, `.results.${dead}.tmp`));
  writeFileSync(path.join(parent, `.results.${dead}.tmp`, 'verdicts.json'), 'half');
  writeFileSync(path.join(parent, '.results.lock'), String(dead));
  replaceDirectory(dir, (tmp) => writeFileSync(path.join(tmp, 'a.json'), 'new-a'));
  t.deepEqual(readdirSync(parent), ['results']);
  t.is(readFileSync(path.join(dir, 'a.json'), 'utf8'), 'new-a');
});

test('a live writer holding the lock makes the next one wait, then fail with a clear message', (t) => {
  const dir = withOld();
  writeFileSync(path.join(path.dirname(dir), '.results.lock'), String(process.ppid));
  const error = t.throws(() => withDirectoryLock(dir, () => 1, 100), { instanceOf: ResultsDirError });
  t.regex(error!.message, new RegExp(`is being written by process ${process.ppid}`));
  t.is(readFileSync(path.join(dir, 'a.json'), 'utf8'), 'old-a');
});

test('a results folder that cannot be written is named, with the reason, not a bare errno', (t) => {
  const denied = Object.assign(new Error('EACCES: permission denied, mkdir'), { code: 'EACCES' });
  t.throws(() => explainWriteError(denied, '/p/results/toy'), { instanceOf: ResultsDirError, message: /cannot write the results folder \/p\/results\/toy: \/p\/results is not writable \(EACCES\)/ });
  const rofs = Object.assign(new Error('EROFS'), { code: 'EROFS' });
  t.throws(() => explainWriteError(rofs, '/p/results/toy'), { instanceOf: ResultsDirError, message: /not writable \(EROFS\)/ });
  const other = new Error('boom');
  t.is(t.throws(() => explainWriteError(other, '/x')), other);
  // A file where the results folder's parent should be: a clear error, not a stack.
  const blocked = withOld();
  writeFileSync(path.join(blocked, 'file'), '');
  t.throws(() => replaceDirectory(path.join(blocked, 'file', 'toy'), () => {}), { instanceOf: ResultsDirError, message: /a file is in the way/ });
});
