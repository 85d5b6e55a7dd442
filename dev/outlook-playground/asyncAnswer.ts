/**
 * How the playground's fake office.js answers an `*Async` call: an Office.js AsyncResult on a
 * later task (never synchronously), failures as Office-style errors, and Outlook on the web's
 * limit of simultaneous calls.
 */

/** An Office.js AsyncResult. */
export interface FakeAsyncResult<T> {
  status: 'succeeded' | 'failed';
  value: T;
  error?: { name: string; message: string; code: number };
  asyncContext?: unknown;
}
export type Callback<T> = (result: FakeAsyncResult<T>) => void;

/**
 * Simultaneous async calls Outlook on the web, new Outlook and mobile allow ("Limits for
 * activation and JavaScript API for Outlook add-ins": 3 calls).
 */
export const MAX_CONCURRENT_CALLS = 3;
/** The error such a host answers a call beyond the limit with (as reported from Outlook, office-js #3274). */
export const CONCURRENCY_ERROR = { name: 'API Call Failed', message: 'Wait until the previous call completes.', code: 5100 } as const;

/** Splits Office's optional `(options?, callback?)` tail. */
export function tail(args: unknown[]): { options: Record<string, unknown>; callback: ((r: never) => void) | undefined } {
  const callback = args.find((a) => typeof a === 'function') as ((r: never) => void) | undefined;
  const options = (args.find((a) => a !== null && typeof a === 'object') as Record<string, unknown> | undefined) ?? {};
  return { options, callback };
}

/** Counts the calls in flight in one frame (from the call until its callback runs). */
export interface CallGate {
  inFlight: number;
}

/**
 * Answers on a later task (`delayMs` later), like office.js (callers must never rely on synchronous answers). A
 * call while {@link MAX_CONCURRENT_CALLS} are in flight fails with {@link CONCURRENCY_ERROR} and
 * `run` is not called.
 */
export function answerIn<T>(gate: CallGate, args: unknown[], run: () => T, delayMs = 0): void {
  const { options, callback } = tail(args);
  if (gate.inFlight >= MAX_CONCURRENT_CALLS) {
    const refused: FakeAsyncResult<T> = { status: 'failed', value: undefined as T, error: { ...CONCURRENCY_ERROR }, asyncContext: options.asyncContext };
    setTimeout(() => (callback as Callback<T> | undefined)?.(refused), 0);
    return;
  }
  gate.inFlight++;
  let result: FakeAsyncResult<T>;
  try {
    result = { status: 'succeeded', value: run(), asyncContext: options.asyncContext };
  } catch (error) {
    const e = error as { name?: string; message?: string; code?: number };
    result = {
      status: 'failed',
      value: undefined as T,
      error: { name: e.name && e.name !== 'Error' ? e.name : 'GenericResponseError', message: e.message ?? String(error), code: e.code ?? 9020 },
      asyncContext: options.asyncContext,
    };
  }
  setTimeout(() => {
    gate.inFlight--;
    (callback as Callback<T> | undefined)?.(result);
  }, delayMs);
}

/** An Office-style error to throw inside {@link answerIn}. */
export function officeError(name: string, message: string, code: number): Error {
  return Object.assign(new Error(message), { name, code });
}
