/**
 * `dvc plots show` has plots of every paper, declared by the paper itself in
 * reproductions/<id>/dvc.yaml (not a hand-written list in the root dvc.yaml).
 */
import test from 'ava';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './clone.js';

type Plots = { plots?: Record<string, { template?: string; x?: string; y?: string; title?: string }>[] };
const BUILT_IN = ['linear', 'simple', 'scatter', 'smooth', 'confusion', 'confusion_normalized', 'bar_horizontal', 'bar_horizontal_sorted'];
const papers = readdirSync(path.join(ROOT, 'reproductions'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

test('every paper declares at least one plot of its own series, with a template that exists', (t) => {
  t.true(papers.length >= 10);
  for (const id of papers) {
    const file = path.join(ROOT, 'reproductions', id, 'dvc.yaml');
    t.true(existsSync(file), `reproductions/${id}/dvc.yaml is missing: declare the paper's plots there`);
    const doc = parse(readFileSync(file, 'utf8')) as Plots;
    const entries = (doc.plots ?? []).flatMap((p) => Object.entries(p));
    t.true(entries.length >= 1, `reproductions/${id}/dvc.yaml declares no plot`);
    for (const [target, props] of entries) {
      t.true(target.startsWith(`../../results/${id}/series/`) && target.endsWith('.json'), `reproductions/${id}/dvc.yaml: ${target} is not one of this paper's series`);
      const template = props.template ?? 'linear';
      t.true(BUILT_IN.includes(template) || existsSync(path.join(ROOT, '.dvc', 'plots', `${template}.json`)), `reproductions/${id}/dvc.yaml: template ${template} does not exist`);
      t.is(props.x, 'x');
      t.is(props.y, 'y');
    }
  }
});

test('the root dvc.yaml keeps no hand-written list of plots', (t) => {
  t.is((parse(readFileSync(path.join(ROOT, 'dvc.yaml'), 'utf8')) as Plots).plots, undefined);
});
