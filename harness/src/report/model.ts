/**
 * View models: everything a template shows, as plain strings and flags. All text here is
 * still untrusted; the templates escape it. Only `svg`, `specJson` and `strip` fields are
 * inlined raw, and they come from vega's renderer (sanitised), `jsonForScript` and
 * `ciStripSvg` (numbers only).
 */
import type { ClaimResult, ControlResult, Verdict, VerdictCounts } from '../types.js';
import { VERDICTS } from '../types.js';
import { type ChartView, chartView } from './chartview.js';
import type { DvcStage } from './dvc.js';
import { type EvidenceView, evidenceView, type KV } from './evidence.js';
import { arxivUrl, asVerdict, fmtDate, fmtDuration, fmtValue, safeHttpUrl, uniqueSlug } from './format.js';
import type { LoadedReproduction } from './load.js';
import type { Stamp } from './preregistered.js';
import type { SourceLink } from './sources.js';
import type { PublishedClaimView } from './published.js';
import { claimHistory, type HistoryRow } from './history.js';
import { controlStatus, controlStatusText, type ControlStatus } from '../results/control.js';
import { judgeControl, type ControlJudgement, type ExpectedFile } from './control-judgement.js';
import { isObject } from '../results/json.js';
import { formatNumber } from '../claims/band.js';

export type { EvidenceView, KV };

export interface CountView {
  verdict: Verdict;
  n: number;
}

export interface ControlView {
  params: KV[];
  why: string;
  expect: Verdict;
  verdict: Verdict;
  expected: boolean;
  /** What the control shows, judged from the verdicts (results/control.ts). */
  status: ControlStatus;
  statusText: string;
  /** Judged against expected.json: as it must, accepted there (with its why), or departing. */
  judgement: ControlJudgement;
  evidence: EvidenceView;
}

export interface ClaimView {
  anchor: string;
  id: string;
  kind: string;
  quote: string;
  verdict: Verdict;
  rawVerdict: string | null;
  note: string | null;
  why: string;
  params: KV[];
  evidence: EvidenceView;
  control: ControlView | null;
  /** "pass in 3 of 3 fresh-seed runs", when `repro verify --seeds` has run. */
  stability: string | null;
  /** The claim's numbers as CSV, relative to the page (set when the build writes it). */
  csvHref: string | null;
  /** When its definition was fixed against its first recorded result (set from git when the build has run facts). */
  stamp: Stamp | null;
  /** The quoted sentence in the paper and the claim's definition in claims.ts (set by the build). */
  sources: SourceLink[];
  /** Every reviewed change of its expected verdict, from expected.json's $history (oldest first). */
  history: HistoryRow[];
  /** The verdict of the paper profile's run published in published/paper/<id>/ (set by the build), or null. */
  published: PublishedClaimView | null;
}

export interface PaperView {
  id: string;
  file: string;
  title: string;
  authors: string;
  year: string | null;
  links: { label: string; href: string }[];
  /** Link values that were not safe http(s) URLs, shown as text. */
  unlinked: KV[];
  profile: string;
  backend: string;
  backendNote: string | null;
  runtime: string;
  date: string;
  counts: CountView[];
  controls: ControlsSummary;
  warnings: string[];
  toc: { anchor: string; id: string; verdict: Verdict }[];
  claims: ClaimView[];
  figures: { anchor: string; id: string; title: string; caption: string | null; chart: ChartView | null }[];
  provenance: ProvenanceView | null;
  dvc: { lockPath: string | null; stage: DvcStage | null; note: string | null; params: KV[] };
}

export interface ProvenanceView {
  gitRev: string;
  gitDirty: string;
  dirty: boolean;
  profile: string;
  backend: string;
  backendNote: string | null;
  params: KV[];
  versions: KV[];
  machine: KV[];
  seeds: string;
  wall: string;
  date: string;
  runs: { params: string; seconds: string }[];
}

export interface IndexRow {
  id: string;
  href: string | null;
  title: string;
  year: string | null;
  claims: { id: string; verdict: Verdict; href: string | null }[];
  counts: CountView[];
  controls: string;
  controlsFull: boolean;
  /** Why controls that depart are accepted by expected.json (shown under the count). */
  controlsAccepted: string[];
  runtime: string;
  backend: string;
  backendNote: string | null;
  profile: string;
  warnings: string[];
}


export function countVerdicts(claims: readonly { verdict: unknown }[]): VerdictCounts {
  const counts: VerdictCounts = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
  for (const c of claims) counts[asVerdict(c.verdict)]++;
  return counts;
}

export function countViews(counts: VerdictCounts): CountView[] {
  return VERDICTS.map((verdict) => ({ verdict, n: counts[verdict] }));
}

