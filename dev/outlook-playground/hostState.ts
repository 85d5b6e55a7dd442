/**
 * The playground's compose item and mailbox: the state Outlook would hold. It lives in the
 * playground page; every frame's fake `Office` (task pane, event runtime) reads and writes it
 * through this plain-data interface, so values cross frames as numbers and strings and each
 * frame builds its own `Date`s (a `Date` from another frame fails `instanceof Date`).
 * No DOM here: Node tests drive it directly.
 */
import type { EpochMs } from '../../core/types';
import { rewriteBodyLikeOutlook } from './rewriteBody';

/** An attendee as the compose form holds it. */
export interface PlaygroundAttendee {
  email: string;
  name: string;
}

/** Office's day names for weekly recurrence. */
export type OfficeDay = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A series as the compose form holds it (Office's `recurrenceType` subset the playground offers). */
export interface PlaygroundRecurrence {
  type: 'daily' | 'weekly' | 'monthly';
  /** Every n-th day/week/month, >= 1. */
  interval: number;
  /** Weekly only. */
  days: OfficeDay[];
  /** Last date of the series, "YYYY-MM-DD" in the item's zone, or null for no end. */
  endDate: string | null;
}

/**
 * The appointment being composed. `start`/`end` are UTC ms; `timeZone` is the IANA zone the
 * meeting is set in (the compose form's zone, the series' `recurrenceTimeZone`), also the
 * mailbox's unless {@link HostOptions.mailboxTimeZone} says otherwise.
 */
export interface PlaygroundItem {
  subject: string;
  location: string;
  start: EpochMs;
  end: EpochMs;
  timeZone: string;
  requiredAttendees: PlaygroundAttendee[];
  optionalAttendees: PlaygroundAttendee[];
  recurrence: PlaygroundRecurrence | null;
  /** Always stored as Outlook would hold it (rewritten). */
  bodyHtml: string;
}

/** Global name under which the playground page publishes its host for the frames' office.js. */
export const PLAYGROUND_HOST_GLOBAL = 'securejoinPlayground';

/**
 * What changed, for the item events Office raises (`time`, `recipients`, `recurrence`); the
 * others only tell the page to redraw (`reset` = a new meeting replaced the item).
 */
export type ItemChange = 'time' | 'recipients' | 'recurrence' | 'body' | 'subject' | 'location' | 'reset';

/** What `event.completed(options)` passed, as plain data. */
export interface CompletedOptions {
  allowEvent?: boolean;
  errorMessage?: string;
  sendModeOverride?: string;
  cancelLabel?: string;
}

/** Data a launch event carries (start/end as UTC ms, for time-changed). */
export interface LaunchEventInit {
  type: string;
  start?: EpochMs;
  end?: EpochMs;
}

/** A handler associated with `Office.actions.associate`, wrapped by its frame's fake Office. */
export type AssociatedAction = (init: LaunchEventInit) => Promise<CompletedOptions>;

/** Switches that shape the fake mailbox. */
export interface HostOptions {
  /** Highest Mailbox requirement set supported, e.g. "1.13" (default). */
  mailboxVersion: string;
  userProfile: { displayName: string; emailAddress: string };
  /** The next n body writes fail (to exercise the add-in's retry). */
  failBodyWrites: number;
  /**
   * Ms every async Office call waits before it answers (0: the next task). A slow Outlook shows
   * where the add-in, or a test, relies on timing (SECUREJOIN_E2E_OFFICE_DELAY_MS for the suite).
   */
  answerDelayMs: number;
  /** Ms before an event whose handler never calls `completed()` is given up (Outlook waits minutes). */
  launchTimeoutMs: number;
  /** The mailbox's own IANA zone (`userProfile.timeZone`) when it differs from the meeting's; null: the item's zone. */
  mailboxTimeZone: string | null;
  /**
   * Whether the organizer can get a token from the local development issuer: 'ok', or 'refused'
   * (as if sign-in were declined or needed), to exercise the add-in's no-token paths.
   */
  signIn: 'ok' | 'refused';
}

/** The bridge every fake `Office` talks to. All values in and out are plain data. */
export interface PlaygroundHost {
  readonly options: HostOptions;
  readItem(): PlaygroundItem;
  /** A user edit (or `setAsync` on subject/attendees): raises the matching change. */
  updateItem(patch: Partial<Omit<PlaygroundItem, 'bodyHtml'>>): void;
  /** Stores `html` rewritten like Outlook; returns what was stored. Throws when a write is set to fail. */
  writeBody(html: string): string;
  /** A new meeting: replaces the whole item and clears sessionData; raises only `reset`. */
  replaceItem(item: PlaygroundItem): void;
  /** Replaces the body exactly (the user typing in the body). */
  typeBody(html: string): void;
  sessionData: Map<string, string>;
  /** Messages the add-in opened with `displayNewMessageForm`, newest last (the playground shows them). */
  openedMessages: Array<{ to: string[]; subject: string; htmlBody: string }>;
  loadRoaming(): Record<string, unknown>;
  saveRoaming(values: Record<string, unknown>): void;
  subscribe(listener: (change: ItemChange) => void): () => void;
  associate(name: string, action: AssociatedAction): void;
  action(name: string): AssociatedAction | undefined;
}

const copyItem = (item: PlaygroundItem): PlaygroundItem => JSON.parse(JSON.stringify(item)) as PlaygroundItem;

/** Which change a patch raises; the first that applies (one edit changes one thing in the form). */
function changesOf(patch: Partial<PlaygroundItem>): ItemChange[] {
  const out: ItemChange[] = [];
  if ('start' in patch || 'end' in patch || 'timeZone' in patch) out.push('time');
  if ('requiredAttendees' in patch || 'optionalAttendees' in patch) out.push('recipients');
  if ('recurrence' in patch) out.push('recurrence');
  if ('subject' in patch) out.push('subject');
  if ('location' in patch) out.push('location');
  return out;
}

/** Options for {@link createPlaygroundHost}. */
export interface CreateHostOptions extends Partial<HostOptions> {
  /** Where roaming settings persist (the page passes localStorage); default memory. */
  roamingStore?: { get(): string | null; set(text: string): void };
}

/**
 * A new host holding `item` (its body is rewritten like Outlook on the way in).
 * Throws RangeError when `item.end` is not after `item.start`.
 */
export function createPlaygroundHost(item: PlaygroundItem, opts: CreateHostOptions = {}): PlaygroundHost {
  if (!(item.end > item.start)) throw new RangeError('item.end must be after item.start');
  const state: PlaygroundItem = { ...copyItem(item), bodyHtml: rewriteBodyLikeOutlook(item.bodyHtml) };
  const options: HostOptions = {
    mailboxVersion: opts.mailboxVersion ?? '1.13',
    userProfile: opts.userProfile ?? { displayName: 'Olga Organizer', emailAddress: 'olga@example.com' },
    failBodyWrites: opts.failBodyWrites ?? 0,
    answerDelayMs: opts.answerDelayMs ?? 0,
    launchTimeoutMs: opts.launchTimeoutMs ?? 30_000,
    mailboxTimeZone: opts.mailboxTimeZone ?? null,
    signIn: opts.signIn ?? 'ok',
  };
  let memoryRoaming = '{}';
  const store = opts.roamingStore ?? { get: () => memoryRoaming, set: (t: string) => void (memoryRoaming = t) };
  const listeners = new Set<(change: ItemChange) => void>();
  const actions = new Map<string, AssociatedAction>();
  const sessionData = new Map<string, string>();
  const emit = (change: ItemChange) => {
    for (const l of [...listeners]) {
      try {
        l(change);
      } catch {
        // A listener in a closed frame must not stop the others.
      }
    }
  };
  return {
    options,
    readItem: () => copyItem(state),
    updateItem(patch) {
      const next = { ...state, ...copyItem({ ...state, ...patch }) };
      if (!(next.end > next.start)) throw new RangeError('end must be after start');
      Object.assign(state, next);
      changesOf(patch).forEach(emit);
    },
    writeBody(html) {
      if (options.failBodyWrites > 0) {
        options.failBodyWrites -= 1;
        throw new Error('The body could not be saved (simulated failure).');
      }
      state.bodyHtml = rewriteBodyLikeOutlook(html);
      emit('body');
      return state.bodyHtml;
    },
    replaceItem(next) {
      if (!(next.end > next.start)) throw new RangeError('end must be after start');
      Object.assign(state, copyItem(next), { bodyHtml: rewriteBodyLikeOutlook(next.bodyHtml) });
      sessionData.clear();
      emit('reset');
    },
    typeBody(html) {
      state.bodyHtml = String(html);
      emit('body');
    },
    sessionData,
    openedMessages: [],
    loadRoaming() {
      try {
        const parsed: unknown = JSON.parse(store.get() ?? '{}');
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    },
    saveRoaming: (values) => store.set(JSON.stringify(values)),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    associate: (name, action) => void actions.set(name, action),
    action: (name) => actions.get(name),
  };
}
