/**
 * What each trained model depends on. A model is cached under a hash of its spec (which nests
 * the specs upstream of it) and of the training code, so a change to the solver never retrains,
 * and a change to anything a model depends on always does.
 */
import type { BlurSpec } from '../blur.js';
import type { ScheduleSpec } from '../schedule.js';

export interface AutoencoderSpec {
  kind: 'autoencoder';
  seed: number;
  /** Held-out test images: the training set is the rest of the seed's split. */
  testImages: number;
  hidden: number;
  latentDim: number;
  steps: number;
  batch: number;
  lr: number;
}

export interface SeverityEncoderSpec {
  kind: 'severity-encoder';
  autoencoder: AutoencoderSpec;
  blur: BlurSpec;
  steps: number;
  batch: number;
  lr: number;
  /** λ_σ: weight of (σ̂² − Var(ẑ − z₀))². */
  lambdaSigma: number;
  /** λ_img: weight of (1/d_img)||D(ẑ) − x||². */
  lambdaImage: number;
}

export interface DiffusionSpec {
  kind: 'diffusion';
  autoencoder: AutoencoderSpec;
  schedule: ScheduleSpec;
  hidden: number;
  embedDim: number;
  steps: number;
  batch: number;
  lr: number;
}

export type ModelSpec = AutoencoderSpec | SeverityEncoderSpec | DiffusionSpec;

/** The training params of one profile block (a subset of params.ts), as the specs above. */
export interface TrainingParams {
  test_images: number;
  latent_dim: number;
  ae_hidden: number;
  ae_steps: number;
  ae_lr: number;
  batch: number;
  sev_steps: number;
  sev_lr: number;
  lambda_sigma: number;
  lambda_img: number;
  blur_std_min: number;
  blur_std_span: number;
  noise_std: number;
  ddpm_hidden: number;
  ddpm_embed: number;
  ddpm_steps: number;
  ddpm_lr: number;
  diffusion_steps: number;
  beta_start: number;
  beta_end: number;
}

export interface SeedSpecs { autoencoder: AutoencoderSpec; severity: SeverityEncoderSpec; diffusion: DiffusionSpec }

export const blurSpecOf = (p: TrainingParams): BlurSpec => ({ stdMin: p.blur_std_min, stdSpan: p.blur_std_span, noise: p.noise_std });
export const scheduleSpecOf = (p: TrainingParams): ScheduleSpec => ({ T: p.diffusion_steps, betaStart: p.beta_start, betaEnd: p.beta_end });

export function specsFor(p: TrainingParams, seed: number): SeedSpecs {
  const autoencoder: AutoencoderSpec = { kind: 'autoencoder', seed, testImages: p.test_images, hidden: p.ae_hidden, latentDim: p.latent_dim, steps: p.ae_steps, batch: p.batch, lr: p.ae_lr };
  return {
    autoencoder,
    severity: { kind: 'severity-encoder', autoencoder, blur: blurSpecOf(p), steps: p.sev_steps, batch: p.batch, lr: p.sev_lr, lambdaSigma: p.lambda_sigma, lambdaImage: p.lambda_img },
    diffusion: { kind: 'diffusion', autoencoder, schedule: scheduleSpecOf(p), hidden: p.ddpm_hidden, embedDim: p.ddpm_embed, steps: p.ddpm_steps, batch: p.batch, lr: p.ddpm_lr },
  };
}
