import test from 'ava';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetError, loadDigits, loadManifest, loadSampleImages } from '../real.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const PYTHON = path.join(REPO, '.venv', 'bin', 'python');
const EXTRACT = path.join(REPO, 'datasets', 'extract.py');

/** Runs the extractor into a fresh temp root (its own datasets/out), as `dvc repro datasets` would. */
function extractInto(): string {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: run \`make setup\` first`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'datasets-'));
  execFileSync(PYTHON, [EXTRACT, '--out', path.join(root, 'datasets', 'out')], { stdio: 'pipe' });
  return root;
}

let shared: string | null = null;
const root = () => (shared ??= extractInto());

test('digits: 1797 images of 8x8 integers in 0..16 with labels 0..9', (t) => {
  const digits = loadDigits(root());
  t.is(digits.images.length, 1797);
  t.is(digits.labels.length, 1797);
  t.true(digits.images.every((im) => im.length === 64 && im.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)));
  t.deepEqual([...new Set(digits.labels)].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // The first row of sklearn's digits.csv.gz is a zero.
  t.is(digits.labels[0], 0);
  t.deepEqual(digits.images[0].slice(0, 8), [0, 0, 5, 13, 9, 1, 0, 0]);
});

test('sample images: 128x128 grayscale in [0, 1], each with its licence and origin', (t) => {
  const images = loadSampleImages(root());
  t.deepEqual(images.map((im) => im.name), ['astronaut', 'brick', 'camera', 'coins', 'grass', 'gravel', 'text']);
  for (const im of images) {
    t.is(im.width, 128);
    t.is(im.height, 128);
    t.is(im.pixels.length, 128 * 128);
    t.true(im.pixels.every((v) => v >= 0 && v <= 1), im.name);
    t.true(im.licence.length > 3 && im.origin.length > 3, im.name);
    // Not constant: real content.
    const mean = im.pixels.reduce((s, v) => s + v, 0) / im.pixels.length;
    const variance = im.pixels.reduce((s, v) => s + (v - mean) ** 2, 0) / im.pixels.length;
    t.true(variance > 1e-3, `${im.name} has variance ${variance}`);
  }
  t.deepEqual(loadSampleImages(root(), ['camera']).map((im) => im.name), ['camera']);
});

test('the manifest records source package, version, path and both hashes', (t) => {
  const manifest = loadManifest(root());
  const camera = manifest.files['images/camera.f32'];
  t.is(camera.source.package, 'scikit-image');
  t.is(camera.source.path, 'skimage/data/camera.png');
  t.regex(camera.source.version, /^\d+\.\d+/);
  t.regex(camera.source.sha256, /^[0-9a-f]{64}$/);
  const bytes = readFileSync(path.join(root(), 'datasets', 'out', 'images', 'camera.f32'));
  t.is(createHash('sha256').update(bytes).digest('hex'), camera.sha256);
  t.is(manifest.files['digits.json'].source.package, 'scikit-learn');
});

test('extraction is byte-for-byte deterministic', (t) => {
  const again = extractInto();
  try {
    const a = loadManifest(root());
    const b = loadManifest(again);
    t.deepEqual(Object.fromEntries(Object.entries(b.files).map(([k, v]) => [k, v.sha256])), Object.fromEntries(Object.entries(a.files).map(([k, v]) => [k, v.sha256])));
  } finally {
    rmSync(again, { recursive: true, force: true });
  }
});

test('a missing extraction names the file and `dvc repro datasets`', (t) => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'datasets-empty-'));
  const error = t.throws(() => loadDigits(empty), { instanceOf: DatasetError });
  t.regex(error!.message, /MANIFEST\.json is missing/);
  t.regex(error!.message, /dvc repro datasets/);
});

test('a corrupt file is refused with its path and the expected hash', (t) => {
  const broken = extractInto();
  try {
    const file = path.join(broken, 'datasets', 'out', 'images', 'coins.f32');
    const bytes = readFileSync(file);
    bytes[100] ^= 0xff;
    writeFileSync(file, bytes);
    const error = t.throws(() => loadSampleImages(broken), { instanceOf: DatasetError });
    t.true(error!.message.includes(file));
    t.regex(error!.message, /corrupt or stale/);
    t.regex(error!.message, /dvc repro datasets/);
    t.notThrows(() => loadSampleImages(broken, ['camera']));
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});

test('the extractor refuses a source whose sha256 differs from its pin', (t) => {
  // Run the extractor's own check on a tampered copy of its pin table.
  const script = readFileSync(EXTRACT, 'utf8').replace('b0793d2adda0fa6ae899c03989482bff9a42d3d5690fc7e3648f2795d730c23a', '0'.repeat(64));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'datasets-pin-'));
  const tampered = path.join(dir, 'extract.py');
  writeFileSync(tampered, script);
  const error = t.throws(() => execFileSync(PYTHON, [tampered, '--out', path.join(dir, 'out')], { stdio: 'pipe' })) as Error & { stderr: Buffer; status: number };
  t.is(error.status, 1);
  t.regex(error.stderr.toString(), /sha256 of skimage\/data\/camera\.png .* but the pinned value is 0{64}/);
});
