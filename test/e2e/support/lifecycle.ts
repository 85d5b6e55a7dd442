/**
 * How the e2e stacks (harness.ts) start and stop: once per file (`forFile`), their parts side by
 * side (`startTogether`, `closeTogether`), and a free port for parts that must name each other
 * before they start.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';

/** Anything a file starts once and closes at its end. */
export interface Closable {
  close(): Promise<void>;
}

/**
 * Starts `start()` in this file's beforeAll and closes what it started in afterAll. The returned
 * object stands for the started value; reading it before beforeAll ran throws.
 */
export function forFile<T extends Closable>(start: () => Promise<T>): T {
  let started: T | undefined;
  beforeAll(async () => {
    started = await start();
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as T, {
    get(_, key) {
      if (!started) throw new Error(`the e2e stack was used before its beforeAll started it (reading ${String(key)})`);
      const value = (started as Record<PropertyKey, unknown>)[key];
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

/** Closes every part side by side, all of them even when one fails; rethrows the first failure. */
export async function closeTogether(parts: ReadonlyArray<Closable | undefined>): Promise<void> {
  const results = await Promise.allSettled(parts.map((p) => p?.close()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Starts every part side by side; when one fails, closes the others and rethrows. */
export async function startTogether<T extends readonly unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(starts);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
  await closeTogether(results.map((r) => (r.status === 'fulfilled' ? (r.value as Closable | undefined) : undefined)).filter((v) => typeof v?.close === 'function'));
  throw failed.reason;
}

/** A free TCP port on 127.0.0.1 (asked of the OS), so parts that must name each other can start together. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => ok(port));
    });
  });
}
