/**
 * The webgpu backend: TensorFlow.js's WebGPU kernels (@tensorflow/tfjs-backend-webgpu) on Dawn's
 * Node binding (the `webgpu` package's prebuilt dawn.node). Any GPU with a Vulkan driver (Metal,
 * D3D12 elsewhere), no CUDA; on a machine without a GPU, Mesa's software Vulkan driver (lavapipe,
 * scripts/setup-webgpu.sh) gives a correct but slow adapter for tests.
 *
 * Order matters: `navigator.gpu` must exist before the tfjs module is imported (it registers its
 * backend only when it sees one), so this file creates it from the `webgpu` package first.
 *
 * Two things tfjs's WebGPU backend lacks in Node are supplied here:
 *  - synchronous reads (`dataSync`, `arraySync`): tfjs reads through an OffscreenCanvas, which
 *    Node has not; Dawn completes a buffer mapping only from the event loop. readSync is replaced
 *    by a copy to a staging buffer whose mapping is waited for by turning the event loop
 *    (harness/native/pump.c, built by scripts/build-pump.sh).
 *  - kernels it does not have (WEBGPU_MISSING_KERNELS below), and inputs its kernels get wrong
 *    (WEBGPU_PARTIAL_FALLBACKS): these run on the cpu backend, inputs copied down and outputs
 *    copied up, and the list is recorded in provenance.
 *  - error reporting: WebGPU reports invalid shaders asynchronously and tfjs does not listen; any
 *    device error makes every later read throw (see deviceErrors).
 * The synchronous read spins on the event loop while the GPU works (one core busy); on a GPU that
 * is the lowest latency, on lavapipe it competes with the driver's own threads.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { activate, coreVersions } from './activate.js';
import { BACKEND_ENV } from './env.js';
import { pumpAddonPath, packageVersion } from './paths.js';
import type { LoadedBackend } from './types.js';

const require = createRequire(import.meta.url);

/** Dawn's backend for the webgpu package's create(): vulkan (default on Linux), opengles, ... */
export const WEBGPU_DAWN_BACKEND_ENV = 'REPRO_WEBGPU_DAWN_BACKEND';

/** What the adapter says of itself, and whether it is a software rasteriser. */
export interface AdapterFacts {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  software: boolean;
  limits: Record<string, number>;
}

/** The limits that bound tfjs's kernels (buffer sizes, workgroups), shown by doctor and in provenance. */
export const SHOWN_LIMITS = [
  'maxBufferSize',
  'maxStorageBufferBindingSize',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupsPerDimension',
] as const;

/** Software adapters: Mesa's lavapipe/llvmpipe, SwiftShader, Microsoft's WARP, or Dawn's own flag. */
export function isSoftwareAdapter(info: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean }): boolean {
  if (info.isFallbackAdapter === true) return true;
  const text = [info.vendor, info.architecture, info.device, info.description].join(' ');
  return /\b(llvmpipe|lavapipe|softpipe|swiftshader|software|microsoft basic render)\b/i.test(text);
}

/** One line for doctor and provenance: 'vendor architecture device (description)'. */
export function adapterLine(a: AdapterFacts): string {
  const head = [a.vendor, a.architecture, a.device].filter((s) => s !== '').join(' ');
  const line = a.description && !head.includes(a.description) ? `${head} (${a.description})` : head;
  return `${line || 'unnamed adapter'}${a.software ? ' [software]' : ''}`;
}

export function limitsLine(limits: Record<string, number>): string {
  return SHOWN_LIMITS.filter((k) => limits[k] !== undefined).map((k) => `${k}=${limits[k]}`).join(', ');
}

interface WebGpuModule {
  create(flags: string[]): GpuLike;
  globals: Record<string, unknown>;
}
interface GpuLike {
  requestAdapter(opts?: { powerPreference?: string }): Promise<AdapterLike | null>;
}
interface AdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  limits: Record<string, number>;
  isFallbackAdapter?: boolean;
}

let gpuInstance: GpuLike | null = null;

