/** Params of one profile of lowrank-gradient-flow (params.yaml: papers.lowrank-gradient-flow.<profile>). */
import { z } from 'zod';

export const params = z
  .strictObject({
    seeds: z.int().min(1).max(1000),
    n: z.int().min(2).max(2000),
    /** s: rank of the positive part Λ₁ of the target. */
    true_rank: z.int().min(1),
    /** Diagonal of Λ₁ (length true_rank, positive). */
    lambda1: z.array(z.number().positive()).min(1),
    /** Λ₂ = lambda2·I: 0 is a PSD target, > 0 an indefinite one. */
    lambda2: z.number().min(0),
    /** r: columns of X; r > s is over-parameterized, r = s exact. */
    fitted_rank: z.int().min(1),
    init_scale: z.number().positive(),
    /** Step of the integrator; t = eta · step. */
    eta: z.number().positive().max(1),
    steps: z.int().min(10),
    record_every: z.int().min(1),
    integrator: z.enum(['euler', 'rk4']),
    /** eigen: integrate Y = VᵀX (exact invariant subspaces); random: X in a random basis. */
    basis: z.enum(['eigen', 'random']),
    /** t₀ from which the closed-form Schur prediction is compared. */
    closed_form_from: z.number().positive(),
    /** What the closed form is compared against: the Schur complement, or the raw block P₂ (a control). */
    schur_block: z.enum(['schur', 'raw']),
    /**
     * random: X₀ = init_scale · N(0, 1); saddle: the same with eigen-direction `saddle_direction` removed;
     * rank-deficient: the same with its r − s extra columns replaced by combinations of the first s, so
     * rank(X) = s for all t (the mechanism test: no excess rank, no slow mode).
     */
    init: z.enum(['random', 'saddle', 'rank-deficient']),
    saddle_direction: z.int().min(0),
    /** Size of the kick along the removed direction, added at t = perturb_at (0: none). */
    perturbation: z.number().min(0),
    perturb_at: z.number().min(0),
    /** ||v_jᵀX|| at which the trajectory counts as escaped from the saddle. */
    escape_threshold: z.number().positive(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (p.lambda1.length !== p.true_rank) issue('lambda1', `has ${p.lambda1.length} values but true_rank is ${p.true_rank}; give one eigenvalue per true direction`);
    if (p.true_rank >= p.n) issue('true_rank', `must be < n (${p.n}), got ${p.true_rank}`);
    if (p.fitted_rank > p.n) issue('fitted_rank', `must be ≤ n (${p.n}), got ${p.fitted_rank}`);
    // r < s only for the saddle-escape control (no free column at the saddle): the other claims are about exact and over-parameterized fits.
    if (p.fitted_rank < p.true_rank && p.init !== 'saddle') {
      const why = 'the claims are about exact and over-parameterized fits';
      issue('fitted_rank', `must be ≥ true_rank (${p.true_rank}) unless init is saddle, got ${p.fitted_rank}: ${why}`);
    }
    if (p.saddle_direction >= p.true_rank) issue('saddle_direction', `must be < true_rank (${p.true_rank}), got ${p.saddle_direction}`);
    if (p.record_every > p.steps) issue('record_every', `must be ≤ steps (${p.steps}), got ${p.record_every}`);
  });

export type Params = z.infer<typeof params>;
