export * from './kinds/index.js';
export { claim, type ClaimDef, type ControlDef } from './claim.js';
export type { Check, Decision } from './check.js';
export type { Band } from './band.js';