/** Creates `navigator.gpu` (and the GPU* globals tfjs uses) from the webgpu package, once. */
export async function installNavigatorGpu(env: NodeJS.ProcessEnv = process.env): Promise<GpuLike> {
  if (gpuInstance !== null) return gpuInstance;
  const dawnBackend = env[WEBGPU_DAWN_BACKEND_ENV]?.trim();
  const allowed = ['vulkan', 'opengles', 'opengl', 'null'];
  if (dawnBackend && !allowed.includes(dawnBackend)) {
    throw new Error(`${WEBGPU_DAWN_BACKEND_ENV}=${JSON.stringify(dawnBackend)} is not a Dawn backend; allowed values: ${allowed.join(', ')}`);
  }
  const mod = (await import('webgpu')) as unknown as WebGpuModule;
  for (const [k, v] of Object.entries(mod.globals)) {
    if (!(k in globalThis)) (globalThis as Record<string, unknown>)[k] = v;
  }
  const gpu = mod.create(dawnBackend ? [`backend=${dawnBackend}`] : []);
  const nav = (globalThis as unknown as { navigator?: Record<string, unknown> }).navigator;
  if (nav === undefined) {
    Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  } else if (nav.gpu === undefined) {
    Object.defineProperty(nav, 'gpu', { value: gpu, configurable: true, writable: true });
  }
  gpuInstance = gpu;
  return gpu;
}

/** The adapter Dawn offers (high-performance first), described; throws when there is none. */
export async function probeAdapter(env: NodeJS.ProcessEnv = process.env): Promise<AdapterFacts> {
  const gpu = await installNavigatorGpu(env);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (adapter === null) {
    throw new Error(
      `Dawn found no WebGPU adapter (no Vulkan driver: install a GPU's, or Mesa's lavapipe with scripts/setup-webgpu.sh` +
        `${env[WEBGPU_DAWN_BACKEND_ENV] ? `; ${WEBGPU_DAWN_BACKEND_ENV}=${env[WEBGPU_DAWN_BACKEND_ENV]}` : ''})`,
    );
  }
  const info = adapter.info ?? {};
  const limits: Record<string, number> = {};
  for (const k in adapter.limits) limits[k] = Number(adapter.limits[k]);
  return {
    vendor: info.vendor ?? '',
    architecture: info.architecture ?? '',
    device: info.device ?? '',
    description: info.description ?? '',
    software: isSoftwareAdapter({ ...info, isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter }),
    limits,
  };
}

/**
 * Kernels tfjs-backend-webgpu 4.22.0 lacks that the cpu backend has (ragged, sparse and string ops,
 * Unique, BitwiseAnd, NonMaxSuppressionV4). Computed at load time, not trusted from this list; the
 * list is what a test checks against so that a new gap is noticed.
 */
export const WEBGPU_MISSING_KERNELS = [
  'BitwiseAnd', 'NonMaxSuppressionV4', 'RaggedGather', 'RaggedRange', 'RaggedTensorToTensor', 'SparseFillEmptyRows',
  'SparseReshape', 'StaticRegexReplace', 'StringSplit', 'StringToHashBucketFast', 'Unique',
] as const;

/**
 * Kernels webgpu has but gets wrong for some inputs, found by running the papers on it: those inputs
 * go to the cpu kernel, the rest stay on the device. Each rule says when and why.
 */
