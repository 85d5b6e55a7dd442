/**
 * Building saved-meeting records from the three ways a PIN arrives: typed by hand (node URL or
 * join link + alias + role + PIN + optional times), a capture link, or a pasted invite (drafts
 * the user confirms, then saves like a manual entry). Everything returns a Result; never throws.
 */
import { parseJoinLink } from '../links/join';
import type { JoinLink, JoinLinkStyle } from '../links/join';
import type { CaptureRecord } from '../links/capture';
import type { SeriesRecurrence } from '../links/captureRecurrence';
import { splitWebUrl } from '../links/url';
import type { EpochMs, Issue, Result } from '../types';
import { singleLine } from '../invite/escape';
import { MAX_MEETING_LABEL_LENGTH, NO_GUEST_PIN, parseSavedMeeting, pinIssue, roomIssues } from './schema';
import type { MeetingSource, SavedMeeting } from './schema';

/** Web app path used when the user gives a bare node URL (`https://meet.example.com`). */
export const DEFAULT_WEB_APP_PATH = 'webapp3';

/**
 * What a person types (or confirms) to save a PIN.
 * - `url`: a node URL (`https://meet.example.com`, optionally with the web app path,
 *   `https://meet.example.com/webapp3`; a bare origin means `webapp3`) or a full join link
 *   (webapp3/webapp2/legacy), which then supplies the alias and, when present, role, PIN and name.
 * - `alias`: required unless the join link has it; must agree with the link (case-insensitively).
 * - `role`: required unless the join link has it.
 * - `pin`: spaces are removed ("1234 5678"); `none` (any case) for a guest whose room needs no
 *   guest PIN. Required unless the join link has it.
 * - `startsAt`/`endsAt`: UTC ms (the UI converts local times with core/time).
 */
export interface ManualMeetingInput {
  url: string;
  alias?: string;
  role?: string;
  pin?: string;
  label?: string;
  /** The invite's subject (a pasted invite's); kept apart from the user's `label`. */
  subject?: string;
  displayName?: string;
  startsAt?: EpochMs;
  endsAt?: EpochMs;
  leadMinutes?: number;
  graceMinutes?: number;
  /** A recurring meeting's zone and rule; `startsAt`/`endsAt` are then its first occurrence. */
  recurrence?: SeriesRecurrence;
  /** Default `manual`; drafts from {@link fromParsedInvite} say `invite`. */
  source?: MeetingSource;
}

/** Where a node URL or join link points. */
interface RoomTarget {
  origin: string;
  path: string;
  alias: string | null;
  style: JoinLinkStyle;
  link: JoinLink | null;
}

const fail = (errors: Issue[]): { ok: false; errors: Issue[] } => ({ ok: false, errors });

/** Reads `url` as a join link or, failing that, as a node URL with an optional web app path. */
function readTarget(url: unknown): Result<RoomTarget> {
  if (typeof url !== 'string' || url.trim() === '') return fail([{ path: 'url', message: 'enter the node address (https://...) or a join link' }]);
  const link = parseJoinLink(url);
  if (link.ok) return { ok: true, value: { ...link.value, link: link.value } };
  const split = splitWebUrl(url);
  if (!split.ok) return fail(split.errors.map((e) => ({ path: 'url', message: e.message })));
  const { origin, path, query, fragment } = split.value;
  const looksLikeLink = (query ?? '') !== '' || (fragment ?? '') !== '' || /\/(?:m|conference)\//.test(`${path}/`);
  if (looksLikeLink) return fail(link.errors.map((e) => ({ path: e.path === 'url' ? 'url' : `url.${e.path}`, message: e.message })));
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return { ok: true, value: { origin, path: trimmed === '' ? DEFAULT_WEB_APP_PATH : trimmed, alias: null, style: 'webapp3', link: null } };
}

/** Removes spaces people type or paste inside PINs ("1234 5678"); lower-cases `none`. */
export function cleanPinInput(pin: string): string {
  const compact = pin.replace(/[\s\u00a0\u200b\ufeff]+/g, '');
  return compact.toLowerCase() === NO_GUEST_PIN ? NO_GUEST_PIN : compact;
}

/**
 * Validates a manual entry and builds the record (source `manual` unless the input says
 * otherwise). Errors name the input field: `url`, `alias`, `role`, `pin`, `startsAt`, `endsAt`,
 * `label`, `displayName`, `leadMinutes`, `graceMinutes`, `id`. Never throws.
 * @param now creation instant (UTC ms) for `createdAt`/`updatedAt`.
 * @param id the new record's id (the caller draws it, e.g. with nanoid).
 */
