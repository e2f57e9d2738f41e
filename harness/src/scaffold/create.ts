/**
 * `repro new <id>`: writes a reproduction folder and its params.yaml section. Refuses to touch an
 * existing folder or section; params.yaml keeps its comments (edited as a YAML document).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, parseDocument, stringify } from 'yaml';
import { ID_PATTERN } from '../registry/discover.js';
import { writeFileAtomic } from '../results/atomic-file.js';
import { claimsTs, dvcYaml, experimentTs, indexTs, paramsSection, paramsTs, readmeMd, testTs, type ScaffoldVars } from './templates.js';
import { UserError } from '../errors.js';

export class ScaffoldError extends UserError {}

export function scaffold(root: string, vars: ScaffoldVars): string[] {
  if (!ID_PATTERN.test(vars.id)) {
    throw new ScaffoldError(`new: id ${JSON.stringify(vars.id)} is not valid: use lower-case letters, digits and '-' (e.g. 'my-paper-2024')`);
  }
  const dir = path.join(root, 'reproductions', vars.id);
  if (existsSync(dir)) throw new ScaffoldError(`new: reproductions/${vars.id} already exists; nothing was written`);
  const paramsFile = path.join(root, 'params.yaml');
  const source = readFileSync(paramsFile, 'utf8');
  const doc = parseDocument(source);
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
  writeFileAtomic(paramsFile, withSection(source, doc, vars.id));
  return [...files.map(([name]) => path.join('reproductions', vars.id, name)), 'params.yaml'];
}

/**
 * params.yaml with the new section appended to `papers:`, every other byte as it was: the section
 * is inserted as text at the end of the block map. Only a flow-style or missing `papers` map makes
 * the document be written out again (comments kept, spacing normalised).
 */
function withSection(source: string, doc: ReturnType<typeof parseDocument>, id: string): string {
  const papers = doc.get('papers', true);
  if (isMap(papers) && !papers.flow && papers.items.length > 0 && papers.range) {
    const end = papers.range[1];
    const indent = ' '.repeat(papers.items[0].key && isScalar(papers.items[0].key) && papers.items[0].key.range ? papers.items[0].key.range[0] - source.lastIndexOf('\n', papers.items[0].key.range[0] - 1) - 1 : 2);
    const block = stringify({ [id]: paramsSection() }).trimEnd().split('\n').map((line) => indent + line).join('\n');
    const before = source.slice(0, end).replace(/\n*$/, '\n');
    const after = source.slice(end);
    return `${before}${block}\n${after.startsWith('\n') || after === '' ? after : `\n${after}`}`;
  }
  doc.setIn(['papers', id], doc.createNode(paramsSection()));
  // A `papers: {}` written in flow style would otherwise swallow the new section on one line.
  const map = doc.get('papers', true);
  if (isMap(map)) map.flow = false;
  const section = doc.getIn(['papers', id], true);
  if (isMap(section)) section.flow = false;
  return doc.toString();
}
