/**
 * mlbfgs: mL-BFGS (momentum-based L-BFGS) against SGD, Adam and vanilla stochastic L-BFGS on an
 * MLP on the 8x8 digits, and its curvature-noise closed form on a quadratic.
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'mlbfgs',
  paper: {
    title: 'mL-BFGS: A Momentum-based L-BFGS for Distributed Large-Scale Neural Network Optimization',
    authors: ['Yue Niu', 'Zalan Fabian', 'Sunwoo Lee', 'Mahdi Soltanolkotabi', 'Salman Avestimehr'],
    year: 2023,
    arxiv: '2307.13744',
    url: 'https://arxiv.org/abs/2307.13744',
  },
  params,
  run,
  claims,
});
