/**
 * An office-addin-mock seed for an Outlook appointment in compose mode. office-addin-mock does
 * not run async callbacks: every `...Async` here calls its callback itself, asynchronously (as
 * Outlook does), with `{ status, value }`. State lives in `state` so tests can inspect and change it.
 */
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeLike } from '../../../outlook-addin/office';

/** The mailbox and item state behind the mock. */
export interface SeedState {
  subject: string;
  start: Date;
  end: Date;
  required: Array<{ emailAddress: string; displayName: string }>;
  optional: Array<{ emailAddress: string; displayName: string }>;
  body: string;
  recurrence: unknown;
  session: Map<string, string>;
  roaming: Map<string, unknown>;
  saved: number;
  /** Body writes to refuse before succeeding (to test the retry). */
  failWrites: number;
  bodyWrites: string[];
  handlers: Map<string, () => void>;
  /** Highest Mailbox minor version supported: 13 means Mailbox 1.13. */
  mailboxVersion: number;
  timeZone: string;
}

export function seedState(over: Partial<SeedState> = {}): SeedState {
  return {
    subject: 'Planning <b>&</b>',
    start: new Date(Date.UTC(2026, 2, 10, 8, 0)),
    end: new Date(Date.UTC(2026, 2, 10, 9, 0)),
    required: [{ emailAddress: 'ana@example.com', displayName: 'Ana Lima' }],
    optional: [{ emailAddress: 'bo@example.com', displayName: '' }],
    body: '<html><body><p>Hi</p></body></html>',
    recurrence: null,
    session: new Map(),
    roaming: new Map(),
    saved: 0,
    failWrites: 0,
    bodyWrites: [],
    handlers: new Map(),
    mailboxVersion: 13,
    timeZone: 'W. Europe Standard Time',
    ...over,
  };
}

const later = (fn: () => void): void => void setTimeout(fn, 0);
const ok = <T>(cb: (r: { status: string; value: T }) => void, value: T): void => later(() => cb({ status: 'succeeded', value }));
const fail = (cb: (r: unknown) => void, message: string): void => later(() => cb({ status: 'failed', value: undefined, error: { code: 9000, message } }));

/** An OfficeMockObject playing Outlook over `state`. */
export function mockOffice(state: SeedState): OfficeLike {
  const getter = <T>(read: () => T) => ({ getAsync: (cb: (r: { status: string; value: T }) => void) => ok(cb, read()) });
  const seed = {
    host: 'outlook',
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: { AppointmentTimeChanged: 'olkAppointmentTimeChanged', RecipientsChanged: 'olkRecipientsChanged', RecurrenceChanged: 'olkRecurrenceChanged' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      displayLanguage: 'en-GB',
      requirements: { isSetSupported: (name: string, v: string) => name === 'Mailbox' && Number(v.split('.')[1] ?? 0) <= state.mailboxVersion },
      roamingSettings: {
        get: (k: string) => state.roaming.get(k),
        set: (k: string, v: unknown) => void state.roaming.set(k, v),
        saveAsync: (cb: (r: unknown) => void) => {
          state.saved++;
          ok(cb, undefined);
        },
      },
      mailbox: {
        userProfile: { timeZone: state.timeZone },
        item: {
          subject: getter(() => state.subject),
          start: getter(() => state.start),
          end: getter(() => state.end),
          requiredAttendees: getter(() => state.required),
          optionalAttendees: getter(() => state.optional),
          recurrence: getter(() => state.recurrence),
          body: {
            getAsync: (type: string, cb: (r: unknown) => void) => (type === 'html' ? ok(cb, state.body) : fail(cb, `coercion ${type}`)),
            setAsync: (data: string, opts: { coercionType: string }, cb: (r: unknown) => void) => {
              if (opts?.coercionType !== 'html') return fail(cb, 'expected html coercion');
              if (state.failWrites > 0) {
                state.failWrites--;
                return fail(cb, 'body busy');
              }
              state.body = data;
              state.bodyWrites.push(data);
              ok(cb, undefined);
            },
          },
          sessionData: {
            getAsync: (k: string, cb: (r: unknown) => void) => (state.session.has(k) ? ok(cb, state.session.get(k)) : fail(cb, 'not found')),
            setAsync: (k: string, v: string, cb: (r: unknown) => void) => {
              state.session.set(k, v);
              ok(cb, undefined);
            },
            removeAsync: (k: string, cb: (r: unknown) => void) => {
              state.session.delete(k);
              ok(cb, undefined);
            },
          },
          addHandlerAsync: (type: string, handler: () => void, cb: (r: unknown) => void) => {
            state.handlers.set(type, handler);
            ok(cb, undefined);
          },
        },
      },
    },
  };
  return new OfficeMockObject(seed) as unknown as OfficeLike;
}
