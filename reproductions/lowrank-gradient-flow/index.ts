/**
 * lowrank-gradient-flow: gradient flow on the symmetric low-rank factorization f(X) = ¼||XXᵀ − M||²_F.
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'lowrank-gradient-flow',
  paper: {
    title: 'Stability properties of gradient flow dynamics for the symmetric low-rank matrix factorization problem',
    authors: ['Hesameddin Mohammadi', 'Mohammad Tinati', 'Stephen Tu', 'Mahdi Soltanolkotabi', 'Mihailo R. Jovanović'],
    year: 2024,
    arxiv: '2411.15972',
    url: 'https://arxiv.org/abs/2411.15972',
  },
  params,
  run,
  claims,
});
