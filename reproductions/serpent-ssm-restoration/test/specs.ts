/** Small model specs shared by the tests. */
import type { ModelSpec, SsmConfig, UNetSpec } from '../architecture.js';

export const SSM: SsmConfig = { state: 3, chunk: 4, algorithm: 'chunked', rateMin: 1e-3, rateMax: 1 };

export const serpent = (ssm: Partial<SsmConfig> = {}): UNetSpec => ({ kind: 'unet', mixer: 'ssm', width: 4, ssm: { ...SSM, ...ssm } });
export const attentionNet = (): UNetSpec => ({ ...serpent(), mixer: 'attention' });
export const cnn = (depth = 3, width = 5): ModelSpec => ({ kind: 'cnn', width, depth });

/** The tiny models every layer-level test runs: blocked SSM (several chunks), full Toeplitz SSM, attention, CNN. */
export const TINY_SPECS: { label: string; spec: ModelSpec }[] = [
  { label: 'SerpentLite, blocked scan', spec: serpent() },
  { label: 'SerpentLite, chunk 2 (deep scan)', spec: serpent({ chunk: 2 }) },
  { label: 'SerpentLite, full Toeplitz', spec: serpent({ algorithm: 'full' }) },
  { label: 'attention U-Net', spec: attentionNet() },
  { label: 'CNN', spec: cnn() },
];
