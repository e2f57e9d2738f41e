/**
 * Supply chain: the Python set is hash-locked in full and installed with --require-hashes; the
 * TensorFlow wheel and the cached native build are checked by sha256 before they are used.
 */
import test from 'ava';
import { execa } from 'execa';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const pins = (text: string) => [...text.replace(/#.*$/gm, '').matchAll(/^([A-Za-z0-9._-]+)==(\S+)/gm)].map((m) => [m[1].toLowerCase().replace(/[._]/g, '-'), m[2]] as const);

/** name -> { version, hashes } of a pip-compile lock. */
function lockEntries(text: string) {
  const out = new Map<string, { version: string; hashes: string[] }>();
  for (const block of text.split(/\n(?=[A-Za-z0-9])/)) {
    const m = /^([A-Za-z0-9._-]+)==(\S+)/.exec(block);
    if (m) out.set(m[1].toLowerCase().replace(/[._]/g, '-'), { version: m[2], hashes: [...block.matchAll(/--hash=sha256:([0-9a-f]+)/g)].map((h) => h[1]) });
  }
  return out;
}

test('requirements.lock pins every package of requirements.txt at its version, and every package with sha256 hashes', (t) => {
  const lock = lockEntries(read('requirements.lock'));
  t.true(lock.size > 50, `${lock.size} packages: the closure, not just the top level`);
  for (const [name, version] of pins(read('requirements.txt'))) t.is(lock.get(name)?.version, version, name);
  for (const [name, { hashes }] of lock) {
    t.true(hashes.length > 0, `${name} has no hash`);
    for (const h of hashes) t.is(h.length, 64, name);
  }
  t.notRegex(read('requirements.lock'), /\/tmp\/|find-links|index-url|https?:\/\//, 'no machine paths or hosts');
});

test('setup-venv.sh installs exactly the lock with --require-hashes --no-deps, and refuses a lock that misses a pin', async (t) => {
  const script = read('scripts/setup-venv.sh');
  t.regex(script, /pip install [^\n]*--require-hashes --no-deps -r requirements\.lock/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-venv-'));
  mkdirSync(path.join(dir, 'scripts'));
  cpSync(path.join(ROOT, 'scripts', 'setup-venv.sh'), path.join(dir, 'scripts', 'setup-venv.sh'));
  writeFileSync(path.join(dir, 'requirements.txt'), 'dvc==0.0.1\n');
  cpSync(path.join(ROOT, 'requirements.lock'), path.join(dir, 'requirements.lock'));
  const r = await execa('bash', [path.join(dir, 'scripts', 'setup-venv.sh')], { reject: false, all: true });
  t.is(r.exitCode, 1, r.all);
  t.regex(r.all, /requirements\.lock does not pin 'dvc==0\.0\.1' of requirements\.txt/);
});

/** A throwaway project with setup-native.sh and a stand-in tfjs-node package. */
function nativeProject() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-native-'));
  mkdirSync(path.join(dir, 'scripts'));
  for (const f of ['scripts/setup-native.sh', 'requirements-native.lock']) cpSync(path.join(ROOT, f), path.join(dir, f));
  mkdirSync(path.join(dir, 'node_modules', '@tensorflow', 'tfjs-node'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', '@tensorflow', 'tfjs-node', 'package.json'), '{"version":"4.22.0"}');
  return dir;
}

test('setup-native.sh refuses a TensorFlow wheel whose sha256 is not pinned, before unpacking it', async (t) => {
  t.regex(read('requirements-native.lock'), /^tensorflow-cpu==2\.21\.0 \\\n(\s+--hash=sha256:[0-9a-f]{64}( \\)?\n)+/m);
  const dir = nativeProject();
  const wheel = path.join(dir, 'tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl');
  writeFileSync(wheel, 'not the real wheel');
  const r = await execa('bash', [path.join(dir, 'scripts', 'setup-native.sh')], { reject: false, all: true, env: { REPRO_TF_WHEEL: wheel } });
  t.is(r.exitCode, 1, r.all);
  t.regex(r.all, /tensorflow_cpu-2\.21\.0-cp311-cp311-manylinux_2_27_x86_64\.whl has sha256 [0-9a-f]{64}, not one pinned for tensorflow-cpu==2\.21\.0 in requirements-native\.lock: refused/);
  t.notRegex(r.all, /extracting/);
});

test('setup-native.sh discards a cached build that does not match its SHA256SUMS instead of loading it', async (t) => {
  const dir = nativeProject();
  const key = `tensorflow-cpu-2.21.0-tfjs-4.22.0-node-abi${process.versions.modules}-${os.arch() === 'x64' ? 'x86_64' : os.arch()}`;
  const cache = path.join(dir, '.cache', 'tfjs-native', key);
  mkdirSync(cache, { recursive: true });
  for (const f of ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2', 'tfjs_binding.node']) writeFileSync(path.join(cache, f), `built ${f}`);
  const { stdout } = await execa('sha256sum', ['libtensorflow_cc.so.2', 'libtensorflow_framework.so.2', 'tfjs_binding.node'], { cwd: cache });
  writeFileSync(path.join(cache, 'SHA256SUMS'), `${stdout}\n`);
  writeFileSync(path.join(cache, '.complete'), 'test');
  // Tampered after it was cached: the binding differs from its recorded sha256.
  writeFileSync(path.join(cache, 'tfjs_binding.node'), 'evil');
  const wheel = path.join(dir, 'x', 'tensorflow_cpu-2.21.0-cp311-cp311-manylinux_2_27_x86_64.whl');
  mkdirSync(path.dirname(wheel));
  writeFileSync(wheel, 'fake');
  const r = await execa('bash', [path.join(dir, 'scripts', 'setup-native.sh')], { reject: false, all: true, env: { REPRO_TF_WHEEL: wheel } });
  t.regex(r.all, /cached build does not match its SHA256SUMS: discarding it and rebuilding/);
  t.notRegex(r.all, /installing cached build/);
  t.is(r.exitCode, 1, 'then the (fake) wheel is refused too');
});
