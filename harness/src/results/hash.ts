/** The sha256 a run records for its verdicts.json, and `repro verify` checks. */
import { createHash } from 'node:crypto';

export const sha256Hex = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
