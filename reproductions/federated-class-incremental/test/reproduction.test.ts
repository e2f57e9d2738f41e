import test from 'ava';
import { assertDecidedWithFailingControls, runTiny } from '#harness/testing';

// A tiny profile: 6 classes in 3 tasks, d = 8, 4 clients (2 per round), 4 rounds per task,
// 60 inversion steps, 3 seeds. Same claims and thresholds; only the plumbing is under test.
const TINY = `profile: smoke
papers:
  federated-class-incremental:
    smoke: &tiny
      { seeds: 3, methods: [fedavg, mfcl, mfcl-untrained, oracle], classes: 6, tasks: 3, input_dim: 8, map_hidden: 16,
        cluster_spread: 1.5, train_per_class: 60, test_per_class: 30, hidden: 16, clients: 4, clients_per_round: 2,
        rounds_per_task: 4, dirichlet_alpha: 1, min_client_samples: 4, local_steps: 4, batch_size: 16, lr: 0.1,
        synthetic_batch: 32, ft_weight: 1, kd_weight: 0.1, noise_dim: 4, generator_hidden: 16, inversion_steps: 60,
        inversion_batch: 64, inversion_lr: 0.02, ce_temperature: 1000, entropy_weight: 1, bn_weight: 50,
        histogram_samples: 300, oracle_old_data: all, replay_buffer: 0 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and no control passes', async (t) => {
  const verdicts = await runTiny(t, { id: 'federated-class-incremental', params: TINY });
  t.is(verdicts.claims.length, 6);
  // The label-entropy control cannot be told apart at 3 seeds (its interval is wide), nor can the two near-miss controls
  // (a barely trained generator, an oracle with a sliver of old data): never pass, not always fail.
  const wide = new Set(['synthetic-classes-balanced', 'trained-generator-matters', 'oracle-bounds']);
  assertDecidedWithFailingControls(t, verdicts, verdicts.claims.map((c) => c.id).filter((id) => !wide.has(id)));
  // The structural claim is exact at any size.
  t.is(verdicts.claims.find((c) => c.id === 'no-client-memory')?.verdict, 'pass');
  t.deepEqual(verdicts.figures.map((f) => f.id), ['seen-accuracy-per-task', 'forgetting-per-method', 'generated-class-histogram']);
});
