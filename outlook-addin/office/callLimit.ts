/**
 * At most N asynchronous Office calls in flight at once. Outlook on the web, new Outlook and
 * mobile refuse a 4th simultaneous `...Async` call (Microsoft's "Limits for activation and
 * JavaScript API for Outlook add-ins": 3 calls; the call fails with 5100 "Wait until the
 * previous call completes."). Calls beyond the limit wait in arrival order until one finishes.
 * Pure: no Office here, only promises.
 */

/** Simultaneous asynchronous calls Outlook on the web, new Outlook and mobile allow. */
export const OFFICE_MAX_CONCURRENT_CALLS = 3;

/** Runs tasks with at most `max` of them started and not yet settled. */
export interface CallLimit {
  /** Starts `task` as soon as fewer than `max` run; settles as `task`'s promise does. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks started and not yet settled. */
  readonly running: number;
  /** Tasks waiting for a place. */
  readonly waiting: number;
}

/** A FIFO limit of `max` (integer >= 1) tasks in flight. */
export function createCallLimit(max: number = OFFICE_MAX_CONCURRENT_CALLS): CallLimit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`createCallLimit: max must be an integer >= 1, got ${String(max)}`);
  let running = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    running--;
    queue.shift()?.();
  };
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          running++;
          let started: Promise<T>;
          try {
            started = Promise.resolve(task());
          } catch (error) {
            started = Promise.reject(error);
          }
          // The place is free before the caller resumes, so its next call starts at once.
          started.then(
            (value) => (next(), resolve(value)),
            (error: unknown) => (next(), reject(error)),
          );
        };
        if (running < max) start();
        else queue.push(start);
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
