/**
 * eslint.config.js enforces the import boundaries: a paper reaches the harness only through
 * package.json's `imports` (#harness...), and the engine never imports a paper or the benchmark.
 * Checked here on sources that break them, so a config edit cannot silently turn the rule off.
 */
import test from 'ava';
import { ESLint } from 'eslint';
import path from 'node:path';
import { ROOT } from '../pipeline/clone.js';

const eslint = new ESLint({ cwd: ROOT });

async function errors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

test('a paper that imports harness/src by a relative path fails the linter', async (t) => {
  t.deepEqual(await errors('reproductions/some-paper/experiment.ts', "import { createRng } from '../../harness/src/random.js';\nexport const r = createRng;\n"), ['no-restricted-imports']);
  t.deepEqual(await errors('reproductions/some-paper/test/a.test.ts', "import { runTiny } from '../../../harness/test/helpers/tiny-run.js';\nexport const r = runTiny;\n"), ['no-restricted-imports']);
  t.deepEqual(await errors('reproductions/some-paper/a.ts', "import { x } from '../other-paper/x.js';\nexport const r = x;\n"), ['no-restricted-imports']);
  t.deepEqual(await errors('reproductions/some-paper/a.ts', "export const m = await import('../../bench/lowrank.js');\n"), ['no-restricted-syntax']);
});

test('a paper importing through #harness and its own folder passes', async (t) => {
  const code = "import { createRng } from '#harness/random';\nimport { claim } from '#harness';\nimport { p } from '../params.js';\nexport const r = [createRng, claim, p];\n";
  t.deepEqual(await errors('reproductions/some-paper/test/a.test.ts', code), []);
});

test('the engine importing a paper or the benchmark fails the linter', async (t) => {
  t.deepEqual(await errors('harness/src/runner/a.ts', "import { p } from '../../../reproductions/x/params.js';\nexport const r = p;\n"), ['no-restricted-imports']);
  t.deepEqual(await errors('harness/src/runner/a.ts', "import { t } from '../../../bench/timing.js';\nexport const r = t;\n"), ['no-restricted-imports']);
});