function kvs(record: unknown): KV[] {
  if (!isObject(record)) return [];
  return Object.entries(record).map(([key, value]) => ({ key, value: fmtValue(value) }));
}

export interface ControlsSummary {
  /** As they must, or accepted by expected.json. */
  ok: number;
  accepted: { claim: string; why: string | null }[];
  total: number;
  text: string;
}

function controlsOf(id: string, claims: readonly ClaimResult[], file: ExpectedFile | null): ControlsSummary {
  const judged = claims.filter((c) => isObject(c.control)).map((c) => ({ claim: c.id, j: judgeControl(id, c as ClaimResult & { control: ControlResult }, file)! }));
  const ok = judged.filter((x) => x.j.ok).length;
  const accepted = judged.filter((x) => x.j.accepted).map((x) => ({ claim: x.claim, why: x.j.why }));
  const total = judged.length;
  const text = total === 0 ? 'no controls' : `${ok} / ${total} as expected${accepted.length ? ` (${accepted.length} accepted by expected.json)` : ''}`;
  return { ok, accepted, total, text };
}

function stabilityText(s: { verdicts?: unknown; passRate?: unknown } | undefined): string | null {
  if (!s || !Array.isArray(s.verdicts) || s.verdicts.length === 0) return null;
  const counts = new Map<string, number>();
  for (const v of s.verdicts) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  return `over ${s.verdicts.length} fresh-seed run${s.verdicts.length > 1 ? 's' : ''}: ${[...counts].map(([v, n]) => `${v} ${n}`).join(', ')}`;
}

async function claimView(id: string, claim: ClaimResult, anchors: Set<string>, file: ExpectedFile | null, stability?: { verdicts?: unknown }): Promise<ClaimView> {
  const verdict = asVerdict(claim.verdict);
  const evidence = await evidenceView(claim.evidence, claim, claim.id);
  let control: ControlView | null = null;
  if (isObject(claim.control)) {
    const c = claim.control;
    control = {
      params: kvs(c.params),
      why: String(c.why ?? ''),
      expect: asVerdict(c.expect),
      verdict: asVerdict(c.verdict),
      expected: asVerdict(c.verdict) === asVerdict(c.expect ?? 'fail'),
      status: controlStatus(claim),
      statusText: controlStatusText(claim),
      judgement: judgeControl(id, claim, file)!,
      evidence: await evidenceView(c.evidence, { verdict: c.verdict, statistic: c.evidence?.statistic, ci: c.evidence?.ci, threshold: c.evidence?.threshold }, `${claim.id} (control)`),
    };
  }
  return {
    anchor: uniqueSlug(`claim-${claim.id}`, anchors),
    id: claim.id,
    kind: claim.kind,
    quote: claim.quote,
    verdict,
    rawVerdict: verdict === claim.verdict ? null : String(claim.verdict),
    note: typeof claim.note === 'string' && claim.note !== '' ? claim.note : null,
    why: claim.why,
    params: kvs(claim.params),
    evidence,
    control,
    stability: stabilityText(stability),
    csvHref: null,
    stamp: null,
    sources: [],
    history: file ? claimHistory(file.history, id, claim.id) : [],
    published: null,
  };
}

function provenanceView(r: LoadedReproduction): ProvenanceView | null {
  const p = r.provenance;
  if (!p) return null;
  const git = isObject(p.git) ? p.git : { rev: null, dirty: null };
  const machine = isObject(p.machine) ? p.machine : ({} as Record<string, unknown>);
  const machineKv: KV[] = [
    { key: 'CPU', value: fmtValue(machine.cpu ?? '—') },
    { key: 'cores', value: fmtValue(machine.cores ?? '—') },
    { key: 'memory', value: typeof machine.memoryGiB === 'number' ? `${formatNumber(machine.memoryGiB)} GiB` : '—' },
    { key: 'platform', value: fmtValue(machine.platform ?? '—') },
  ];
  if (machine.gpu !== undefined) machineKv.push({ key: 'GPU', value: machine.gpu === null ? 'none' : fmtValue(machine.gpu) });
  const compute = isObject(p.compute) ? p.compute : null;
  // jobs is a run fact (results/<id>/run-facts.json): absent from a report rendered without them.
  if (compute) machineKv.push({ key: 'compute', value: typeof compute.jobs === 'number' ? `up to ${fmtValue(compute.jobs)} run processes at once, ${fmtValue(compute.threadsPerProcess)} thread(s) each` : `${fmtValue(compute.threadsPerProcess)} thread(s) per run process` });
  return {
    gitRev: typeof git.rev === 'string' && git.rev !== '' ? git.rev : 'unknown',
    gitDirty: git.dirty === true ? 'dirty: uncommitted changes' : git.dirty === false ? 'clean' : 'dirty flag unknown',
    dirty: git.dirty === true,
    profile: String(p.profile ?? ''),
    backend: String(p.backend ?? ''),
    backendNote: typeof p.backendNote === 'string' && p.backendNote !== '' ? p.backendNote : null,
    params: kvs(p.params),
    versions: kvs(p.versions),
    machine: machineKv,
    seeds: Array.isArray(p.seeds) && p.seeds.length > 0 ? p.seeds.map(fmtValue).join(', ') : '—',
    wall: fmtDuration(p.durationSeconds),
    date: fmtDate(p.startedAt),
    runs: Array.isArray(p.runs)
      ? p.runs.filter(isObject).map((run) => ({
          params: isObject(run.params) && Object.keys(run.params).length > 0 ? fmtValue(run.params) : '(main run)',
          seconds: fmtDuration(run.seconds),
        }))
      : [],
  };
}

