/** First line of an error's message, trimmed to `max` characters, for a one-line note. */
export function shortError(err: unknown, max = 200): string {
  const msg = err instanceof Error ? err.message : String(err);
  let line = (msg.split('\n').find((l) => l.trim() !== '') ?? msg).trim();
  const missing = /\(tfjs_binding\.node\) can not be found at path: (\S+?)\.?(\s|$)/.exec(msg);
  if (missing) line = `tfjs_binding.node not found at ${missing[1]}`;
  if (missing || /libtensorflow/.test(msg)) line += ' (run scripts/setup-native.sh)';
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/**
 * Runs `fn` while capturing console.warn: tfjs reports a failed backend initialisation with a
 * warning and a `false` result instead of throwing, and we want that text in the error.
 */
export async function captureWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  try {
    return { value: await fn(), warnings };
  } finally {
    console.warn = original;
  }
}
