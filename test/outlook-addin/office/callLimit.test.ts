import { describe, expect, it } from 'vitest';
import { createCallLimit, OFFICE_MAX_CONCURRENT_CALLS } from '../../../outlook-addin/office/callLimit';

/** A promise settled from outside. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('createCallLimit', () => {
  it("Outlook's limit is 3", () => expect(OFFICE_MAX_CONCURRENT_CALLS).toBe(3));

  it('runs at most max tasks at once and starts the rest in arrival order as places free up', async () => {
    const limit = createCallLimit(3);
    const gates = Array.from({ length: 7 }, () => deferred<number>());
    const started: number[] = [];
    let peak = 0;
    const results = gates.map((g, i) =>
      limit.run(() => {
        started.push(i);
        peak = Math.max(peak, limit.running);
        return g.promise;
      }),
    );
    const firstOutcome = results[0]!.catch((error: Error) => error.message);
    expect(started).toEqual([0, 1, 2]);
    expect(limit.waiting).toBe(4);
    gates[1]!.resolve(1);
    await tick();
    expect(started).toEqual([0, 1, 2, 3]);
    gates[0]!.reject(new Error('zero failed'));
    gates[2]!.resolve(2);
    await tick();
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [i, g] of gates.entries()) g.resolve(i);
    expect(await firstOutcome).toBe('zero failed');
    expect(await Promise.all(results.slice(1))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(3);
    expect(limit.running).toBe(0);
    expect(limit.waiting).toBe(0);
  });

  it('a task that throws synchronously rejects and frees its place', async () => {
    const limit = createCallLimit(1);
    await expect(
      limit.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await limit.run(async () => 'next')).toBe('next');
    expect(limit.running).toBe(0);
  });

  it('refuses a limit below 1', () => {
    expect(() => createCallLimit(0)).toThrow(/max must be an integer >= 1, got 0/);
    expect(() => createCallLimit(1.5)).toThrow(RangeError);
  });
});
