/** The three models of a run, from its params. */
import type { CnnSpec, UNetSpec } from './architecture.js';
import { analyticCost, matchedCnnWidth } from './cost-model.js';
import type { Params } from './params.js';

export interface Specs {
  /** The method's model: SerpentLite (mixer 'ssm'), or the attention baseline put in its place (a control). */
  serpent: UNetSpec;
  attention: UNetSpec;
  /** 3x3 CNN at full resolution, width chosen so its parameter count is closest to SerpentLite's. */
  cnn: CnnSpec;
}

export function specsOf(p: Params): Specs {
  const serpent: UNetSpec = {
    kind: 'unet',
    mixer: p.mixer,
    width: p.width,
    ssm: { state: p.state, chunk: p.chunk, algorithm: p.ssm_algorithm, rateMin: p.rate_min, rateMax: p.rate_max },
  };
  const ssmParams = analyticCost({ ...serpent, mixer: 'ssm' }, 16).params;
  return {
    serpent,
    attention: { ...serpent, mixer: 'attention' },
    cnn: { kind: 'cnn', width: matchedCnnWidth(p.cnn_depth, ssmParams), depth: p.cnn_depth },
  };
}
