/**
 * The thin Office adapter: the only code that touches `Office`. Turns callback APIs into
 * promises, dates into UTC ms and feature-detects what newer requirement sets add, so the task
 * pane and the event handlers work over the plain ItemPort.
 */
import { escapeHtml } from '../../core/invite/escape';
import type { ItemChangeKind, ItemPort } from '../logic/port';
import type { Attendee, MeetingSnapshot } from '../logic/types';
import type { OfficeAsyncResult, OfficeCallback, OfficeEmailAddressDetails, OfficeLike, OfficeRecurrenceValue } from './officeTypes';
import { createCallLimit } from './callLimit';
import type { CallLimit } from './callLimit';
import { toRecurringSeries } from './recurrence';
import { ianaTimeZone } from './timeZones';

/** Outlook's event names, used when `Office.EventType` is absent (older hosts, mocks). */
const EVENT_NAMES: Readonly<Record<ItemChangeKind, [key: string, fallback: string]>> = {
  time: ['AppointmentTimeChanged', 'olkAppointmentTimeChanged'],
  recipients: ['RecipientsChanged', 'olkRecipientsChanged'],
  recurrence: ['RecurrenceChanged', 'olkRecurrenceChanged'],
};

/** Thrown when an Office call reports failure; `code` is Office's error code when given. */
export class OfficeCallError extends Error {
  constructor(
    readonly operation: string,
    readonly code: number | undefined,
    message: string,
  ) {
    super(`${operation} failed: ${message}`);
    this.name = 'OfficeCallError';
  }
}

/**
 * Wraps one `...Async(…, callback)` call in a promise (rejects with OfficeCallError). Not limited:
 * the ItemPort limits its own calls; a caller of this one keeps within Outlook's 3 itself.
 */
export function officeCall<T>(operation: string, start: (callback: OfficeCallback<T>) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      start((result: OfficeAsyncResult<T>) => {
        if (result && result.status === 'succeeded') resolve(result.value);
        else reject(new OfficeCallError(operation, result?.error?.code, result?.error?.message ?? 'unknown error'));
      });
    } catch (error) {
      reject(new OfficeCallError(operation, undefined, error instanceof Error ? error.message : String(error)));
    }
  });
}

/**
 * One limit per Office namespace (one per runtime: task pane, event runtime), shared by every
 * port over it, so concurrent handlers and the pane's heartbeat together stay within Outlook's 3.
 */
const LIMITS = new WeakMap<object, CallLimit>();
function limitFor(office: OfficeLike): CallLimit {
  let limit = LIMITS.get(office);
  if (!limit) LIMITS.set(office, (limit = createCallLimit()));
  return limit;
}

/** A Date (or date string, as some hosts return) as UTC ms; NaN when unusable. */
function toEpochMs(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'string' || typeof value === 'number') return new Date(value).getTime();
  return Number.NaN;
}

function attendeesOf(list: OfficeEmailAddressDetails[] | null | undefined): Attendee[] {
  return (Array.isArray(list) ? list : [])
    .filter((a) => a && typeof a.emailAddress === 'string')
    .map((a) => ({ email: a.emailAddress, name: typeof a.displayName === 'string' && a.displayName.trim() !== '' ? a.displayName : a.emailAddress }));
}

/** Options for {@link createOfficeItemPort}. */
export interface OfficeItemPortOptions {
  /** Locale for the block's times; default `Office.context.displayLanguage`, else "en-GB". */
  locale?: string;
}

/**
 * The ItemPort over `office` (the global `Office`, office-addin-mock, or the playground's fake).
 * Requirement sets: body 1.3, recurrence and change events 1.7, sessionData 1.11; each newer
 * API is feature-detected (isSetSupported and presence), never assumed.
 */
