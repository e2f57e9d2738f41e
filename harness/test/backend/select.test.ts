import test from 'ava';
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { nvidiaGpus } from '../../src/backend/gpu.js';
import { nativeBindingPath } from '../../src/backend/paths.js';
import type { BackendInfo } from '../../src/backend/types.js';
import { exactMatrices, referenceMatmul, smoothMatrices } from './fixtures/matrices.js';

const probe = fileURLToPath(new URL('./fixtures/probe.ts', import.meta.url));
const hasNative = nativeBindingPath().exists;
const hasGpuBuild = nativeBindingPath('@tensorflow/tfjs-node-gpu').exists;
const hasGpu = nvidiaGpus().length > 0;

interface ProbeOutput {
  info: BackendInfo;
  sameEngineBackend: string;
  exactResult: number[];
  smoothResult: number[];
  before: number;
  after: number;
}

/** Runs the probe in a fresh node process; `backend` undefined leaves REPRO_BACKEND unset. */
async function runProbe(backend: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, TF_CPP_MIN_LOG_LEVEL: '3' };
  delete env.REPRO_BACKEND;
  if (backend !== undefined) env.REPRO_BACKEND = backend;
  return execa('node', ['--import', 'tsx', probe], { env, extendEnv: false, reject: false });
}

async function probeOk(t: { fail: (m: string) => void }, backend: string | undefined): Promise<ProbeOutput> {
  const r = await runProbe(backend);
  if (r.exitCode !== 0) t.fail(`probe with REPRO_BACKEND=${backend} exited ${r.exitCode}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ProbeOutput;
}

const exact = exactMatrices();
const exactRef = referenceMatmul(exact.a, exact.b);
const smooth = smoothMatrices();
const smoothRef = referenceMatmul(smooth.a, smooth.b);

test('REPRO_BACKEND=cpu selects cpu with a note saying it was forced', async (t) => {
  const out = await probeOk(t, 'cpu');
  t.is(out.info.name, 'cpu');
  t.is(out.info.tfBackend, 'cpu');
  t.is(out.sameEngineBackend, 'cpu');
  t.regex(out.info.note ?? '', /REPRO_BACKEND=cpu/);
  t.is(out.info.versions['tfjs-core'], '4.22.0');
});

test('an invalid REPRO_BACKEND fails the process with a clear message', async (t) => {
  const r = await runProbe('gpu');
  t.not(r.exitCode, 0);
  t.regex(r.stderr, /REPRO_BACKEND="gpu" is not a backend; allowed values: native-gpu, webgpu, native, wasm, cpu/);
});

test('without REPRO_BACKEND the fastest loadable backend is chosen, with a note for skipped ones', async (t) => {
  const out = await probeOk(t, undefined);
  if (hasGpu && hasGpuBuild) {
    t.is(out.info.name, 'native-gpu');
  } else if (hasNative) {
    // Without a GPU the CUDA build is not a candidate, so choosing native is no fallback.
    t.is(out.info.name, 'native');
    t.is(out.info.note, null);
  } else {
    t.is(out.info.name, 'wasm');
    t.regex(out.info.note ?? '', /native unavailable: .*tfjs_binding\.node/);
  }
});

// No skip for native: `make test` builds the binding first, so a missing one is a real failure here.
for (const backend of ['cpu', 'wasm', 'native'] as const) {
  test(`matmul on ${backend} matches the float64 reference and leaks no tensors`, async (t) => {
    if (backend === 'native') t.true(hasNative, `the native binding is missing at ${nativeBindingPath().path}: run 'make setup' (scripts/setup-native.sh)`);
    const out = await probeOk(t, backend);
    t.is(out.info.name, backend);
    // Quarter-integers: every partial sum is exact in float32, so all backends agree bit for bit.
    t.deepEqual(out.exactResult, exactRef);
    const worst = Math.max(...out.smoothResult.map((v, i) => Math.abs(v - smoothRef[i])));
    t.true(worst < 1e-4, `max abs error ${worst}`);
    t.is(out.after, out.before, 'tf.memory().numTensors must be flat across tidy()-wrapped matmuls');
  });
}

test('REPRO_BACKEND=native-gpu loads the CUDA build (on the CPU without a GPU), or fails loudly when it is not built', async (t) => {
  if (hasGpuBuild) {
    const out = await probeOk(t, 'native-gpu');
    t.is(out.info.name, 'native-gpu');
    t.deepEqual(out.exactResult, exactRef);
    t.is(out.info.versions['gpu device'], hasGpu ? 'in use' : 'none (TensorFlow runs on the CPU)');
  } else {
    const r = await runProbe('native-gpu');
    t.not(r.exitCode, 0);
    t.regex(r.stderr, /REPRO_BACKEND=native-gpu but the native-gpu backend failed to load/);
  }
});

test('REPRO_BACKEND=native fails loudly when the binding is missing, never falling back', async (t) => {
  if (hasNative) {
    const out = await probeOk(t, 'native');
    t.is(out.info.tfBackend, 'tensorflow');
    t.truthy(out.info.versions.tensorflow);
    return;
  }
  const r = await runProbe('native');
  t.not(r.exitCode, 0);
  t.regex(r.stderr, /REPRO_BACKEND=native but the native backend failed to load/);
});