export const WEBGPU_PARTIAL_FALLBACKS: { kernel: string; when: string; applies: (inputs: tf.NamedTensorInfoMap) => boolean }[] = [
  {
    // tfjs-backend-webgpu 4.22.0's TransposeProgram writes an i32 element through its f32 output
    // (invalid WGSL: "type mismatch for argument 2 in call to 'setOutputAtIndex'"), so the kernel
    // never runs and the output is garbage (federated-class-incremental's int32 label tensors).
    kernel: 'Transpose',
    when: 'non-float32 input (tfjs-backend-webgpu 4.22.0 emits invalid WGSL for it)',
    applies: (inputs) => inputs.x !== undefined && inputs.x.dtype !== 'float32',
  },
  {
    // Its PadProgram declares a `vec5` for rank-5 inputs, which WGSL does not have (serpent's
    // 5-D tensors): the shader does not compile.
    kernel: 'PadV2',
    when: 'inputs of rank > 4 (tfjs-backend-webgpu 4.22.0 emits vec5, invalid WGSL)',
    applies: (inputs) => inputs.x !== undefined && inputs.x.shape.length > 4,
  },
  {
    // Its reverse kernel reshapes to 4-D and writes rank-5 dims at negative indices, then throws
    // "Size(N) must match the product of shape ..." (serpent-ssm-restoration).
    kernel: 'Reverse',
    when: 'inputs of rank > 4 (tfjs-backend-webgpu 4.22.0 handles rank <= 4 only)',
    applies: (inputs) => inputs.x !== undefined && inputs.x.shape.length > 4,
  },
];

/** Runs the cpu backend's kernel on webgpu tensors: inputs copied down, outputs copied up. */
function runOnCpu(cpuKernel: tf.KernelConfig, name: string): tf.KernelFunc {
  return ({ inputs, attrs, backend }) => {
    const gpu = backend as unknown as tf.KernelBackend;
    const cpu = tf.engine().findBackend('cpu');
    if (cpu === null) throw new Error(`webgpu fallback for ${name}: the cpu backend is not available`);
    const moved: Record<string, tf.TensorInfo> = {};
    for (const [k, t] of Object.entries(inputs)) {
      if (t === undefined) continue;
      if (t.dtype === 'complex64') throw new Error(`webgpu's cpu fallback for ${name} takes no complex64 input (input '${k}')`);
      moved[k] = { dataId: cpu.write(gpu.readSync(t.dataId), t.shape, t.dtype), shape: t.shape, dtype: t.dtype };
    }
    try {
      const out = cpuKernel.kernelFunc({ inputs: moved, attrs, backend: cpu });
      const outs = Array.isArray(out) ? out : [out];
      const up = outs.map((o) => {
        const values = cpu.readSync(o.dataId);
        cpu.disposeData(o.dataId);
        return { dataId: gpu.write(values, o.shape, o.dtype), shape: o.shape, dtype: o.dtype };
      });
      return Array.isArray(out) ? up : up[0];
    } finally {
      for (const t of Object.values(moved)) cpu.disposeData(t.dataId);
    }
  };
}

/**
 * Registers cpu fallbacks on webgpu: every kernel the cpu backend has and webgpu lacks, and the
 * inputs WEBGPU_PARTIAL_FALLBACKS names. Returns one line per fallback, for provenance.
 */
export function registerCpuFallbacks(): string[] {
  const cpuKernels = new Map(tf.getKernelsForBackend('cpu').map((k) => [k.kernelName, k]));
  const have = new Set(tf.getKernelsForBackend('webgpu').map((k) => k.kernelName));
  const whole: string[] = [];
  for (const [name, cpuKernel] of cpuKernels) {
    if (have.has(name)) continue;
    tf.registerKernel({ kernelName: name, backendName: 'webgpu', kernelFunc: runOnCpu(cpuKernel, name) });
    whole.push(name);
  }
  const partial: string[] = [];
  for (const rule of WEBGPU_PARTIAL_FALLBACKS) {
    const own = tf.getKernel(rule.kernel, 'webgpu');
    const cpuKernel = cpuKernels.get(rule.kernel);
    if (own === undefined || cpuKernel === undefined) continue;
    const onCpu = runOnCpu(cpuKernel, rule.kernel);
    tf.unregisterKernel(rule.kernel, 'webgpu');
    tf.registerKernel({ ...own, kernelFunc: (args) => (rule.applies(args.inputs) ? onCpu(args) : own.kernelFunc(args)) });
    partial.push(`${rule.kernel} for ${rule.when}`);
  }
  return [...whole.sort(), ...partial];
}

interface PumpAddon { turn(): boolean }
let pump: PumpAddon | null = null;

