/**
 * A fake `Office` (office.js) for the playground: exactly the Office.js calls SecureJoin's Office
 * adapter and event runtime use, with their documented behaviour, over a {@link PlaygroundHost}:
 * - every `*Async` call answers later (never synchronously) with an AsyncResult
 *   `{ status: 'succeeded' | 'failed', value, error, asyncContext }`;
 * - `item.start`/`item.end` come back as UTC `Date`s built in the caller's frame;
 * - attendees come back as EmailAddressDetails `{ emailAddress, displayName, ... }`;
 * - `body.setAsync` (HTML) stores the body rewritten like Outlook (see rewriteBody.ts);
 * - item events (`AppointmentTimeChanged`, `RecipientsChanged`, `RecurrenceChanged`) reach
 *   handlers added with `item.addHandlerAsync` (Mailbox 1.7);
 * - `sessionData` exists from Mailbox 1.11 and holds at most 50,000 characters (before 1.16);
 * - `roamingSettings` changes stay local until `saveAsync`;
 * - `Office.actions.associate` registers launch-event handlers with the host, which hands them an
 *   event whose `completed(options)` ends the event (Smart Alerts read `allowEvent`/`errorMessage`);
 * - `Office.auth.getAccessToken` gives Office SSO tokens from the host's supplier (fakeAuth.ts);
 * - at most {@link MAX_CONCURRENT_CALLS} `*Async` calls are in flight per frame, as in Outlook on
 *   the web, new Outlook and mobile: a 4th fails (code 5100) without doing anything.
 */
import type { AssociatedAction, CompletedOptions, ItemChange, LaunchEventInit, PlaygroundAttendee, PlaygroundHost } from './hostState';
import { emailDetails, officeRecurrence, windowsZoneName } from './officeShapes';
import { answerIn, officeError, tail } from './asyncAnswer';
import type { CallGate } from './asyncAnswer';
import { bodyText, textToBodyHtml } from './rewriteBody';
import { createFakeAuth } from './fakeAuth';

/** Office.EventType values for item events, as office.js defines them. */
export const EVENT_TYPES = {
  AppointmentTimeChanged: 'olkAppointmentTimeChanged',
  RecipientsChanged: 'olkRecipientsChanged',
  RecurrenceChanged: 'olkRecurrenceChanged',
  ItemChanged: 'olkItemSelectedChanged',
} as const;

/** Body size limit of `setAsync`, in characters (Office: 1,000,000). */
export const MAX_BODY_CHARS = 1_000_000;
/** sessionData limit per add-in and item before Mailbox 1.16, in characters. */
export const MAX_SESSION_DATA_CHARS = 50_000;

const versionNumber = (v: string): number[] => v.split('.').map((x) => Number(x) || 0);
function atLeast(have: string, want: string): boolean {
  const [a = 0, b = 0] = versionNumber(have);
  const [c = 0, d = 0] = versionNumber(want);
  return a > c || (a === c && b >= d);
}

/** Recipients as `setAsync`/`addAsync` accept them: strings or `{emailAddress, displayName}`. */
function toAttendees(list: unknown): PlaygroundAttendee[] {
  if (!Array.isArray(list)) throw officeError('InvalidParameter', 'recipients must be an array', 1000);
  return list.map((r) => {
    if (typeof r === 'string') return { email: r, name: r };
    const o = r as { emailAddress?: unknown; displayName?: unknown };
    if (typeof o?.emailAddress !== 'string') throw officeError('InvalidParameter', 'each recipient needs an emailAddress', 1000);
    return { email: o.emailAddress, name: typeof o.displayName === 'string' && o.displayName ? o.displayName : o.emailAddress };
  });
}

/** Options for {@link createFakeOffice}. */
export interface FakeOfficeOptions {
  /** BCP 47 display language, default "en-GB". */
  displayLanguage?: string;
  /** Office SSO's token supplier for `Office.auth.getAccessToken` (fakeAuth.ts); without it SSO answers 13000. */
  accessToken?: () => Promise<string>;
}

/**
 * A fake `Office` namespace over `host`. Call in each frame that would load office.js (the
 * entry `officeEntry.ts` does this with the playground page's host).
 */
