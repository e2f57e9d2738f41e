/** Facts about the code and machine behind a result, kept out of verdicts.json so that stays byte-stable. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export function gitState(root: string): { rev: string | null; dirty: boolean | null } {
  try {
    const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
    return { rev, dirty: status.trim().length > 0 };
  } catch {
    return { rev: null, dirty: null };
  }
}

export function machine(): { cpu: string; cores: number; memoryGiB: number; platform: string } {
  return {
    cpu: os.cpus()[0]?.model?.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

export function harnessVersions(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return { harness: pkg.version, node: process.versions.node };
}
