/**
 * Loaders for the real data that `dvc repro datasets` extracts from pinned PyPI packages
 * (datasets/extract.py): the 8x8 digits and a few scikit-image sample images. Every file is
 * checked against the sha256 in datasets/out/MANIFEST.json before it is used, so a stale or
 * corrupt extraction fails loudly instead of silently changing a result.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DATASETS_OUT = path.join('datasets', 'out');
const REBUILD = 'run `dvc repro datasets` (or `.venv/bin/python datasets/extract.py`)';

export class DatasetError extends Error {
  override name = 'DatasetError';
}

export interface ManifestEntry {
  source: { package: string; version: string; path: string; sha256: string };
  sha256: string;
  format: string;
  shape: number[];
  licence: string;
  origin: string;
  transform?: string;
}

export interface Manifest { generator: string; files: Record<string, ManifestEntry> }

export interface Digits {
  /** One row-major 8x8 image per entry, integer pixel values in 0..16. */
  images: number[][];
  labels: number[];
}

export interface SampleImage {
  name: string;
  width: number;
  height: number;
  /** Row-major grayscale in [0, 1]. */
  pixels: Float32Array;
  licence: string;
  origin: string;
}

function outDir(root: string): string {
  return path.join(root, DATASETS_OUT);
}

export function loadManifest(root: string): Manifest {
  const file = path.join(outDir(root), 'MANIFEST.json');
  if (!existsSync(file)) throw new DatasetError(`${file} is missing: the real datasets have not been extracted; ${REBUILD}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch (e) {
    throw new DatasetError(`${file} is not valid JSON (${(e as Error).message}); ${REBUILD}`);
  }
  if (!manifest || typeof manifest.files !== 'object') throw new DatasetError(`${file} has no "files" table; ${REBUILD}`);
  return manifest;
}

/** The bytes of one extracted file, after checking them against the manifest's sha256. */
function readChecked(root: string, manifest: Manifest, rel: string): Buffer {
  const entry = manifest.files[rel];
  const file = path.join(outDir(root), rel);
  if (!entry) throw new DatasetError(`${file} is not listed in MANIFEST.json; ${REBUILD}`);
  if (!existsSync(file)) throw new DatasetError(`${file} is missing; ${REBUILD}`);
  const bytes = readFileSync(file);
  const got = createHash('sha256').update(bytes).digest('hex');
  if (got !== entry.sha256) {
    throw new DatasetError(`${file} is corrupt or stale: sha256 ${got}, MANIFEST.json says ${entry.sha256}; ${REBUILD}`);
  }
  return bytes;
}

export function loadDigits(root: string): Digits {
  const manifest = loadManifest(root);
  const rel = 'digits.json';
  const data = JSON.parse(readChecked(root, manifest, rel).toString('utf8')) as Digits;
  const [count] = manifest.files[rel].shape;
  if (data.images.length !== count || data.labels.length !== count || data.images.some((im) => im.length !== 64)) {
    throw new DatasetError(`${path.join(outDir(root), rel)}: expected ${count} images of 64 pixels and as many labels; ${REBUILD}`);
  }
  return data;
}

/** Every extracted sample image (or only `names`), sorted by name. */
export function loadSampleImages(root: string, names?: readonly string[]): SampleImage[] {
  const manifest = loadManifest(root);
  const available = Object.keys(manifest.files)
    .filter((rel) => rel.startsWith('images/') && rel.endsWith('.f32'))
    .map((rel) => path.basename(rel, '.f32'))
    .sort();
  const wanted = names ?? available;
  const unknown = wanted.filter((n) => !available.includes(n));
  if (unknown.length) throw new DatasetError(`sample image(s) ${unknown.join(', ')} not in MANIFEST.json (available: ${available.join(', ')})`);
  return [...wanted].sort().map((name) => {
    const rel = `images/${name}.f32`;
    const entry = manifest.files[rel];
    const bytes = readChecked(root, manifest, rel);
    const [height, width] = entry.shape;
    if (bytes.length !== 4 * width * height) {
      throw new DatasetError(`${path.join(outDir(root), rel)}: ${bytes.length} bytes for a ${height}x${width} float32 image; ${REBUILD}`);
    }
    // Copy into an aligned buffer: a Buffer from readFileSync may sit at any byte offset.
    const pixels = new Float32Array(width * height);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < pixels.length; i++) pixels[i] = view.getFloat32(4 * i, true);
    return { name, width, height, pixels, licence: entry.licence, origin: entry.origin };
  });
}
