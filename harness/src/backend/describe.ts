import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { nvidiaGpus } from './gpu.js';
import { nativeBindingPath, packageVersion } from './paths.js';
import type { BackendInfo } from './types.js';
import { adapterLine, limitsLine, type AdapterFacts } from './webgpu.js';

/** The stamp scripts/setup-native.sh leaves beside the binding: which wheel it was built from. */
function nativeBuildStamp(bindingPath: string): string | null {
  const stamp = join(dirname(bindingPath), '.repro-native-stamp');
  return existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
}

/**
 * Multi-line, human-readable account of the backend for `repro doctor`. `webgpu` is what a probe of
 * Dawn found when the backend in use is another one: the adapter, or why there is none.
 */
export function describeBackend(info: BackendInfo, webgpu?: AdapterFacts | string): string {
  const binding = nativeBindingPath();
  const cpuList = cpus();
  const pkg = (name: string) => packageVersion(name) ?? 'not installed';
  const rows: [string, string][] = [
    ['backend', `${info.name} (tfjs backend '${info.tfBackend}')`],
    ['fallbacks', info.note ?? 'none (first choice loaded)'],
    ['tfjs-core', info.versions['tfjs-core'] ?? pkg('@tensorflow/tfjs-core')],
    ['tfjs-node', pkg('@tensorflow/tfjs-node')],
    ['tfjs-backend-wasm', pkg('@tensorflow/tfjs-backend-wasm')],
    ...(info.versions['wasm-features'] ? [['wasm features', info.versions['wasm-features']] as [string, string]] : []),
    ['TensorFlow C lib', info.versions.tensorflow ?? 'not loaded (native backend not in use)'],
    ...(info.versions['gpu device'] ? [['GPU device', info.versions['gpu device']] as [string, string]] : []),
    ['native binding', bindingLine(binding)],
    ...webgpuRows(info, webgpu),
    ['NVIDIA GPUs', gpuLine()],
    ['node', `${process.version} (N-API ${process.versions.napi}, ABI ${process.versions.modules}, ${process.arch})`],
    ['CPU', `${cpuList[0]?.model.trim() ?? 'unknown'}, ${availableParallelism()} cores available`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length)) + 2;
  return rows.map(([k, v]) => `${(k + ':').padEnd(width)}${v}`).join('\n');
}

/** The WebGPU rows: the adapter in use with its limits, flags and cpu fallbacks; or what a probe found. */
function webgpuRows(info: BackendInfo, probe: AdapterFacts | string | undefined): [string, string][] {
  const v = info.versions;
  const pkgs = `tfjs-backend-webgpu ${packageVersion('@tensorflow/tfjs-backend-webgpu') ?? 'not installed'}, webgpu (Dawn) ${packageVersion('webgpu') ?? 'not installed'}`;
  if (v['webgpu adapter'] !== undefined) {
    return [
      ['WebGPU', pkgs],
      ['WebGPU adapter', v['webgpu adapter']],
      ['WebGPU limits', v['webgpu limits'] ?? 'unknown'],
      ['WebGPU flags', v['webgpu flags'] ?? 'unknown'],
      ['WebGPU cpu fallbacks', v['webgpu cpu-fallback ops'] ?? 'unknown'],
    ];
  }
  if (probe === undefined) return [['WebGPU', pkgs]];
  if (typeof probe === 'string') return [['WebGPU', pkgs], ['WebGPU adapter', `none: ${probe}`]];
  return [
    ['WebGPU', pkgs],
    ['WebGPU adapter', `${adapterLine(probe)}, not in use${probe.software ? ' (software: only with REPRO_BACKEND=webgpu)' : ''}`],
    ['WebGPU limits', limitsLine(probe.limits)],
  ];
}

/** The GPUs the driver lists, and the state of the CUDA build (the native-gpu backend). */
function gpuLine(): string {
  const gpus = nvidiaGpus();
  const binding = nativeBindingPath('@tensorflow/tfjs-node-gpu');
  const build = binding.exists
    ? `native-gpu binding ${bindingLine(binding, 'tfjs-node-gpu')}`
    : 'native-gpu binding not built (make setup builds it when a GPU is present)';
  return `${gpus.length ? `${gpus.length} (${gpus.join(', ')})` : 'none'}; ${build}`;
}

function bindingLine(binding: { path: string | null; exists: boolean }, pkg = 'tfjs-node'): string {
  if (binding.path === null) return `@tensorflow/${pkg} is not installed`;
  if (!binding.exists) return `missing (expected at ${binding.path}; run scripts/setup-native.sh)`;
  const stamp = nativeBuildStamp(binding.path);
  return `${binding.path}${stamp ? ` (built from ${stamp})` : ''}`;
}
