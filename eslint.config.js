// ESLint (flat config): the import boundaries of the code base, and a few cheap correctness rules.
//  - A paper (reproductions/<id>/) reaches the harness, the datasets and the test helpers only
//    through the `#harness...` / `#datasets/...` specifiers of package.json's `imports`: no
//    relative path out of its own folder (into harness/, bench/, datasets/ or another paper).
//  - The engine (harness/src/) never imports a paper or the benchmark.
// Formatting is not linted (no Prettier yet: reformatting the whole tree is a change of its own).
import tseslint from 'typescript-eslint';

/** `^(\.\./){n}`: a relative specifier that climbs n folders. */
const climbs = (n) => `^(\\.\\./){${n}}`;

/** An `import('...')` whose literal specifier matches `regex` (no-restricted-imports sees static imports only). */
const dynamicImport = (regex) => `ImportExpression > Literal[value=/${regex.replaceAll('/', '\\u002F')}/]`;

const PAPER_MESSAGE = "a paper imports the harness, the datasets and the test helpers through package.json's `imports` " +
  '(#harness, #harness/random, #harness/tf, #harness/linalg, #harness/stats, #harness/charts, #harness/types, #harness/params, ' +
  '#harness/timing, #harness/pin-threads, #harness/testing, #datasets/real, #datasets/ct), never by a path out of its folder';

/** For files `depth` folders below reproductions/<id>/: a relative import that leaves the paper's folder. */
function paperBoundary(depth) {
  const regex = climbs(depth + 1);
  return {
    files: [`reproductions/*/${'*/'.repeat(depth)}*.ts`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex, message: PAPER_MESSAGE }] }],
      'no-restricted-syntax': ['error', { selector: dynamicImport(regex), message: PAPER_MESSAGE }],
    },
  };
}

const ENGINE_MESSAGE = 'harness/src is the engine: it never imports a paper (reproductions/) or the benchmark (bench/); they import it';
const ENGINE_REGEX = '(^|/)(reproductions|bench)(/|$)';

export default tseslint.config(
  {
    ignores: [
      'node_modules/', '.venv/', '.cache/', '.dvc/', 'results/', 'reports/', 'datasets/out/', 'harness/native/build/',
      'test-artifacts/', '**/*.d.ts', 'reproductions/*/weights/',
    ],
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-debugger': 'error',
      'no-dupe-else-if': 'error',
      'no-duplicate-case': 'error',
      'no-self-assign': 'error',
      'no-self-compare': 'error',
      'no-unreachable': 'error',
      'no-cond-assign': 'error',
      'no-constant-binary-expression': 'error',
      'no-sparse-arrays': 'error',
      'use-isnan': 'error',
      'valid-typeof': 'error',
      '@typescript-eslint/no-duplicate-enum-values': 'error',
      '@typescript-eslint/no-misused-new': 'error',
      '@typescript-eslint/prefer-as-const': 'error',
    },
  },
  paperBoundary(0),
  paperBoundary(1),
  paperBoundary(2),
  paperBoundary(3),
  {
    files: ['harness/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: ENGINE_REGEX, message: ENGINE_MESSAGE }] }],
      'no-restricted-syntax': ['error', { selector: dynamicImport(ENGINE_REGEX), message: ENGINE_MESSAGE }],
    },
  },
);
