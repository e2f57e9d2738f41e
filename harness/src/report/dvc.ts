/** The `run@<id>` stage of dvc.lock: what exactly (by hash) produced a reproduction's results. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { isObject } from '../results/json.js';

export interface DvcEntry {
  path: string;
  /** The content hash (md5 for DVC 3, `.dir` suffix for directories), when recorded. */
  hash: string | null;
  size: number | null;
  nfiles: number | null;
}

export interface DvcStage {
  name: string;
  cmd: string | null;
  deps: DvcEntry[];
  /** `params.yaml` -> { key: value }. */
  params: { file: string; key: string; value: unknown }[];
  outs: DvcEntry[];
}

export interface DvcLock {
  path: string;
  stages: Record<string, unknown>;
}


/** Parse dvc.lock; null when the file does not exist. Throws on malformed YAML. */
export async function readDvcLock(path: string): Promise<DvcLock | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const doc: unknown = parse(text);
  const stages = isObject(doc) && isObject(doc.stages) ? doc.stages : {};
  return { path, stages };
}

function entries(raw: unknown): DvcEntry[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((e) => {
    const hashKey = typeof e.hash === 'string' && typeof e[e.hash] === 'string' ? e.hash : null;
    const hash = hashKey ? String(e[hashKey]) : typeof e.md5 === 'string' ? e.md5 : typeof e.etag === 'string' ? e.etag : null;
    return {
      path: String(e.path ?? ''),
      hash,
      size: typeof e.size === 'number' ? e.size : null,
      nfiles: typeof e.nfiles === 'number' ? e.nfiles : null,
    };
  });
}

/** The stage `run@<id>` (the foreach stage of dvc.yaml), or null when the lock has none. */
export function runStage(lock: DvcLock | null, id: string): DvcStage | null {
  if (!lock) return null;
  const name = `run@${id}`;
  const raw = lock.stages[name];
  if (!isObject(raw)) return null;
  const params: DvcStage['params'] = [];
  if (isObject(raw.params)) {
    for (const [file, values] of Object.entries(raw.params)) {
      if (!isObject(values)) continue;
      for (const [key, value] of Object.entries(values)) params.push({ file, key, value });
    }
  }
  return {
    name,
    cmd: typeof raw.cmd === 'string' ? raw.cmd : Array.isArray(raw.cmd) ? raw.cmd.map(String).join(' && ') : null,
    deps: entries(raw.deps),
    params,
    outs: entries(raw.outs),
  };
}
