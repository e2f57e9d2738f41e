/**
 * overparam-mtl-continual: minimum-norm linear regression over many tasks, pooled (multi-task)
 * or sequential with a replay buffer, against the paper's closed forms.
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'overparam-mtl-continual',
  paper: {
    title: 'Theoretical Insights into Overparameterized Models in Multi-Task and Replay-Based Continual Learning',
    authors: ['Mohammadamin Banayeeanzade', 'Mahdi Soltanolkotabi', 'Mohammad Rostami'],
    year: 2024,
    arxiv: '2408.16939',
    url: 'https://arxiv.org/abs/2408.16939',
    code: 'https://github.com/aminbana/MTL-Theory',
  },
  params,
  run,
  claims,
});
