/**
 * multitask-feature-learning: two-step multi-task training of a two-layer ReLU net learns the
 * r ground-truth directions; a downstream XOR on them is then solved by a linear classifier on
 * the frozen features, at any d, while random features fail.
 * Read claims.ts for the sentences under test and their thresholds; multitask.ts for the measurement.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'multitask-feature-learning',
  paper: {
    title: 'Provable Multi-Task Representation Learning by Two-Layer ReLU Neural Networks',
    authors: ['Liam Collins', 'Hamed Hassani', 'Mahdi Soltanolkotabi', 'Aryan Mokhtari', 'Sanjay Shakkottai'],
    year: 2024,
    arxiv: '2307.06887',
    url: 'https://arxiv.org/abs/2307.06887',
  },
  params,
  run,
  claims,
});
