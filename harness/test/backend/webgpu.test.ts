/**
 * The webgpu backend (tfjs's WebGPU kernels on Dawn), on whatever adapter this machine has: Mesa's
 * lavapipe here (scripts/setup-webgpu.sh, run by `make test`), a GPU's Vulkan driver elsewhere.
 * Every probe runs in a fresh process (one backend per process) with WEBGPU_CPU_FORWARD=false, so
 * that small ops really run on the device instead of tfjs's CPU shortcut.
 *
 * The device tests are skipped, with the reason in their titles, only when Dawn cannot create an
 * adapter at all; the unit tests at the top run everywhere.
 */
import test, { type ExecutionContext } from 'ava';
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gpuDevicePresent } from '../../src/backend/gpu.js';
import type { BackendInfo } from '../../src/backend/types.js';
import {
  adapterLine,
  cpuForwardFromEnv,
  isSoftwareAdapter,
  limitsLine,
  WEBGPU_MISSING_KERNELS,
  WEBGPU_PARTIAL_FALLBACKS,
} from '../../src/backend/webgpu.js';
import type { VerdictsFile } from '../../src/types.js';
import { TINY } from '../../../reproductions/multitask-feature-learning/test/tiny.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/** A child `node --import tsx` with a clean backend environment plus `env`. */
function child(script: string, env: Record<string, string>, timeout = 300_000) {
  const base: NodeJS.ProcessEnv = { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3', WEBGPU_CPU_FORWARD: 'false' };
  delete base.REPRO_BACKEND;
  return execa('node', ['--import', 'tsx', script], { env: { ...base, ...env }, extendEnv: false, reject: false, timeout, cwd: ROOT });
}

/** The last stdout line as JSON, failing the test with the child's stderr if it did not exit 0. */
function lastJson<T>(t: { fail: (m: string) => void }, r: { exitCode?: number; stdout: string; stderr: string }, what: string): T {
  if (r.exitCode !== 0) t.fail(`${what} exited ${r.exitCode}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as T;
}

// Probed before any test is declared (ava wants them declared synchronously).
interface AdapterProbe { ok: boolean; reason?: string; adapter?: { software: boolean; line: string; limits: string } }
const adapterProbe = await child(fixture('webgpu-adapter.ts'), {}, 120_000);
const adapter: AdapterProbe = adapterProbe.exitCode === 0
  ? (JSON.parse(adapterProbe.stdout.trim().split('\n').at(-1)!) as AdapterProbe)
  : { ok: false, reason: `the adapter probe exited ${adapterProbe.exitCode}: ${adapterProbe.stderr.trim().split('\n').at(-1) ?? ''}` };
const skipNote = adapter.ok ? '' : ` [skipped: no WebGPU adapter could be created: ${adapter.reason}; run scripts/setup-webgpu.sh]`;
/**
 * Device tests skip outside CI when no adapter can be made (a developer without lavapipe), but fail
 * under CI=true: `make test` installs lavapipe there, so a missing adapter is a broken set-up.
 */
type DeviceTest = (title: string, body: (t: ExecutionContext) => Promise<void> | void) => void;
const deviceTest: DeviceTest = adapter.ok
  ? (title, body) => test.serial(title, body)
  : process.env.CI
    ? (title) => test.serial(title, (t) => t.fail(`no WebGPU adapter under CI, where make test installs lavapipe: ${adapter.reason}`))
    : (title, body) => test.skip(title, body);

// ---- unit tests (no device) ----

test('software adapters are recognised by name or by Dawn\'s fallback flag; hardware ones are not', (t) => {
  t.true(isSoftwareAdapter({ vendor: 'mesa', architecture: 'software', device: 'llvmpipe-llvm-15', description: 'llvmpipe: Mesa 25.0.7' }));
  t.true(isSoftwareAdapter({ vendor: 'google', device: 'SwiftShader Device (Subzero)' }));
  t.true(isSoftwareAdapter({ vendor: 'nvidia', isFallbackAdapter: true }));
  t.false(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'hopper', device: 'NVIDIA H200', description: 'NVIDIA: 580.65' }));
  t.false(isSoftwareAdapter({ vendor: 'amd', architecture: 'rdna-3', device: 'AMD Radeon RX 7900 XTX (RADV NAVI31)' }));
});

test('the adapter line names vendor, device and description, and marks software ones', (t) => {
  const limits = { maxBufferSize: 1024, maxStorageBufferBindingSize: 512, maxComputeWorkgroupStorageSize: 16384, other: 3 };
  const soft = { vendor: 'mesa', architecture: 'software', device: 'llvmpipe', description: 'llvmpipe: Mesa 25', software: true, limits };
  t.is(adapterLine(soft), 'mesa software llvmpipe (llvmpipe: Mesa 25) [software]');
  t.is(adapterLine({ ...soft, vendor: '', architecture: '', device: '', description: '', software: false }), 'unnamed adapter');
  t.is(limitsLine(limits), 'maxBufferSize=1024, maxStorageBufferBindingSize=512, maxComputeWorkgroupStorageSize=16384');
});

test('WEBGPU_CPU_FORWARD takes true/false/1/0 or nothing, and names the allowed values otherwise', (t) => {
  t.is(cpuForwardFromEnv({}), null);
  t.is(cpuForwardFromEnv({ WEBGPU_CPU_FORWARD: 'false' }), false);
  t.is(cpuForwardFromEnv({ WEBGPU_CPU_FORWARD: ' TRUE ' }), true);
  t.is(cpuForwardFromEnv({ WEBGPU_CPU_FORWARD: '0' }), false);
  const err = t.throws(() => cpuForwardFromEnv({ WEBGPU_CPU_FORWARD: 'no' }));
  t.regex(err!.message, /WEBGPU_CPU_FORWARD="no" is not a boolean; allowed values: true, false, 1, 0/);
});

test('a GPU device is an NVIDIA driver entry or a DRM render node; a card node alone is not one', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gpu-dev-'));
  const nv = path.join(dir, 'nvidia');
  const dri = path.join(dir, 'dri');
  mkdirSync(nv);
  mkdirSync(dri);
  t.false(gpuDevicePresent(nv, dri));
  writeFileSync(path.join(dri, 'card0'), '');
  t.false(gpuDevicePresent(nv, dri));
  writeFileSync(path.join(dri, 'renderD128'), '');
  t.true(gpuDevicePresent(nv, dri));
  mkdirSync(path.join(nv, '0000:01:00.0'));
  t.true(gpuDevicePresent(nv, path.join(dir, 'absent')));
  t.false(gpuDevicePresent(path.join(dir, 'absent'), path.join(dir, 'absent')));
});

// ---- device tests ----


interface OpsProbe { info: BackendInfo; backend: string; results: Record<string, number[]>; before: number; after: number }

/** Largest |a - b| over the largest |a|: agreement relative to the result's scale. */
function relErr(a: number[], b: number[]): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return scale === 0 ? worst : worst / scale;
}

/** Per-result relative tolerance: float32 reduction order differs between backends; the rest is exact. */
const TOLERANCE: Record<string, number> = {
  matmul: 1e-5, 'matmul-transposed': 1e-5, conv2d: 1e-5, 'conv2d-stride2-valid': 1e-5, tanh: 1e-5, sigmoid: 1e-5,
  exp: 1e-5, softmax: 1e-5, logSumExp: 1e-5, 'sum-axis0': 1e-5, mean: 1e-5, 'grad tanh^2': 1e-5, 'adam-mlp-losses': 1e-5,
};

deviceTest(`ops on webgpu (matmul, conv2d, 17 more, an Adam-trained MLP) agree with the native backend, and leak no tensors${skipNote}`, async (t) => {
  const [gpu, native] = await Promise.all([
    child(fixture('webgpu-ops.ts'), { REPRO_BACKEND: 'webgpu' }),
    child(fixture('webgpu-ops.ts'), { REPRO_BACKEND: 'native' }),
  ]);
  const g = lastJson<OpsProbe>(t, gpu, 'the webgpu ops probe');
  const n = lastJson<OpsProbe>(t, native, 'the native ops probe');
  t.is(g.backend, 'webgpu');
  t.is(n.backend, 'tensorflow');
  t.is(g.info.versions['webgpu flags'], 'WEBGPU_CPU_FORWARD=false');
  t.deepEqual(Object.keys(g.results), Object.keys(n.results));
  const report: string[] = [];
  for (const [name, ref] of Object.entries(n.results)) {
    const got = g.results[name];
    t.is(got.length, ref.length, name);
    const err = relErr(ref, got);
    report.push(`${name}: ${err.toExponential(1)}`);
    t.true(err <= (TOLERANCE[name] ?? 0), `${name}: relative error ${err} > ${TOLERANCE[name] ?? 0}`);
  }
  t.log(report.join('; '));
  // The MLP learned: Adam's losses fall, on both backends alike.
  const losses = g.results['adam-mlp-losses'];
  t.true(losses.at(-1)! < 0.8 * losses[0], `losses ${losses[0]} -> ${losses.at(-1)}`);
  t.is(g.after, g.before, 'tensors leaked on webgpu');
  t.is(n.after, n.before, 'tensors leaked on native');
});

deviceTest(`the kernels webgpu lacks get cpu fallbacks, listed in the backend's versions (provenance)${skipNote}`, async (t) => {
  const r = await child(fixture('probe.ts'), { REPRO_BACKEND: 'webgpu' });
  const out = lastJson<{ info: BackendInfo }>(t, r, 'the webgpu probe');
  t.is(out.info.name, 'webgpu');
  t.is(out.info.note, 'forced by REPRO_BACKEND=webgpu');
  const partial = WEBGPU_PARTIAL_FALLBACKS.map((r) => `${r.kernel} for ${r.when}`);
  t.is(out.info.versions['webgpu cpu-fallback ops'], [...[...WEBGPU_MISSING_KERNELS].sort(), ...partial].join(', '));
  t.is(out.info.versions['webgpu adapter'], adapter.adapter!.line);
  t.regex(out.info.versions['webgpu limits'] ?? '', /maxBufferSize=\d+, maxStorageBufferBindingSize=\d+/);
});

deviceTest(`an int32 transpose and rank-5 reverse and pad take the cpu fallbacks (right values); a device error makes the next read throw${skipNote}`, async (t) => {
  const r = await child(fixture('webgpu-errors.ts'), { REPRO_BACKEND: 'webgpu' });
  const out = lastJson<{ backend: string; transposed: number[]; dtype: string; reversed5d: number[]; padded5d: number[]; readError: string | null }>(t, r, 'the webgpu error probe');
  t.is(out.backend, 'webgpu');
  t.is(out.dtype, 'int32');
  // x[0][a][b][c] = 12a + 4b + c, transposed to [0][c][a][b].
  const expected: number[] = [];
  for (let c = 0; c < 4; c++) for (let a = 0; a < 2; a++) for (let b = 0; b < 3; b++) expected.push(12 * a + 4 * b + c);
  t.deepEqual(out.transposed, expected);
  t.deepEqual(out.reversed5d, [5, 4, 3, 2, 1, 0]);
  t.deepEqual(out.padded5d, [0, 1, 2, 0, 3, 4, 5, 0]);
  t.regex(out.readError ?? 'no error was thrown', /^webgpu: the device reported 1 error\(s\), so its results cannot be trusted; first: /);
});

deviceTest(`automatic selection uses a hardware adapter and skips a software one, saying so${skipNote}`, async (t) => {
  const r = await child(fixture('probe.ts'), { PROBE_PREFER: 'webgpu' });
  const out = lastJson<{ info: BackendInfo }>(t, r, 'the probe preferring webgpu');
  if (adapter.adapter!.software) {
    t.not(out.info.name, 'webgpu');
    t.regex(out.info.note ?? '', /webgpu unavailable: only a software adapter \(.*\[software\]\); REPRO_BACKEND=webgpu uses it/);
  } else {
    t.is(out.info.name, 'webgpu');
  }
});

deviceTest(`REPRO_BACKEND=webgpu repro run multitask-feature-learning (tiny) gives the native backend's verdicts${skipNote}`, async (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'repro-webgpu-mt-'));
  const params = path.join(dir, 'params.yaml');
  writeFileSync(params, TINY);
  const run = (backend: string) =>
    execa('node', [path.join(ROOT, 'harness/bin/repro.js'), 'run', 'multitask-feature-learning', '--params', params, '--out', path.join(dir, backend), '--jobs', '1'], {
      cwd: ROOT,
      env: { REPRO_BACKEND: backend, WEBGPU_CPU_FORWARD: 'false', TF_CPP_MIN_LOG_LEVEL: '3' },
      reject: false,
      timeout: 540_000,
    });
  const [gpu, native] = await Promise.all([run('webgpu'), run('native')]);
  t.is(native.exitCode, 0, native.stderr.slice(-2000));
  t.is(gpu.exitCode, 0, gpu.stderr.slice(-2000));
  const read = (b: string) => JSON.parse(readFileSync(path.join(dir, b, 'verdicts.json'), 'utf8')) as VerdictsFile;
  const [g, n] = [read('webgpu'), read('native')];
  t.is(g.backend, 'webgpu');
  t.is(n.backend, 'native');
  t.deepEqual(g.claims.map((c) => [c.id, c.verdict, c.control?.verdict]), n.claims.map((c) => [c.id, c.verdict, c.control?.verdict]));
  for (const [i, c] of n.claims.entries()) {
    const [a, b] = [c.evidence.statistic, g.claims[i].evidence.statistic];
    if (a === null || b === null) t.is(b, a, c.id);
    else t.true(Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a)), `${c.id}: statistic ${b} on webgpu, ${a} on native`);
  }
  const prov = JSON.parse(readFileSync(path.join(dir, 'webgpu', 'provenance.json'), 'utf8')) as { versions: Record<string, string>; runs: { leakedTensors?: number }[] };
  t.truthy(prov.versions['webgpu adapter']);
  t.true(prov.runs.every((r) => (r.leakedTensors ?? 0) === 0), 'a run leaked tensors on webgpu');
});

