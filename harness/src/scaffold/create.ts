/**
 * `repro new <id>`: writes a reproduction folder and its params.yaml section. Refuses to touch an
 * existing folder or section; params.yaml keeps its comments (edited as a YAML document).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { ID_PATTERN } from '../registry/discover.js';
import { writeFileAtomic } from '../runner/atomic.js';
import { claimsTs, dvcYaml, experimentTs, indexTs, paramsSection, paramsTs, readmeMd, testTs, type ScaffoldVars } from './templates.js';

export class ScaffoldError extends Error {}

export function scaffold(root: string, vars: ScaffoldVars): string[] {
  if (!ID_PATTERN.test(vars.id)) {
    throw new ScaffoldError(`new: id ${JSON.stringify(vars.id)} is not valid: use lower-case letters, digits and '-' (e.g. 'my-paper-2024')`);
  }
  const dir = path.join(root, 'reproductions', vars.id);
  if (existsSync(dir)) throw new ScaffoldError(`new: reproductions/${vars.id} already exists; nothing was written`);
  const paramsFile = path.join(root, 'params.yaml');
  const doc = parseDocument(readFileSync(paramsFile, 'utf8'));
  if (doc.errors.length) throw new ScaffoldError(`new: params.yaml does not parse (${doc.errors[0].message.split('\n')[0]}); fix it first`);
  if (doc.hasIn(['papers', vars.id])) throw new ScaffoldError(`new: params.yaml already has a section papers.${vars.id}; nothing was written`);

  const files: [string, string][] = [
    ['index.ts', indexTs(vars)],
    ['params.ts', paramsTs()],
    ['experiment.ts', experimentTs()],
    ['claims.ts', claimsTs()],
    ['README.md', readmeMd(vars)],
    ['dvc.yaml', dvcYaml(vars)],
    [path.join('test', 'reproduction.test.ts'), testTs(vars)],
  ];
  mkdirSync(path.join(dir, 'test'), { recursive: true });
  for (const [name, text] of files) writeFileSync(path.join(dir, name), text);
  doc.setIn(['papers', vars.id], doc.createNode(paramsSection()));
  // A `papers: {}` written in flow style would otherwise swallow the new section on one line.
  const papers = doc.get('papers', true);
  if (isMap(papers)) papers.flow = false;
  const section = doc.getIn(['papers', vars.id], true);
  if (isMap(section)) section.flow = false;
  writeFileAtomic(paramsFile, doc.toString());
  return [...files.map(([name]) => path.join('reproductions', vars.id, name)), 'params.yaml'];
}
