/**
 * A run must not outlive whoever started it. When the parent dies without a chance to clean up
 * (SIGKILL), this process is re-parented; the watchdog notices and takes its process group down
 * (itself and any workers), so no orphan keeps computing or holds the parent's output pipes open.
 */
export function exitWithParent(options: { killGroup: boolean }): void {
  // The parent's pid comes from the environment: read from process.ppid at start-up, it would
  // already be 1 if the parent died while this process was still loading its modules.
  const parent = Number(process.env.REPRO_PARENT_PID) || process.ppid;
  setInterval(() => {
    if (process.ppid === parent) return;
    try {
      if (options.killGroup) process.kill(-process.pid, 'SIGKILL');
    } catch {
      // Not a group leader, or the group is gone: exiting is enough.
    }
    process.exit(137);
  }, 500).unref();
}
