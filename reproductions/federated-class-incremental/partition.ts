/**
 * The non-IID split of one task's training rows over clients, as in the paper: each class's rows
 * are divided among the clients in Dirichlet(α) proportions (α = 1). The split is redrawn until
 * every client has at least `minPerClient` rows of the task, like the original's minimum size.
 */
import type { Rng } from '#harness/random';

/** Gamma(shape, 1) by Marsaglia and Tsang; shape < 1 through the boost Gamma(a) = Gamma(a+1)·U^(1/a). */
export function gammaSample(rng: Rng, shape: number): number {
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gammaSample(rng, shape + 1) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function dirichlet(rng: Rng, alpha: number, k: number): number[] {
  const g = Array.from({ length: k }, () => gammaSample(rng, alpha));
  const total = g.reduce((s, v) => s + v, 0);
  return g.map((v) => v / total);
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Row indices (into `labels`) per client for the rows whose label is in `classes`. */
export function dirichletSplit(
  rng: Rng,
  labels: Int32Array,
  classes: readonly number[],
  clients: number,
  alpha: number,
  minPerClient: number,
  maxTries = 1000,
): number[][] {
  const byClass = classes.map((c) => {
    const rows: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === c) rows.push(i);
    return rows;
  });
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const out: number[][] = Array.from({ length: clients }, () => []);
    for (const rows of byClass) {
      const p = dirichlet(rng, alpha, clients);
      const order = shuffle(rng, [...rows]);
      let start = 0;
      let cumulative = 0;
      for (let k = 0; k < clients; k++) {
        cumulative += p[k];
        const end = k === clients - 1 ? order.length : Math.round(cumulative * order.length);
        out[k].push(...order.slice(start, end));
        start = end;
      }
    }
    if (out.every((rows) => rows.length >= minPerClient)) return out;
  }
  throw new Error(`dirichletSplit: no split in ${maxTries} draws gave every one of ${clients} clients ≥ ${minPerClient} rows (α = ${alpha}); lower min_client_samples or clients`);
}
