import { mechanismTests } from '#harness/testing';

/**
 * The headline claim (beats-raw-clustering) rests on PU learning's one ingredient: a labelled sample of the
 * positive class, which anchors the codeword c_P to the positives' cluster. With the labelled set replaced by a
 * random draw of the unlabelled data (for every method: labelled_source: random), nothing says which of the two
 * clusters is positive, so the proxy falls to chance level and the claim must not pass; with the positives intact
 * it passes at the same tiny size. D2 runs at its smallest size only because the runner decides every claim.
 */
const tiny = (source: 'positives' | 'random') => `profile: smoke
papers:
  pu-learning-clusters:
    smoke: &tiny
      { seeds: 6, experiments: [digits, synthetic], test_fraction: 0.3, labelled_positives: 200, labelled_source: ${source},
        steps: 150, batch: 64, lr: 0.003, hidden: 64, embed: 8, commitment: 0.25, margin: 2, temperature: 1, assignment: prior,
        synthetic_seeds: 2, transition_seeds: 2, synthetic_mu_norm: 1, synthetic_labelled: 20 }
    paper: *tiny
`;

mechanismTests({
  id: 'pu-learning-clusters',
  claim: 'beats-raw-clustering',
  params: (positives) => tiny(positives ? 'positives' : 'random'),
  titles: {
    with: 'with labelled positives, the proxy beats raw 2-means at a tiny size',
    without: 'with a random draw of U as every method\'s "positives", the headline claim no longer passes',
  },
});
