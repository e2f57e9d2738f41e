/**
 * federated-class-incremental: MFCL, data-free generative replay for federated class-incremental
 * learning, on a synthetic proxy. Read claims.ts for the sentences under test and their
 * thresholds; federation.ts for the simulation; protocol.ts for what clients hold and send.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'federated-class-incremental',
  paper: {
    title: 'A Data-Free Approach to Mitigate Catastrophic Forgetting in Federated Class Incremental Learning for Vision Tasks',
    authors: ['Sara Babakniya', 'Zalan Fabian', 'Chaoyang He', 'Mahdi Soltanolkotabi', 'Salman Avestimehr'],
    year: 2023,
    url: 'https://openreview.net/forum?id=3b9sqxCW1x',
  },
  params,
  run,
  claims,
});
