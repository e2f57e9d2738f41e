/**
 * The ways the harness can run tfjs, fastest first. native-gpu (TensorFlow's CUDA build) is only
 * tried on a machine with an NVIDIA GPU, webgpu (tfjs's WebGPU kernels on Dawn) only on a machine
 * with a GPU device and then only with a hardware adapter, unless REPRO_BACKEND forces either.
 */
export type BackendName = 'native-gpu' | 'webgpu' | 'native' | 'wasm' | 'cpu';

export const BACKEND_NAMES: readonly BackendName[] = ['native-gpu', 'webgpu', 'native', 'wasm', 'cpu'];

/** What `selectBackend()` chose, and why. Plain JSON-serialisable data. */
export interface BackendInfo {
  /** The harness's name for it. */
  name: BackendName;
  /** The tfjs backend name registered in the engine: 'tensorflow', 'webgpu', 'wasm' or 'cpu'. */
  tfBackend: string;
  /**
   * One line: why faster backends were skipped, or "forced by REPRO_BACKEND=..."; null when the
   * first choice loaded without being forced.
   */
  note: string | null;
  /** Package and library versions, e.g. { 'tfjs-core': '4.22.0', 'tensorflow': '2.21.0' }. */
  versions: Record<string, string>;
}

/** What one backend loader returns once its tfjs backend is active. */
export interface LoadedBackend {
  tfBackend: string;
  versions: Record<string, string>;
}
