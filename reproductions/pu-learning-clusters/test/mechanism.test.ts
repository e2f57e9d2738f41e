import test, { type ExecutionContext } from 'ava';
import { runTiny } from '#harness/testing';

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

const headline = async (t: ExecutionContext, source: 'positives' | 'random') => {
  const verdicts = await runTiny(t, { id: 'pu-learning-clusters', params: tiny(source) });
  const c = verdicts.claims.find((v) => v.id === 'beats-raw-clustering');
  if (!c) throw new Error('beats-raw-clustering missing from the verdicts');
  return c;
};

test('with labelled positives, the proxy beats raw 2-means at a tiny size', async (t) => {
  const c = await headline(t, 'positives');
  t.log(c.evidence.reason);
  t.is(c.verdict, 'pass', c.evidence.reason);
});

test('with a random draw of U as every method\'s "positives", the headline claim no longer passes', async (t) => {
  const c = await headline(t, 'random');
  t.log(c.evidence.reason);
  t.not(c.verdict, 'pass', c.evidence.reason);
  t.not(c.verdict, 'error', c.evidence.reason);
});