export function newSavedMeeting(input: ManualMeetingInput, now: EpochMs, id: string): Result<SavedMeeting> {
  try {
    if (typeof input !== 'object' || input === null) return fail([{ path: '', message: 'must be an object' }]);
    const errors: Issue[] = [];
    const target = readTarget(input.url);
    if (!target.ok) errors.push(...target.errors);
    const link = target.ok ? target.value.link : null;

    const typedAlias = typeof input.alias === 'string' ? input.alias.trim() : '';
    const linkAlias = target.ok ? target.value.alias : null;
    if (input.alias !== undefined && typeof input.alias !== 'string') errors.push({ path: 'alias', message: 'must be text' });
    if (linkAlias !== null && typedAlias !== '' && typedAlias.toLowerCase() !== linkAlias.toLowerCase()) {
      errors.push({ path: 'alias', message: `does not match the join link's alias "${linkAlias.slice(0, 80)}"` });
    }
    const alias = linkAlias ?? typedAlias;
    if (target.ok && alias === '') errors.push({ path: 'alias', message: 'enter the meeting alias (the part after /m/ in the join link)' });

    const role = input.role ?? link?.role;
    if (role !== 'host' && role !== 'guest') errors.push({ path: 'role', message: 'choose host or guest' });

    const typedPin = typeof input.pin === 'string' ? cleanPinInput(input.pin) : '';
    if (input.pin !== undefined && typeof input.pin !== 'string') errors.push({ path: 'pin', message: 'must be text' });
    const pin = typedPin !== '' ? typedPin : (link?.pin ?? '');
    if (pin === '') errors.push({ path: 'pin', message: 'enter the PIN (or "none" for a guest of a room without a guest PIN)' });
    else if (role === 'host' || role === 'guest') {
      const problem = pinIssue(pin, role);
      if (problem) errors.push({ path: 'pin', message: problem });
    }
    if (target.ok && alias !== '') {
      for (const issue of roomIssues(target.value.origin, target.value.path, alias, target.value.style)) {
        errors.push({ path: issue.path === 'alias' ? 'alias' : 'url', message: issue.message });
      }
    }
    if (errors.length > 0 || !target.ok) return fail(errors);

    const record: Record<string, unknown> = {
      id,
      origin: target.value.origin,
      path: target.value.path,
      alias,
      role,
      pin,
      source: input.source ?? 'manual',
      createdAt: now,
      updatedAt: now,
    };
    if (target.value.style !== 'webapp3') record.style = target.value.style;
    const label = typeof input.label === 'string' ? input.label.trim() : input.label;
    if (label !== undefined && label !== '') record.label = label;
    // The invite says it: one line, cut to fit, never a reason to refuse the meeting.
    const subject = typeof input.subject === 'string' ? singleLine(input.subject, MAX_MEETING_LABEL_LENGTH) : '';
    if (subject !== '') record.subject = subject;
    const displayName = typeof input.displayName === 'string' ? input.displayName.trim() : input.displayName;
    if (displayName !== undefined && displayName !== '') record.displayName = displayName;
    else if (link?.name !== undefined) record.displayName = link.name;
    for (const key of ['startsAt', 'endsAt', 'leadMinutes', 'graceMinutes', 'recurrence'] as const) {
      if (input[key] !== undefined) record[key] = input[key];
    }
    return parseSavedMeeting(record);
  } catch {
    return fail([{ path: '', message: 'could not be read as a meeting' }]);
  }
}

/**
 * The record for a capture link's data (core/links `parseCaptureLink`), source `capture`.
 * Origin, path, alias and style come from the link; role, PIN, times, lead/grace minutes and name
 * from its fragment.
 * Never throws.
 */
export function fromCaptureRecord(rec: CaptureRecord, now: EpochMs, id: string): Result<SavedMeeting> {
  if (typeof rec !== 'object' || rec === null) return fail([{ path: '', message: 'must be a capture record' }]);
  const record: Record<string, unknown> = {
    id,
    origin: rec.origin,
    path: rec.path,
    alias: rec.alias,
    role: rec.role,
    pin: rec.pin,
    source: 'capture',
    createdAt: now,
    updatedAt: now,
  };
  if (rec.style !== undefined && rec.style !== 'webapp3') record.style = rec.style;
  if (rec.startsAt !== undefined) record.startsAt = rec.startsAt;
  if (rec.endsAt !== undefined) record.endsAt = rec.endsAt;
  // The organizer's window (lead before the start, grace after the end), so the extension holds
  // and fills exactly while the node accepts the code.
  if (rec.leadMinutes !== undefined) record.leadMinutes = rec.leadMinutes;
  if (rec.graceMinutes !== undefined) record.graceMinutes = rec.graceMinutes;
  if (rec.name !== undefined) record.displayName = rec.name;
  if (rec.subject !== undefined) record.subject = rec.subject;
  // One code for the whole series: kept and filled in every occurrence's window.
  if (rec.recurrence !== undefined) record.recurrence = rec.recurrence;
  return parseSavedMeeting(record);
}
