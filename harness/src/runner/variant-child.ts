/**
 * Worker process for parallel runs: reads a VariantTask from the JSON file named on the command
 * line, runs it, and writes the VariantResult next to it. Progress goes to stderr as usual.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { selectBackend } from '../backend/select.js';
import { loadReproduction } from '../registry/discover.js';
import { runVariant, type VariantTask } from './variant.js';
import { exitWithParent } from './orphan.js';

exitWithParent({ killGroup: false });
const [taskFile, resultFile] = process.argv.slice(2);
const { root, id, task } = JSON.parse(readFileSync(taskFile, 'utf8')) as { root: string; id: string; task: VariantTask };
await selectBackend();
const def = await loadReproduction(root, id);
const result = await runVariant(def, task, (line) => process.stderr.write(`${line}\n`));
writeFileSync(resultFile, JSON.stringify(result));
