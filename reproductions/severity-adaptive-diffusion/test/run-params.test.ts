import test from 'ava';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stableJson } from '#harness';
import { rawSection, readParamsFile, validateSection } from '#harness/params';
import reproduction from '../index.js';
import { runParams } from '../training/run-params.js';

const PROJECT_PARAMS = fileURLToPath(new URL('../../../params.yaml', import.meta.url));

/** The project's params.yaml with `profile` active, in a temp file. */
function paramsWithProfile(profile: 'smoke' | 'paper'): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'severity-run-params-')), 'params.yaml');
  writeFileSync(file, readFileSync(PROJECT_PARAMS, 'utf8').replace(/^profile: \w+$/m, `profile: ${profile}`));
  return file;
}

// The training stage must train what every claim and control will run on, or the run trains it
// again itself (slowly) or reads weights for other params.
for (const profile of ['smoke', 'paper'] as const) {
  test(`${profile}: every claim's and control's params are trained for, each set once, the default first`, (t) => {
    const file = paramsWithProfile(profile);
    const planned = runParams(file).map(stableJson);
    t.is(new Set(planned).size, planned.length);
    const raw = rawSection(readParamsFile(file), reproduction.id, []);
    const effective = (overrides: object) => stableJson(validateSection(reproduction.params, { ...raw, ...overrides }, file, 'test'));
    t.is(planned[0], effective({}));
    for (const c of reproduction.claims) {
      t.true(planned.includes(effective({ ...c.params })), c.id);
      t.true(planned.includes(effective({ ...c.params, ...c.control.params })), `${c.id}'s control`);
    }
  });
}
