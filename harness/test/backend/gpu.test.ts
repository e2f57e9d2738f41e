import test from 'ava';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nvidiaGpus } from '../../src/backend/gpu.js';

test('the GPUs are the entries of the driver folder, sorted; no driver folder means none', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gpus-'));
  for (const id of ['0000:41:00.0', '0000:01:00.0']) mkdirSync(path.join(dir, id));
  t.deepEqual(nvidiaGpus(dir), ['0000:01:00.0', '0000:41:00.0']);
  t.deepEqual(nvidiaGpus(path.join(dir, 'absent')), []);
});
