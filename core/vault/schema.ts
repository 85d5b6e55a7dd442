/**
 * The saved-meeting record: what the extension stores for one meeting PIN. A record is bound to
 * one exact node origin (scheme, host, port), web app path and alias, and carries the meeting's
 * times so the PIN is only used while its code is active and is forgotten after the meeting.
 */
import { z } from 'zod';
import { joinLinkIssues, JOIN_PIN_PATTERN, MAX_JOIN_NAME_LENGTH } from '../links/join';
import type { JoinLinkStyle } from '../links/join';
import type { SeriesRecurrence } from '../links/captureRecurrence';
import { MAX_WINDOW_PAD_MINUTES } from '../time/activation';
import { seriesIssues, WEEKDAYS } from '../time/recurrence';
import type { EpochMs, Issue, Role } from '../types';

/** Shape version of {@link SavedMeeting}. Version 0 is the prototype's `{url, pin, role}` (see upgrade.ts). */
export const SAVED_MEETING_VERSION = 1;

/** The `pin` of a guest record for a room whose guests join without a PIN (Pexip's `pin: none`). */
export const NO_GUEST_PIN = 'none';

/** Where a record came from. */
export const MEETING_SOURCES = ['capture', 'invite', 'manual', 'import'] as const;
/** Where a record came from: a capture link, a pasted invite, typed by hand, or a vault import. */
export type MeetingSource = (typeof MEETING_SOURCES)[number];

/** Longest label kept (the popup shows it on one line). */
export const MAX_MEETING_LABEL_LENGTH = 200;
/**
 * The name a saved meeting is shown by: the user's label, else the invite's subject, else the
 * alias (all that is known of a meeting saved from a link without a subject, or before subjects were kept).
 */
export function meetingName(m: Pick<SavedMeeting, 'label' | 'subject' | 'alias'>): string {
  return m.label ?? m.subject ?? m.alias;
}

/** Record ids: 1-64 characters of `A-Z a-z 0-9 _ - . :` (nanoid ids and `v0:` ids fit). */
export const MEETING_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Latest instant accepted (year 9999), so arithmetic on instants stays exact. */
export const MAX_INSTANT: EpochMs = 253_402_300_799_999;

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const instant = z.int().min(0).max(MAX_INSTANT);
const minutes = z.number().min(0).max(MAX_WINDOW_PAD_MINUTES);
const text = (max: number) =>
  z.string().min(1).max(max).refine((s) => !CONTROL.test(s) && s.trim() !== '', { message: 'must be visible text without control characters' });

/**
 * One saved meeting PIN.
 * - `origin`: exact `scheme://host[:port]` as a browser reports `location.origin` (https, or
 *   http only for loopback hosts, as in core/links).
 * - `path`: the web app path without slashes at the ends (`webapp3`, `apps/meet`, or `""`).
 * - `alias`: stored as given; Pexip aliases are case-insensitive, so every comparison lower-cases.
 * - `pin`: a Pexip PIN (4-20 digits, optional trailing `#`), or `none` for a guest of a room
 *   whose guests need no PIN.
 * - `startsAt`/`endsAt`: meeting times (UTC ms); either may be absent. `leadMinutes` and
 *   `graceMinutes` widen the activation window (defaults from core/time: 15 and 0).
 * - `style`: link style to rebuild the join link with; absent means `webapp3`.
 * - `label`: the user's own name for the meeting; `subject`: the invite's subject (from a
 *   capture link or a pasted invite). The popup names a meeting by its label, else its subject,
 *   else its alias. Records saved before `subject` existed simply have none (it is optional).
 * - `recurrence`: for a recurring meeting, its IANA zone and rule (core/time); `startsAt`/`endsAt`
 *   are then the first occurrence and the PIN works in every occurrence's window. Needs both.
 */
export interface SavedMeeting {
  id: string;
  origin: string;
  path: string;
  alias: string;
  role: Role;
  pin: string;
  label?: string;
  subject?: string;
  displayName?: string;
  startsAt?: EpochMs;
  endsAt?: EpochMs;
  leadMinutes?: number;
  graceMinutes?: number;
  style?: JoinLinkStyle;
  recurrence?: SeriesRecurrence;
  source: MeetingSource;
  createdAt: EpochMs;
  updatedAt: EpochMs;
}

/**
 * Strict zod schema of {@link SavedMeeting}: unknown keys are refused, and origin, path and alias
 * get the same checks as a join link (core/links `joinLinkIssues`).
 */
