/**
 * A minimal PNG encoder for grayscale images (8-bit, no interlace), so image grids need
 * no canvas: the result is a `data:image/png;base64,...` URL.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Map a value in [0, 1] to a byte; non-finite values become 0 (black). */
function toByte(v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 0;
  return Math.round(Math.min(1, Math.max(0, v)) * 255);
}

/**
 * Encode row-major grayscale `pixels` (values in [0, 1], width `width`) as a PNG,
 * upscaled by an integer `scale` with nearest-neighbour so that browsers don't blur it.
 */
export function encodeGrayPng(pixels: readonly number[], width: number, height: number, scale = 1): Buffer {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));
  const s = Math.max(1, Math.floor(scale));
  const W = w * s;
  const H = h * s;
  const raw = new Uint8Array(H * (W + 1));
  for (let Y = 0; Y < H; Y++) {
    const row = Y * (W + 1);
    raw[row] = 0; // filter: none
    const srcRow = Math.floor(Y / s) * w;
    for (let X = 0; X < W; X++) raw[row + 1 + X] = toByte(pixels[srcRow + Math.floor(X / s)]);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(W, 0);
  ihdr.writeUInt32BE(H, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // colour type: grayscale
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function grayPngDataUrl(pixels: readonly number[], width: number, height: number, scale = 1): string {
  return `data:image/png;base64,${encodeGrayPng(pixels, width, height, scale).toString('base64')}`;
}
