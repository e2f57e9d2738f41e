/**
 * pu-learning-clusters: PU learning by a learned two-cluster representation with vector
 * quantisation, as a PROXY (the paper's exact loss was not found). Read claims.ts for the
 * sentences under test and their thresholds; experiment.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'pu-learning-clusters',
  paper: {
    title: 'Learning A Disentangling Representation For PU Learning',
    authors: ['Omar Zamzam', 'Haleh Akrami', 'Mahdi Soltanolkotabi', 'Richard Leahy'],
    year: 2023,
    arxiv: '2310.03833',
    url: 'https://arxiv.org/abs/2310.03833',
  },
  params,
  run,
  claims,
});
