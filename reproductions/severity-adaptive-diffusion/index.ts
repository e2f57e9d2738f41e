/**
 * severity-adaptive-diffusion: a severity encoder predicts how degraded a measurement is, and a
 * latent diffusion solver starts late on easy images and early on hard ones (Flash-Diffusion).
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the
 * measurement; training/ for the three models (trained once, cached by their params).
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'severity-adaptive-diffusion',
  paper: {
    title: 'Adapt and Diffuse: Sample-adaptive Reconstruction via Latent Diffusion Models',
    authors: ['Zalan Fabian', 'Berk Tinaz', 'Mahdi Soltanolkotabi'],
    year: 2024,
    arxiv: '2309.06642',
    url: 'https://arxiv.org/abs/2309.06642',
    code: 'https://github.com/z-fabian/flash-diffusion',
  },
  params,
  run,
  claims,
});