export function createOfficeItemPort(office: OfficeLike, opts: OfficeItemPortOptions = {}): ItemPort {
  // Every async Office call goes through the runtime's limit (at most 3 in flight, callLimit.ts).
  const limit = limitFor(office);
  const call = <T>(operation: string, start: (callback: OfficeCallback<T>) => void): Promise<T> => limit.run(() => officeCall<T>(operation, start));
  const html = office.CoercionType?.Html ?? 'html';
  const supports = (version: string): boolean => {
    try {
      return office.context.requirements?.isSetSupported('Mailbox', version) ?? false;
    } catch {
      return false;
    }
  };
  const item = () => {
    const it = office.context.mailbox.item;
    if (!it) throw new Error('No appointment is open (Office.context.mailbox.item is null).');
    return it;
  };
  const readBody = (): Promise<string> => call<string>('body.getAsync', (cb) => item().body.getAsync(html, cb));
  const writeBody = (value: string): Promise<void> => call<void>('body.setAsync', (cb) => item().body.setAsync(value, { coercionType: html }, cb));

  return {
    async getSnapshot(): Promise<MeetingSnapshot> {
      const it = item();
      const recurrence = it.recurrence && supports('1.7')
        ? call<OfficeRecurrenceValue | null>('recurrence.getAsync', (cb) => it.recurrence?.getAsync(cb)).catch(() => null)
        : Promise.resolve(null);
      const [subject, start, end, required, optional, bodyHtml, rec] = await Promise.all([
        call<string>('subject.getAsync', (cb) => it.subject.getAsync(cb)),
        call<Date>('start.getAsync', (cb) => it.start.getAsync(cb)),
        call<Date>('end.getAsync', (cb) => it.end.getAsync(cb)),
        call<OfficeEmailAddressDetails[]>('requiredAttendees.getAsync', (cb) => it.requiredAttendees.getAsync(cb)),
        call<OfficeEmailAddressDetails[]>('optionalAttendees.getAsync', (cb) => it.optionalAttendees.getAsync(cb)),
        readBody(),
        recurrence,
      ]);
      const mailboxZone = ianaTimeZone(office.context.mailbox.userProfile?.timeZone);
      // A series lives in its own zone (recurrence.recurrenceTimeZone), which may differ from the
      // mailbox's: its occurrences keep their wall time there, so windows, the block's times and
      // the registered series are computed in it (else they drift by an hour across DST changes
      // one zone has and the other has not yet).
      const timeZone = rec ? ianaTimeZone(rec.recurrenceTimeZone?.name, mailboxZone) : mailboxZone;
      const startMs = toEpochMs(start);
      const endMs = toEpochMs(end);
      return {
        subject: typeof subject === 'string' ? subject : '',
        start: startMs,
        end: endMs,
        timeZone,
        locale: opts.locale ?? office.context.displayLanguage ?? 'en-GB',
        attendees: [...attendeesOf(required), ...attendeesOf(optional)],
        recurrence: toRecurringSeries(rec, startMs, endMs, timeZone),
        bodyHtml: typeof bodyHtml === 'string' ? bodyHtml : '',
      };
    },

    async setBodyHtml(value: string): Promise<void> {
      try {
        await writeBody(value);
      } catch {
        // Hosts sometimes refuse a write while the body is busy (e.g. the user is typing): once more.
        await writeBody(value);
      }
    },

    async getSessionData(key: string): Promise<string | null> {
      const data = item().sessionData;
      if (!data || !supports('1.11')) return null;
      try {
        const value = await call<string>('sessionData.getAsync', (cb) => data.getAsync(key, cb));
        return typeof value === 'string' && value !== '' ? value : null;
      } catch {
        return null; // A missing key is reported as an error by Outlook.
      }
    },

    async setSessionData(key: string, value: string): Promise<boolean> {
      const data = item().sessionData;
      if (!data || !supports('1.11')) return false;
      // An empty value clears the key (removeAsync where the host has it), so nothing stale lingers.
      if (value === '' && typeof data.removeAsync === 'function') {
        await call<void>('sessionData.removeAsync', (cb) => data.removeAsync?.(key, cb));
      } else {
        await call<void>('sessionData.setAsync', (cb) => data.setAsync(key, value, cb));
      }
      return true;
    },

    async getRoaming(key: string): Promise<unknown> {
      const value = office.context.roamingSettings?.get(key);
      return value === undefined ? null : value;
    },

    async setRoaming(key: string, value: unknown): Promise<void> {
      const settings = office.context.roamingSettings;
      if (!settings) throw new Error('This Outlook has no roaming settings; the default cannot be saved.');
      settings.set(key, value);
      await call<void>('roamingSettings.saveAsync', (cb) => settings.saveAsync(cb));
    },

    async openMessage(to, subject, text) {
      const open = office.context.mailbox.displayNewMessageForm;
      if (typeof open !== 'function') throw new Error('This Outlook cannot open a new message for SecureJoin.');
      // Text into HTML: escaped, line breaks kept (names and subjects may hold markup).
      open.call(office.context.mailbox, { toRecipients: [{ emailAddress: to.email, displayName: to.name }], subject, htmlBody: escapeHtml(text).replace(/\n/g, '<br>') });
    },

    async onItemChanged(kind: ItemChangeKind, cb: () => void): Promise<boolean> {
      const it = item();
      if (typeof it.addHandlerAsync !== 'function' || !supports('1.7')) return false;
      const [key, fallback] = EVENT_NAMES[kind];
      const eventType = office.EventType?.[key] ?? fallback;
      try {
        await call<void>(`addHandlerAsync(${eventType})`, (done) => it.addHandlerAsync?.(eventType, () => cb(), done));
        return true;
      } catch {
        return false;
      }
    },
  };
}
