/**
 * Keeps `npm start`'s processes and servers together: every child runs in its own process group
 * so stopping reaches its children too (wxt's build workers, Chromium's helpers), and a stop comes
 * from SIGINT, SIGTERM, SIGHUP or the parent going away. The last matters under `npm start`:
 * npm forwards a SIGTERM only to the shell it ran the script in, which dies without passing it
 * on, so this process learns of it only by being re-parented.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';

const PARENT_POLL_MS = 250;
/** How long children get to exit on SIGTERM before SIGKILL. */
const CHILD_GRACE_MS = 3000;

const running = (child: ChildProcess) => child.pid !== undefined && child.exitCode === null && child.signalCode === null;

/** Sends `signal` to a child's whole process group (its leader may have exited already); false when none is left. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** The children and servers of one `npm start`, and its stop. */
export class Supervisor {
  private readonly children = new Set<ChildProcess>();
  private readonly closers: Array<() => Promise<unknown>> = [];
  private stopping: Promise<void> | null = null;

  /** True once a stop began: starting steps check it and stop what they just started. */
  get stopped(): boolean {
    return this.stopping !== null;
  }

  /**
   * Calls `onStop(reason)` once on SIGINT, SIGTERM, SIGHUP or when the parent process goes away;
   * a second signal while stopping kills the children at once and exits.
   */
  watch(onStop: (reason: string) => void): void {
    const once = (reason: string) => {
      if (this.stopping) {
        for (const child of this.children) if (running(child)) signalGroup(child, 'SIGKILL');
        process.exit(1);
      }
      onStop(reason);
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => once(signal));
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent && !this.stopping) once('parent exited');
    }, PARENT_POLL_MS).unref();
    // Last resort (an error path calling process.exit): never leave a child group behind.
    process.on('exit', () => {
      for (const child of this.children) if (running(child)) signalGroup(child, 'SIGKILL');
    });
  }

  /** Spawns a supervised child in its own process group. */
  spawn(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
    const child = spawn(command, args, { ...options, detached: process.platform !== 'win32' });
    this.children.add(child);
    child.on('exit', () => {
      // A worker that outlived its group leader would be an orphan: end the group with it.
      signalGroup(child, 'SIGKILL');
      this.children.delete(child);
    });
    child.on('error', () => this.children.delete(child));
    return child;
  }

  /** Registers how to close a server (or anything else) on stop; closes it at once when already stopping. */
  adopt(close: () => Promise<unknown>): void {
    if (this.stopping) void close().catch(() => undefined);
    else this.closers.push(close);
  }

  /** Stops every child group (SIGTERM, SIGKILL after a grace period) and closes every server. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= Promise.allSettled([...[...this.children].map((c) => this.stopChild(c)), ...this.closers.map((close) => close())]).then(() => undefined);
    return this.stopping;
  }

  private stopChild(child: ChildProcess): Promise<void> {
    return new Promise((resolve) => {
      if (!running(child) || !signalGroup(child, 'SIGTERM')) return resolve();
      const timer = setTimeout(() => {
        signalGroup(child, 'SIGKILL');
        resolve();
      }, CHILD_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
