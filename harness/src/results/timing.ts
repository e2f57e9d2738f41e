/**
 * Timed claims and figures, split from the hashed results and joined back when read.
 *
 * A time measured on one machine is not a reproducible output: DVC would hash a different
 * verdicts.json on every run. So verdicts.json keeps what is decided (each timed claim's verdict,
 * its control's verdict, the threshold and the method) and the volatile sidecar timing.json keeps
 * the numbers (statistic, interval, per-seed values, charts) and the timed figures. Reading joins
 * them: the verdict always comes from the hashed file, the numbers from the sidecar when present.
 */
import { z } from 'zod';
import { ClaimResultSchema, FigureResultSchema, type ClaimResult, type Evidence, type VerdictsFile } from '../types.js';

/** The sidecar's name in results/<id>/ (listed in .dvcignore, like run-facts.json). */
export const TIMING_FILE = 'timing.json';

export const TimingFileSchema = z.object({
  reproduction: z.string(),
  claims: z.array(ClaimResultSchema),
  figures: z.array(FigureResultSchema),
  /** Series recorded with `timed: true`, by the name they would have under series/. */
  series: z.record(z.string(), z.array(z.object({ x: z.unknown(), y: z.unknown(), seed: z.string() }))).default({}),
});
export type TimingFile = z.infer<typeof TimingFileSchema>;

const MOVED = `timed on the machine that ran it: the statistic, its interval and the per-seed times are in ${TIMING_FILE}, which DVC does not hash`;

/** What of a timed claim's evidence stays in the hashed file: how it was decided, not the times. */
function decidedOnly(evidence: Evidence): Evidence {
  const { method, threshold, band, n, seeds } = evidence;
  return { method, statistic: null, threshold, ...(band ? { band } : {}), n, seeds, reason: MOVED };
}

function hashedClaim(claim: ClaimResult): ClaimResult {
  if (!claim.timed) return claim;
  const { ci: _ci, ...rest } = claim;
  return {
    ...rest,
    statistic: null,
    evidence: decidedOnly(claim.evidence),
    control: claim.control ? { ...claim.control, evidence: decidedOnly(claim.control.evidence) } : null,
  };
}

/** Split a paper's results into the hashed verdicts and the timing sidecar (null when nothing is timed). */
export function splitTimed(verdicts: VerdictsFile, series: TimingFile['series'] = {}): { hashed: VerdictsFile; timing: TimingFile | null } {
  const timedClaims = verdicts.claims.filter((c) => c.timed);
  const timedFigures = verdicts.figures.filter((f) => f.timed);
  if (timedClaims.length === 0 && timedFigures.length === 0 && Object.keys(series).length === 0) return { hashed: verdicts, timing: null };
  return {
    hashed: { ...verdicts, claims: verdicts.claims.map(hashedClaim), figures: verdicts.figures.filter((f) => !f.timed) },
    timing: { reproduction: verdicts.reproduction, claims: timedClaims, figures: timedFigures, series },
  };
}

/**
 * Join a sidecar back into hashed verdicts: a timed claim takes the sidecar's numbers but keeps the
 * hashed verdicts (an edited or stale sidecar cannot change a verdict); timed figures are appended.
 */
export function joinTimed(hashed: VerdictsFile, timing: TimingFile | null): VerdictsFile {
  if (!timing || timing.reproduction !== hashed.reproduction) return hashed;
  const byId = new Map(timing.claims.map((c) => [c.id, c]));
  const claims = hashed.claims.map((c) => {
    const measured = c.timed ? byId.get(c.id) : undefined;
    if (!measured) return c;
    return {
      ...measured,
      verdict: c.verdict,
      control: c.control && measured.control ? { ...measured.control, verdict: c.control.verdict, expect: c.control.expect, expected: c.control.expected } : c.control,
    };
  });
  const figures = [...hashed.figures, ...timing.figures.filter((f) => !hashed.figures.some((h) => h.id === f.id))];
  return { ...hashed, claims, figures };
}