export function createFakeOffice(host: PlaygroundHost, opts: FakeOfficeOptions = {}) {
  const supports = (version: string) => atLeast(host.options.mailboxVersion, version);
  const organizerDomain = host.options.userProfile.emailAddress.split('@')[1]?.toLowerCase() ?? '';
  const handlers = new Map<string, Set<(args: unknown) => void>>();
  // One frame's calls in flight (Outlook's limit is per add-in runtime).
  const gate: CallGate = { inFlight: 0 };
  const answer = <T>(args: unknown[], run: () => T): void => answerIn(gate, args, run, host.options.answerDelayMs);
  let roaming = host.loadRoaming();

  // One host subscription per frame; item events are delivered on a later task with fresh data.
  host.subscribe((change: ItemChange) => {
    const type =
      change === 'time' ? EVENT_TYPES.AppointmentTimeChanged : change === 'recipients' ? EVENT_TYPES.RecipientsChanged : change === 'recurrence' ? EVENT_TYPES.RecurrenceChanged : null;
    const set = type && handlers.get(type);
    if (!type || !set || set.size === 0) return;
    const item = host.readItem();
    const args =
      type === EVENT_TYPES.AppointmentTimeChanged
        ? { type, start: new Date(item.start), end: new Date(item.end) }
        : type === EVENT_TYPES.RecipientsChanged
          ? { type, changedRecipientFields: { requiredAttendees: true, optionalAttendees: true, resources: false, to: false, cc: false, bcc: false } }
          : { type, recurrence: officeRecurrence(item) };
    setTimeout(() => set.forEach((h) => h(args)), 0);
  });

  const attendees = (key: 'requiredAttendees' | 'optionalAttendees') => ({
    getAsync: (...args: unknown[]) => answer(args, () => host.readItem()[key].map((a) => emailDetails(a, organizerDomain))),
    setAsync: (list: unknown, ...args: unknown[]) => answer(args, () => void host.updateItem({ [key]: toAttendees(list) })),
    addAsync: (list: unknown, ...args: unknown[]) => answer(args, () => void host.updateItem({ [key]: [...host.readItem()[key], ...toAttendees(list)] })),
  });
  const textField = (key: 'subject' | 'location') => ({
    getAsync: (...args: unknown[]) => answer(args, () => host.readItem()[key]),
    setAsync: (value: unknown, ...args: unknown[]) =>
      answer(args, () => {
        if (typeof value !== 'string') throw officeError('InvalidParameter', `${key} must be a string`, 1000);
        host.updateItem({ [key]: value });
      }),
  });
  const time = (key: 'start' | 'end') => ({
    // A Date built in this frame, holding the UTC instant (Office never returns local wall times here).
    getAsync: (...args: unknown[]) => answer(args, () => new Date(host.readItem()[key])),
  });

  const sessionData = {
    getAsync: (name: string, ...args: unknown[]) =>
      answer(args, () => {
        const value = host.sessionData.get(String(name));
        if (value === undefined) throw officeError('KeyNotFound', `No session data for "${name}".`, 9057);
        return value;
      }),
    getAllAsync: (...args: unknown[]) => answer(args, () => Object.fromEntries(host.sessionData)),
    setAsync: (name: string, value: string, ...args: unknown[]) =>
      answer(args, () => {
        const next = new Map(host.sessionData).set(String(name), String(value));
        const size = [...next].reduce((n, [k, v]) => n + k.length + v.length, 0);
        if (!supports('1.16') && size > MAX_SESSION_DATA_CHARS) throw officeError('DataExceedsMaximumSize', `Session data would exceed ${MAX_SESSION_DATA_CHARS} characters.`, 9040);
        host.sessionData.set(String(name), String(value));
      }),
    removeAsync: (name: string, ...args: unknown[]) => answer(args, () => void host.sessionData.delete(String(name))),
    clearAsync: (...args: unknown[]) => answer(args, () => host.sessionData.clear()),
  };

  const item: Record<string, unknown> = {
    itemType: 'appointment',
    subject: textField('subject'),
    location: textField('location'),
    start: time('start'),
    end: time('end'),
    requiredAttendees: attendees('requiredAttendees'),
    optionalAttendees: attendees('optionalAttendees'),
    organizer: { getAsync: (...args: unknown[]) => answer(args, () => ({ ...host.options.userProfile })) },
    body: {
      getAsync: (coercionType: string, ...args: unknown[]) =>
        answer(args, () => {
          const html = host.readItem().bodyHtml;
          if (coercionType === 'html') return html;
          if (coercionType === 'text') return bodyText(html);
          throw officeError('InvalidParameter', `Unsupported coercion type "${coercionType}".`, 1000);
        }),
      getTypeAsync: (...args: unknown[]) => answer(args, () => 'html'),
      setAsync: (data: unknown, ...args: unknown[]) =>
        answer(args, () => {
          if (typeof data !== 'string') throw officeError('InvalidParameter', 'data must be a string', 1000);
          if (data.length > MAX_BODY_CHARS) throw officeError('DataExceedsMaximumSize', `The body exceeds ${MAX_BODY_CHARS} characters.`, 1000);
          const coercion = tail(args).options.coercionType ?? 'text';
          host.writeBody(coercion === 'html' ? data : textToBodyHtml(data));
        }),
    },
    addHandlerAsync: (eventType: string, handler: (args: unknown) => void, ...args: unknown[]) =>
      answer(args, () => {
        if (!supports('1.7')) throw officeError('InvalidApiCallInContext', 'Item events need Mailbox 1.7.', 5001);
        if (!Object.values(EVENT_TYPES).includes(eventType as never) || eventType === EVENT_TYPES.ItemChanged) {
          throw officeError('InvalidParameter', `"${eventType}" is not an item event.`, 1000);
        }
        if (typeof handler !== 'function') throw officeError('InvalidParameter', 'handler must be a function', 1000);
        const set = handlers.get(eventType) ?? new Set();
        handlers.set(eventType, set.add(handler));
      }),
    removeHandlerAsync: (eventType: string, ...args: unknown[]) => answer(args, () => void handlers.delete(eventType)),
  };
  if (supports('1.7')) item.recurrence = { getAsync: (...args: unknown[]) => answer(args, () => officeRecurrence(host.readItem())) };
  if (supports('1.11')) item.sessionData = sessionData;

  const roamingSettings = {
    get: (name: string) => roaming[name],
    set: (name: string, value: unknown) => void (roaming = { ...roaming, [name]: JSON.parse(JSON.stringify(value ?? null)) }),
    remove: (name: string) => {
      const { [name]: _gone, ...rest } = roaming;
      roaming = rest;
    },
    saveAsync: (...args: unknown[]) => answer(args, () => host.saveRoaming(roaming)),
  };

  const ready = Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' });
  const office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html', Text: 'text' },
    EventType: EVENT_TYPES,
    HostType: { Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    MailboxEnums: {
      ItemType: { Appointment: 'appointment', Message: 'message' },
      RecurrenceType: { Daily: 'daily', Weekday: 'weekday', Weekly: 'weekly', Monthly: 'monthly', Yearly: 'yearly' },
      SendModeOverride: { PromptUser: 'promptUser' },
    },
    context: {
      displayLanguage: opts.displayLanguage ?? 'en-GB',
      diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'playground' },
      requirements: {
        isSetSupported: (name: string, minVersion = '1.1') => String(name).toLowerCase() === 'mailbox' && supports(String(minVersion)),
      },
      roamingSettings,
      mailbox: {
        item,
        userProfile: {
          ...host.options.userProfile,
          accountType: 'enterprise',
          // Read on every access: the organizer may change the zone in the playground. The
          // mailbox's zone, which a meeting (and its series) may be set in another zone than.
          get timeZone() {
            return windowsZoneName(host.options.mailboxTimeZone ?? host.readItem().timeZone);
          },
        },
        diagnostics: { hostName: 'OutlookWebApp', hostVersion: 'playground' },
        displayNewMessageForm(params: { toRecipients?: Array<{ emailAddress?: string } | string>; subject?: string; htmlBody?: string }) {
          const to = (params?.toRecipients ?? []).map((r) => String(typeof r === 'string' ? r : r?.emailAddress));
          host.openedMessages.push({ to, subject: String(params?.subject ?? ''), htmlBody: String(params?.htmlBody ?? '') });
        },
      },
    },
    // Office single sign-on (classic Outlook's event runtime signs in with it).
    auth: createFakeAuth(host, opts.accessToken),
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      return ready.then((info) => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(name: string, handler: (event: unknown) => void) {
        const action: AssociatedAction = (init: LaunchEventInit) =>
          new Promise<CompletedOptions>((resolve) => {
            // Outlook gives up on a handler that never calls completed(); so does the playground.
            const timer = setTimeout(
              () => resolve({ allowEvent: false, errorMessage: `The add-in did not finish handling ${init.type} in time.` }),
              host.options.launchTimeoutMs,
            );
            const event = {
              type: init.type,
              ...(init.start !== undefined ? { start: new Date(init.start) } : {}),
              ...(init.end !== undefined ? { end: new Date(init.end) } : {}),
              completed(options?: CompletedOptions) {
                clearTimeout(timer);
                resolve(JSON.parse(JSON.stringify(options ?? {})) as CompletedOptions);
              },
            };
            // A throwing handler is like one that never completes: only the timeout ends it.
            setTimeout(() => {
              try {
                handler(event);
              } catch {
                /* see above */
              }
            }, 0);
          });
        host.associate(String(name), action);
      },
    },
  };
  return office;
}

/** The fake namespace's type, for callers that need to name it. */
export type FakeOffice = ReturnType<typeof createFakeOffice>;

export { WINDOWS_ZONE_NAMES, windowsZoneName } from './officeShapes';
export { CONCURRENCY_ERROR, MAX_CONCURRENT_CALLS } from './asyncAnswer';
export type { FakeAsyncResult } from './asyncAnswer';