export const savedMeetingSchema = z
  .strictObject({
    id: z.string().regex(MEETING_ID_PATTERN, 'must be 1-64 letters, digits, "_", "-", "." or ":"'),
    origin: z.string(),
    path: z.string(),
    alias: z.string(),
    role: z.enum(['host', 'guest']),
    pin: z.string(),
    label: text(MAX_MEETING_LABEL_LENGTH).optional(),
    subject: text(MAX_MEETING_LABEL_LENGTH).optional(),
    displayName: text(MAX_JOIN_NAME_LENGTH).optional(),
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    leadMinutes: minutes.optional(),
    graceMinutes: minutes.optional(),
    style: z.enum(['webapp3', 'webapp2', 'legacy']).optional(),
    recurrence: z
      .strictObject({
        timeZone: z.string().min(1).max(64),
        rule: z.strictObject({
          frequency: z.enum(['daily', 'weekly', 'monthly']),
          interval: z.int().optional(),
          daysOfWeek: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
          until: instant.optional(),
          count: z.int().optional(),
        }),
      })
      .optional(),
    source: z.enum(MEETING_SOURCES),
    createdAt: instant,
    updatedAt: instant,
  })
  .superRefine((m, ctx) => {
    for (const issue of roomIssues(m.origin, m.path, m.alias, m.style ?? 'webapp3')) {
      ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
    const pinProblem = pinIssue(m.pin, m.role);
    if (pinProblem) ctx.addIssue({ code: 'custom', path: ['pin'], message: pinProblem });
    if (m.startsAt !== undefined && m.endsAt !== undefined && m.endsAt <= m.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    }
    if (m.recurrence !== undefined) {
      for (const issue of recurrenceIssues(m.recurrence as SeriesRecurrence, m.startsAt, m.endsAt)) {
        ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
      }
    }
    if (m.updatedAt < m.createdAt) ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'must not be before createdAt' });
  });

/** Problems with a record's series (paths `recurrence...`): core/time's rules, first occurrence = startsAt/endsAt. */
function recurrenceIssues(r: SeriesRecurrence, startsAt: EpochMs | undefined, endsAt: EpochMs | undefined): Issue[] {
  if (startsAt === undefined || endsAt === undefined) return [{ path: 'recurrence', message: 'needs startsAt and endsAt (the first occurrence)' }];
  return seriesIssues({ start: startsAt, end: endsAt, timeZone: r.timeZone, rule: r.rule })
    .filter((i) => i.path !== 'start' && i.path !== 'end')
    .map((i) => ({ path: i.path === '' ? 'recurrence' : `recurrence.${i.path.replace(/\[\d+\]$/, '')}`, message: i.message }));
}

/** Problems with an origin/path/alias triple, as for a join link of `style` (paths `origin`, `path`, `alias`). */
export function roomIssues(origin: string, path: string, alias: string, style: JoinLinkStyle = 'webapp3'): Issue[] {
  return joinLinkIssues({ origin, path, alias, style });
}

/** Why `pin` cannot be saved for `role`, or null when it can. */
export function pinIssue(pin: unknown, role: Role): string | null {
  if (typeof pin !== 'string') return 'must be a PIN of 4-20 digits';
  if (pin === NO_GUEST_PIN) return role === 'guest' ? null : '"none" is only possible for a guest (a host always has a PIN)';
  if (!JOIN_PIN_PATTERN.test(pin)) return 'must be 4-20 digits, optionally ending in "#" (the "#" counts)';
  return null;
}

/** Turns a zod issue path into `prefix[3].pin` style text. */
export function issuePath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** zod issues as {@link Issue}s under `prefix` (`''` for top-level field names); `root` names the value itself. */
export function zodIssues(error: z.ZodError, prefix = '', root = 'record'): Issue[] {
  return error.issues.map((i) => ({ path: issuePath(prefix, i.path) || prefix || root, message: i.message }));
}

/**
 * Validates an untrusted record (storage, import, messages). Never throws.
 * @returns a copy of the record, or every problem (paths under `prefix`, e.g. `meetings[2].pin`).
 */
export function parseSavedMeeting(raw: unknown, prefix = ''): { ok: true; value: SavedMeeting } | { ok: false; errors: Issue[] } {
  try {
    const parsed = savedMeetingSchema.safeParse(raw);
    if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error, prefix) };
    return { ok: true, value: parsed.data as SavedMeeting };
  } catch {
    return { ok: false, errors: [{ path: prefix || 'record', message: 'could not be read as a saved meeting' }] };
  }
}
