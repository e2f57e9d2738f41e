/**
 * Peak resident memory of a command. With GNU time (`/usr/bin/time -v`): its "Maximum resident set
 * size", which on Linux is the largest peak of any single process in the command's tree (the
 * command and every descendant it waited for; not their sum). Without it: /proc is polled every
 * 50 ms for the command and its descendants, and the largest VmHWM seen is kept (a process that
 * lives less than one poll can be missed).
 */
import { execa } from 'execa';
import { readFileSync, readdirSync } from 'node:fs';
import { GNU_TIME, haveFile } from './paths.js';

export interface RssRun {
  exitCode: number;
  seconds: number;
  peakRssMb: number | null;
  method: string;
  /** Last lines of stderr when the command failed. */
  tail: string;
}

export const RSS_METHOD_TIME = '/usr/bin/time -v: max RSS of the largest single process in the tree';
export const RSS_METHOD_PROC = '/proc polling (50 ms): largest VmHWM of the process and its descendants';

/** "Maximum resident set size (kbytes): N" from `time -v` output, in kB (pure). */
export function parseMaxRssKb(text: string): number | null {
  const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
  return m ? Number(m[1]) : null;
}

/** "VmHWM: N kB" from /proc/<pid>/status text, in kB (pure). */
export function parseVmHwmKb(status: string): number | null {
  const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

export async function measurePeakRss(command: string, args: string[], cwd: string): Promise<RssRun> {
  const t0 = performance.now();
  if (haveFile(GNU_TIME)) {
    const r = await execa(GNU_TIME, ['-v', command, ...args], { cwd, reject: false, timeout: 1_800_000 });
    const stderr = String(r.stderr);
    const kb = parseMaxRssKb(stderr);
    return {
      exitCode: r.exitCode ?? 1,
      seconds: (performance.now() - t0) / 1000,
      peakRssMb: kb === null ? null : kb / 1024,
      method: RSS_METHOD_TIME,
      tail: r.exitCode === 0 ? '' : lastLines(stderr.split(/\n\s*Command being timed:/)[0]),
    };
  }
  const child = execa(command, args, { cwd, reject: false, timeout: 1_800_000 });
  let peakKb = 0;
  const poll = setInterval(() => {
    if (child.pid !== undefined) peakKb = Math.max(peakKb, treePeakKb(child.pid));
  }, 50);
  try {
    const r = await child;
    return {
      exitCode: r.exitCode ?? 1,
      seconds: (performance.now() - t0) / 1000,
      peakRssMb: peakKb > 0 ? peakKb / 1024 : null,
      method: RSS_METHOD_PROC,
      tail: r.exitCode === 0 ? '' : lastLines(String(r.stderr)),
    };
  } finally {
    clearInterval(poll);
  }
}

function treePeakKb(pid: number): number {
  let peak = 0;
  try {
    peak = parseVmHwmKb(readFileSync(`/proc/${pid}/status`, 'utf8')) ?? 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim();
      for (const c of children ? children.split(/\s+/) : []) peak = Math.max(peak, treePeakKb(Number(c)));
    }
  } catch {
    // The process ended between reads.
  }
  return peak;
}

function lastLines(text: string, n = 3): string {
  return text.trim().split('\n').slice(-n).join(' | ');
}