function loadPump(): PumpAddon {
  if (pump !== null) return pump;
  const path = pumpAddonPath();
  if (!existsSync(path)) {
    throw new Error(`the webgpu backend's synchronous reads need ${path}; build it with 'bash scripts/build-pump.sh' (make setup does)`);
  }
  pump = require(path) as PumpAddon;
  return pump;
}

interface StagingBuffer { mapAsync(mode: number): Promise<void>; mapState: string; getMappedRange(): ArrayBuffer; unmap(): void; size: number }
interface WebGpuBackendInternals {
  tensorMap: { get(id: tf.DataId): { values: unknown; dtype: tf.DataType; resource: StagingBuffer; complexTensorInfos?: { real: tf.TensorInfo; imag: tf.TensorInfo } } };
  bufferManager: { acquireBuffer(size: number, usage: number): StagingBuffer; releaseBuffer(b: StagingBuffer): void };
  ensureCommandEncoderReady(): void;
  endComputePassEncoder(): void;
  commandEncoder: { copyBufferToBuffer(a: StagingBuffer, ao: number, b: StagingBuffer, bo: number, n: number): void };
  submitQueue(): void;
  convertAndCacheOnCPU(id: tf.DataId, vals: tf.backend_util.BackendValues): void;
  readSync(id: tf.DataId): tf.backend_util.BackendValues;
}

/** Longest a synchronous read waits for the GPU before it gives up (a lost device would hang it). */
export const SYNC_READ_TIMEOUT_MS = 600_000;

/**
 * Validation and out-of-memory errors the device reported. WebGPU reports them asynchronously and
 * tfjs does not listen, so a kernel whose shader is invalid would leave garbage in its output
 * without a word; here every read after such an error throws instead (sticky: the device's results
 * can no longer be trusted).
 */
const deviceErrors: string[] = [];

function throwIfDeviceErrors(): void {
  if (deviceErrors.length === 0) return;
  const first = deviceErrors[0].split('\n').find((l) => l.trim() !== '') ?? deviceErrors[0];
  throw new Error(`webgpu: the device reported ${deviceErrors.length} error(s), so its results cannot be trusted; first: ${first.trim()}`);
}

interface DeviceLike { addEventListener(type: string, fn: (ev: { error?: { message?: string } }) => void): void }

function listenForDeviceErrors(device: DeviceLike): void {
  device.addEventListener('uncapturederror', (ev) => {
    deviceErrors.push(ev.error?.message ?? 'unknown device error');
  });
}

/**
 * Replaces WebGPUBackend.prototype.readSync (OffscreenCanvas-based) with a staging-buffer copy, and
 * makes both reads throw once the device has reported an error.
 */
function patchReadSync(backend: WebGpuBackendInternals): void {
  const proto = Object.getPrototypeOf(backend) as WebGpuBackendInternals & { __reproSyncRead?: boolean; read(id: tf.DataId): Promise<tf.backend_util.BackendValues> };
  if (proto.__reproSyncRead) return;
  const asyncRead = proto.read;
  proto.read = async function read(this: WebGpuBackendInternals, dataId: tf.DataId) {
    const values = await asyncRead.call(this, dataId);
    throwIfDeviceErrors();
    return values;
  };
  const addon = loadPump();
  const g = globalThis as unknown as { GPUBufferUsage: { COPY_DST: number; MAP_READ: number }; GPUMapMode: { READ: number } };
  proto.readSync = function readSync(this: WebGpuBackendInternals, dataId: tf.DataId): tf.backend_util.BackendValues {
    const data = this.tensorMap.get(dataId);
    if (data.values != null || data.dtype === 'string') return data.values as tf.backend_util.BackendValues;
    let vals: tf.backend_util.BackendValues;
    if (data.dtype === 'complex64') {
      const re = this.readSync(data.complexTensorInfos!.real.dataId) as Float32Array;
      const im = this.readSync(data.complexTensorInfos!.imag.dataId) as Float32Array;
      vals = tf.backend_util.mergeRealAndImagArrays(re, im);
    } else {
      const buffer = data.resource;
      const staging = this.bufferManager.acquireBuffer(buffer.size, g.GPUBufferUsage.COPY_DST | g.GPUBufferUsage.MAP_READ);
      this.ensureCommandEncoderReady();
      this.endComputePassEncoder();
      this.commandEncoder.copyBufferToBuffer(buffer, 0, staging, 0, buffer.size);
      this.submitQueue();
      let failure: unknown = null;
      staging.mapAsync(g.GPUMapMode.READ).catch((e: unknown) => {
        failure = e;
      });
      const deadline = Date.now() + SYNC_READ_TIMEOUT_MS;
      while (staging.mapState !== 'mapped' && failure === null) {
        addon.turn();
        if (Date.now() > deadline) throw new Error(`webgpu readSync: the GPU did not finish within ${SYNC_READ_TIMEOUT_MS} ms`);
      }
      if (failure !== null) throw new Error(`webgpu readSync: mapping the staging buffer failed: ${String(failure)}`);
      const bytes = staging.getMappedRange().slice(0);
      staging.unmap();
      this.bufferManager.releaseBuffer(staging);
      throwIfDeviceErrors();
      vals = tf.util.convertBackendValuesAndArrayBuffer(bytes, data.dtype);
    }
    this.convertAndCacheOnCPU(dataId, vals);
    return vals;
  };
  proto.__reproSyncRead = true;
}

