import test from 'ava';
import { inflateSync } from 'node:zlib';
import { encodeGrayPng, imageGridChart } from '../../src/charts/index.js';
import { assertValidChart, countMarks, dataRows } from './helpers.js';

function decodeGray(png: Buffer): { width: number; height: number; pixels: number[] } {
  t0(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
  let off = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('ascii', off + 4, off + 8);
    const data = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(data);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.push(raw[y * (width + 1) + 1 + x]);
  return { width, height, pixels };
}
function t0(ok: boolean) {
  if (!ok) throw new Error('bad PNG signature');
}

test('PNG encoder: grayscale bytes, nearest-neighbour upscale, clamping', (t) => {
  const png = encodeGrayPng([0, 0.5, 1, 2, -1, Number.NaN], 3, 2, 2);
  const img = decodeGray(png);
  t.is(img.width, 6);
  t.is(img.height, 4);
  t.deepEqual(img.pixels.slice(0, 6), [0, 0, 128, 128, 255, 255]);
  t.deepEqual(img.pixels.slice(12, 18), [255, 255, 0, 0, 0, 0]);
});

test('image grid: one image mark per valid image with labels, inline PNG data URLs', async (t) => {
  const images = Array.from({ length: 10 }, (_, k) => ({
    label: `digit ${k}`,
    width: 28,
    height: 28,
    pixels: Array.from({ length: 784 }, (_, i) => ((i * (k + 1)) % 97) / 96),
  }));
  images.push({ label: 'bad', width: 0, height: 28, pixels: [] });
  const spec = imageGridChart({ title: 'samples', images, columns: 5 });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'image'), 10);
  t.regex(svg, /digit 9/);
  t.regex(svg, /xlink:href="data:image\/png;base64,/);
  const rows = dataRows(spec)[0] as { url: string }[];
  t.is(rows.length, 10);
  t.true(rows.every((r) => r.url.startsWith('data:image/png;base64,')));
  t.true((spec.width as number) <= 440);
  t.true(JSON.stringify(spec).length < 100_000, 'small enough to embed');
});

test('default columns and non-square images', async (t) => {
  const spec = imageGridChart({
    title: 'wide',
    images: [{ label: 'a', width: 4, height: 2, pixels: [0, 1, 0, 1, 1, 0, 1, 0] }],
  });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'image'), 1);
});
