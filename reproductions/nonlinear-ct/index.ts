/**
 * nonlinear-ct: gradient descent through the Beer-Lambert nonlinearity, on random Gaussian
 * measurements (rate, sample complexity, sparse recovery) and on a 2D metal phantom (artifacts).
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the runs.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'nonlinear-ct',
  paper: {
    title: 'Gradient Descent Provably Solves Nonlinear Tomographic Reconstruction',
    authors: ['Sara Fridovich-Keil', 'Fabrizio Valdivia', 'Gordon Wetzstein', 'Benjamin Recht', 'Mahdi Soltanolkotabi'],
    year: 2023,
    arxiv: '2310.03956',
    url: 'https://arxiv.org/abs/2310.03956',
  },
  params,
  run,
  claims,
});
