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