deviceTest(`repro doctor shows the WebGPU adapter and its limits, in use (forced) or not${skipNote}`, async (t) => {
  const doctor = (env: Record<string, string>) =>
    execa('node', [path.join(ROOT, 'harness/bin/repro.js'), 'doctor'], { cwd: ROOT, env: { TF_CPP_MIN_LOG_LEVEL: '3', ...env }, reject: false });
  const forced = await doctor({ REPRO_BACKEND: 'webgpu' });
  t.is(forced.exitCode, 0, forced.stderr);
  t.regex(forced.stdout, /^backend:\s+webgpu \(tfjs backend 'webgpu'\)$/m);
  t.true(forced.stdout.includes(`WebGPU adapter:       ${adapter.adapter!.line}\n`), forced.stdout);
  t.regex(forced.stdout, /^WebGPU limits:\s+maxBufferSize=\d+/m);
  t.regex(forced.stdout, /^WebGPU cpu fallbacks:\s+BitwiseAnd, .*, Unique, Transpose for non-float32 input .*, Reverse for inputs of rank > 4 .*\)$/m);
  const other = await doctor({ REPRO_BACKEND: 'cpu' });
  t.is(other.exitCode, 0, other.stderr);
  t.true(other.stdout.includes(`${adapter.adapter!.line}, not in use`), other.stdout);
});
