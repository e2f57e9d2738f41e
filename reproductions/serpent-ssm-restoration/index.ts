/**
 * serpent-ssm-restoration: Serpent, multi-scale structured state space models for image
 * restoration, tested through a PROXY ("SerpentLite"): a 2-level U-Net whose core block is a
 * diagonal SSM scanned in four directions, against a global-attention U-Net and a 3x3 CNN.
 * Read claims.ts for the sentences under test and their thresholds; experiment.ts for the measurements.
 */
import { defineReproduction } from '#harness';
import { claims } from './claims.js';
import { run } from './experiment.js';
import { params, type Params } from './params.js';

export default defineReproduction<Params>({
  id: 'serpent-ssm-restoration',
  paper: {
    title: 'Serpent: Scalable and Efficient Image Restoration via Multi-scale Structured State Space Models',
    authors: ['Mohammad Shahab Sepehri', 'Zalan Fabian', 'Mahdi Soltanolkotabi'],
    year: 2024,
    arxiv: '2403.17902',
    url: 'https://arxiv.org/abs/2403.17902',
    code: 'https://github.com/AIF4S/Serpent',
  },
  params,
  run,
  claims,
});