/** Environment variable that sets tfjs's WEBGPU_CPU_FORWARD flag (tests set it to false). */
export const CPU_FORWARD_ENV = 'WEBGPU_CPU_FORWARD';

/**
 * tfjs's WEBGPU_CPU_FORWARD from the environment: true (tfjs's default) runs small ops whose inputs
 * are still on the CPU with the cpu kernels; false sends every op to the device. null when unset.
 */
export function cpuForwardFromEnv(env: NodeJS.ProcessEnv = process.env): boolean | null {
  const raw = env[CPU_FORWARD_ENV];
  if (raw === undefined || raw.trim() === '') return null;
  const v = raw.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw new Error(`${CPU_FORWARD_ENV}=${JSON.stringify(raw)} is not a boolean; allowed values: true, false, 1, 0 (or unset for tfjs's default, true)`);
}

/**
 * Loads the webgpu backend. With `allowSoftware` false (automatic selection) a software adapter is
 * refused: lavapipe is far slower than the native CPU backend, and used only when asked for.
 */
export async function loadWebgpu(opts: { allowSoftware?: boolean } = {}): Promise<LoadedBackend> {
  const adapter = await probeAdapter();
  if (adapter.software && !opts.allowSoftware) {
    throw new Error(`only a software adapter (${adapterLine(adapter)}); ${BACKEND_ENV}=webgpu uses it`);
  }
  const cpuForward = cpuForwardFromEnv();
  await import('@tensorflow/tfjs-backend-webgpu');
  if (cpuForward !== null) tf.env().set('WEBGPU_CPU_FORWARD', cpuForward);
  await activate('webgpu');
  const backend = tf.backend() as unknown as WebGpuBackendInternals & { device: DeviceLike };
  listenForDeviceErrors(backend.device);
  patchReadSync(backend);
  const fallbacks = registerCpuFallbacks();
  return {
    tfBackend: 'webgpu',
    versions: {
      ...coreVersions(),
      'tfjs-backend-webgpu': packageVersion('@tensorflow/tfjs-backend-webgpu') ?? 'unknown',
      webgpu: `${packageVersion('webgpu') ?? 'unknown'} (Dawn's dawn.node${process.env[WEBGPU_DAWN_BACKEND_ENV] ? `, backend=${process.env[WEBGPU_DAWN_BACKEND_ENV]}` : ''})`,
      'webgpu adapter': adapterLine(adapter),
      'webgpu limits': limitsLine(adapter.limits),
      'webgpu flags': `WEBGPU_CPU_FORWARD=${tf.env().getBool('WEBGPU_CPU_FORWARD')}`,
      'webgpu cpu-fallback ops': fallbacks.length ? fallbacks.join(', ') : 'none',
    },
  };
}
