/**
 * The "pre-registered" stamp of a claim: the commit that last changed its definition in
 * reproductions/<id>/claims.ts (git blame over the claim's lines: id, check with its threshold,
 * control), against the first time expected.json recorded a verdict for it. A definition last
 * changed before its first recorded result was fixed before anyone saw it; one changed after is
 * said so plainly. Reads git history, which differs between clones (a shallow clone has little):
 * the report shows it only with run facts (not in the DVC report stage), and any git failure
 * leaves the claim without a stamp.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Stamp {
  /** True when the definition's last change is no later than the first recorded result. */
  before: boolean | null;
  text: string;
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });
  } catch {
    return null;
  }
}

/** 1-based [first, last] lines of the claim `id` in a claims.ts: from its `id:` line to the next claim or the list's end. */
export function claimLines(source: string, id: string): [number, number] | null {
  const lines = source.split('\n');
  const quoted = [`'${id}'`, `"${id}"`, `\`${id}\``];
  const start = lines.findIndex((l) => /^\s*id:\s*/.test(l) && quoted.some((q) => l.includes(q)));
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !/^\s*(claim\s*[<(]|\]\s*(as\b|satisfies\b|;|$))/.test(lines[end]) && !/^\s*id:\s*/.test(lines[end])) end++;
  // Stop before the next claim's opening line.
  return [start + 1, Math.max(start + 1, end)];
}

/** The newest commit among the lines, as { hash, time }; 'uncommitted' when one of them is. */
function newestCommit(root: string, file: string, [a, b]: [number, number]): { hash: string; time: number } | 'uncommitted' | null {
  const out = git(root, ['blame', '--porcelain', '-L', `${a},${b}`, '--', file]);
  if (!out) return null;
  let newest: { hash: string; time: number } | null = null;
  let hash = '';
  for (const line of out.split('\n')) {
    const head = /^([0-9a-f]{40}) \d+ \d+/.exec(line);
    if (head) hash = head[1];
    const t = /^committer-time (\d+)$/.exec(line);
    if (t && hash) {
      if (/^0+$/.test(hash)) return 'uncommitted';
      const time = Number(t[1]);
      if (!newest || time > newest.time) newest = { hash, time };
    }
  }
  return newest;
}

/** When expected.json first named the claim (the commit that added `"<id>"` under its paper). */
function firstRecorded(root: string, claimId: string): number | null {
  const out = git(root, ['log', '--reverse', '--format=%ct', '-S', `"${claimId}"`, '--', 'expected.json']);
  const first = out?.split('\n').find(Boolean);
  return first ? Number(first) : null;
}

const day = (t: number) => new Date(t * 1000).toISOString().slice(0, 10);

export function preregistration(root: string, reproduction: string, claimId: string): Stamp | null {
  const file = join('reproductions', reproduction, 'claims.ts');
  if (!existsSync(join(root, file))) return null;
  const lines = claimLines(readFileSync(join(root, file), 'utf8'), claimId);
  if (!lines) return null;
  const changed = newestCommit(root, file, lines);
  if (changed === null) return null;
  if (changed === 'uncommitted') return { before: false, text: `its definition in ${file} has uncommitted changes` };
  const first = firstRecorded(root, claimId);
  const short = changed.hash.slice(0, 10);
  if (first === null) return { before: null, text: `definition last changed in ${short} (${day(changed.time)}); no verdict recorded in expected.json yet` };
  return changed.time <= first
    ? { before: true, text: `pre-registered: definition last changed in ${short} (${day(changed.time)}), no later than its first recorded result (${day(first)})` }
    : { before: false, text: `definition changed in ${short} (${day(changed.time)}), after its first recorded result (${day(first)}): see the paper's README for why` };
}
