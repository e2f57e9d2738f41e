const [srcRoot, results, out] = process.argv.slice(2);
const { buildReport } = await import(`${srcRoot}/harness/src/report/index.js`);
await buildReport({ resultsDir: results, outDir: out, dvcLockPath: '/nonexistent.lock', repoRoot: process.cwd() });
