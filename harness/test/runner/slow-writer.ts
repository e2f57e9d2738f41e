/** Test helper: rewrites a results directory slowly, so a test can kill it midway. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { replaceDirectory } from '../../src/runner/atomic.js';

const dir = process.argv[2];
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
replaceDirectory(dir, (tmp) => {
  for (const name of ['a.json', 'b.json', 'c.json']) {
    writeFileSync(path.join(tmp, name), `new-${name}`);
    sleep(60);
  }
});