export async function paperView(
  r: LoadedReproduction,
  file: string,
  dvc: { lockPath: string | null; stage: DvcStage | null; note: string | null },
  expected: ExpectedFile | null = null,
): Promise<PaperView> {
  const v = r.verdicts;
  const paper = v.paper;
  const links: PaperView['links'] = [];
  const unlinked: KV[] = [];
  const addLink = (label: string, raw: unknown, href: string | null) => {
    if (raw === undefined || raw === null || raw === '') return;
    if (href) links.push({ label, href });
    else unlinked.push({ key: label, value: String(raw) });
  };
  addLink(`arXiv ${typeof paper.arxiv === 'string' && !/^https?:/i.test(paper.arxiv) ? paper.arxiv : ''}`.trim(), paper.arxiv, arxivUrl(paper.arxiv));
  addLink('paper', paper.url, safeHttpUrl(paper.url));
  addLink('code', paper.code, safeHttpUrl(paper.code));

  const anchors = new Set<string>(['claims', 'figures', 'provenance', 'top']);
  const claims: ClaimView[] = [];
  for (const claim of v.claims) claims.push(await claimView(r.id, claim, anchors, expected, r.stability?.claims?.[claim.id]));
  const figures: PaperView['figures'] = [];
  for (const [i, fig] of v.figures.entries()) {
    const id = typeof fig.id === 'string' ? fig.id : `figure-${i + 1}`;
    figures.push({
      anchor: uniqueSlug(`figure-${id}`, anchors),
      id,
      title: typeof fig.title === 'string' ? fig.title : id,
      caption: typeof fig.caption === 'string' && fig.caption !== '' ? fig.caption : null,
      chart: await chartView(fig.chart),
    });
  }
  const prov = provenanceView(r);
  return {
    id: r.id,
    file,
    title: paper.title,
    authors: paper.authors.join(', '),
    year: typeof paper.year === 'number' ? String(paper.year) : null,
    links,
    unlinked,
    profile: v.profile || prov?.profile || '—',
    backend: v.backend || prov?.backend || '—',
    backendNote: prov?.backendNote ?? null,
    runtime: prov ? prov.wall : '—',
    date: prov ? prov.date : '—',
    counts: countViews(countVerdicts(v.claims)),
    controls: controlsOf(r.id, v.claims, expected),
    warnings: r.warnings,
    toc: claims.map((c) => ({ anchor: c.anchor, id: c.id, verdict: c.verdict })),
    claims,
    figures,
    provenance: prov,
    dvc: { ...dvc, params: dvc.stage ? dvc.stage.params.map((p) => ({ key: `${p.file}: ${p.key}`, value: fmtValue(p.value) })) : [] },
  };
}

export function indexRow(r: LoadedReproduction, file: string, anchors: string[], expected: ExpectedFile | null = null): IndexRow {
  const v = r.verdicts;
  const controls = controlsOf(r.id, v.claims, expected);
  return {
    id: r.id,
    href: file,
    title: v.paper.title,
    year: typeof v.paper.year === 'number' ? String(v.paper.year) : null,
    claims: v.claims.map((c, i) => ({ id: c.id, verdict: asVerdict(c.verdict), href: `${file}#${anchors[i]}` })),
    counts: countViews(countVerdicts(v.claims)),
    controls: controls.total === 0 ? '—' : `${controls.ok} / ${controls.total}`,
    controlsFull: controls.total > 0 && controls.ok === controls.total,
    controlsAccepted: controls.accepted.map((a) => `${a.claim}: accepted by expected.json${a.why ? ` (${a.why})` : ''}`),
    runtime: fmtDuration(r.provenance?.durationSeconds),
    backend: v.backend || String(r.provenance?.backend ?? '') || '—',
    backendNote: typeof r.provenance?.backendNote === 'string' ? r.provenance.backendNote : null,
    profile: v.profile || '—',
    warnings: r.warnings,
  };
}
