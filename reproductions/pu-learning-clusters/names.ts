/** Names of the recorded scalars, shared by the experiments (which record them) and claims.ts (which reads them). */

export const digitsNames = {
  proxy: 'accuracy-proxy',
  noVq: 'accuracy-no-vq',
  nnPu: 'accuracy-nnpu',
  twoMeans: 'accuracy-raw-2-means',
  distance: 'accuracy-distance-detector',
  fisherVq: 'fisher-ratio-vq',
  fisherNoVq: 'fisher-ratio-no-vq',
} as const;

export const syntheticNames = {
  gap: (d: number) => `pca-accuracy-gap-d${d}`,
  accuracy: (d: number) => `pca-accuracy-d${d}`,
  bayesExcess: 'pca-accuracy-minus-bayes-d2',
} as const;
