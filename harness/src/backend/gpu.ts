/** Whether this machine has an NVIDIA GPU, as the driver lists them (no CUDA needed to ask). */
import { readdirSync } from 'node:fs';

/** The driver's folder: one entry per GPU (its PCI address). */
export const NVIDIA_GPUS_DIR = '/proc/driver/nvidia/gpus';

/** The GPUs the NVIDIA driver lists, or [] without a driver. */
export function nvidiaGpus(dir = NVIDIA_GPUS_DIR): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Where the kernel exposes GPUs that are not NVIDIA's (DRM render nodes: AMD, Intel, ...). */
export const DRI_DIR = '/dev/dri';

/**
 * Whether a hardware GPU could be behind a WebGPU adapter: the NVIDIA driver lists one, or the
 * kernel has a DRM render node. Without either, automatic selection does not load Dawn at all
 * (its only adapter would be a software one, which is used only when REPRO_BACKEND=webgpu).
 */
export function gpuDevicePresent(nvidiaDir = NVIDIA_GPUS_DIR, driDir = DRI_DIR): boolean {
  if (nvidiaGpus(nvidiaDir).length > 0) return true;
  try {
    return readdirSync(driDir).some((n) => n.startsWith('renderD'));
  } catch {
    return false;
  }
}
