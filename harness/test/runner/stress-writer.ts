/** Test helper: swaps a results directory in `times` times as fast as it can; exits 1 on any error. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { replaceDirectory } from '../../src/runner/atomic.js';

const [dir, times] = process.argv.slice(2);
for (let i = 0; i < Number(times); i++) {
  replaceDirectory(dir, (tmp) => {
    writeFileSync(path.join(tmp, 'verdicts.json'), JSON.stringify({ writer: process.pid, i }));
    writeFileSync(path.join(tmp, 'metrics.json'), JSON.stringify({ writer: process.pid, i }));
  });
}
