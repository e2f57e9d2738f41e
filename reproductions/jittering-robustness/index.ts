/**
 * jittering-robustness: worst-case (ℓ2-adversarial) robustness of estimators for inverse problems
 * trained by jittering (Gaussian noise added to the inputs during training).
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'jittering-robustness',
  paper: {
    title: 'Learning Provably Robust Estimators for Inverse Problems via Jittering',
    authors: ['Anselm Krainovic', 'Mahdi Soltanolkotabi', 'Reinhard Heckel'],
    year: 2023,
    arxiv: '2307.12822',
    url: 'https://arxiv.org/abs/2307.12822',
    code: 'https://github.com/MLI-lab/robust_reconstructors_via_jittering',
  },
  params,
  run,
  claims,
});
