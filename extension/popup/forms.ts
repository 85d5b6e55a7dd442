/**
 * The popup's form logic as plain functions (no DOM, no browser), so it is unit-tested directly:
 * - paste an invite: core's `parseInvite` + `fromParsedInvite` give drafts; the user confirms
 *   each one (role and which PIN found), and {@link draftToInput} makes the `meetings:add` input;
 * - edit a saved meeting: {@link editFormOf} fills the form from a list row, {@link editChangesOf}
 *   turns the form into a `meetings:update` change set (blank PIN: keep the saved one).
 * Times in forms are `datetime-local` strings in the user's zone; records hold UTC ms.
 */
import { parseInvite } from '../../core/invite';
import { DEFAULT_LEAD_MINUTES } from '../../core/time/activation';
import { seriesWindowAt } from '../../core/time/seriesWindow';
import { splitWebUrl } from '../../core/links/url';
import { fromParsedInvite } from '../../core/vault';
import type { InviteDraft } from '../../core/vault';
import type { Issue, Role } from '../../core/types';
import type { MeetingChanges } from '../messaging/messages';
import type { MeetingSummary } from '../background/ui';

/** A draft found in a pasted invite, with the user's current choices. */
export interface DraftChoice {
  draft: InviteDraft;
  role: Role;
  /** The PIN the user picked from `draft.pinOptions` or typed; '' until chosen. */
  pin: string;
}

/** Longest invite text read (an invite body is far smaller; this bounds the parse). */
export const MAX_INVITE_CHARS = 200_000;

/**
 * The meetings found in a pasted invite, each with its best-guess role and PIN preselected; a
 * SecureJoin block without a save link still gives its time (its activation sentence, whose
 * year `now` places). Never throws.
 */
export function draftsFromInvite(text: string, now: number = Date.now()): DraftChoice[] {
  if (typeof text !== 'string' || text.trim() === '') return [];
  return fromParsedInvite(parseInvite(text.slice(0, MAX_INVITE_CHARS)), now).map((draft) => ({ draft, role: draft.role, pin: draft.pin }));
}

/**
 * When a draft's code opens, as the saved record will say (its start minus its lead minutes,
 * default 15): a capture link in the pasted text gives the organizer's; null without a start.
 * For a series (given `now`): the opening of the occurrence open at `now`, else the next one
 * (core's `meetingWindow`), null when the series is over.
 */
export function draftOpensAt(draft: Pick<InviteDraft, 'startsAt' | 'endsAt' | 'leadMinutes' | 'graceMinutes' | 'recurrence'>, now?: number): number | null {
  if (draft.startsAt === undefined) return null;
  if (draft.recurrence !== undefined && draft.endsAt !== undefined && now !== undefined) {
    const series = { start: draft.startsAt, end: draft.endsAt, timeZone: draft.recurrence.timeZone, rule: draft.recurrence.rule };
    try {
      return seriesWindowAt(series, now, { leadMinutes: draft.leadMinutes, graceMinutes: draft.graceMinutes })?.opensAt ?? null;
    } catch {
      return null;
    }
  }
  return draft.startsAt - Math.round((draft.leadMinutes ?? DEFAULT_LEAD_MINUTES) * 60_000);
}

/** The `meetings:add` input for a confirmed draft (the background validates it with core). */
export function draftToInput(choice: DraftChoice): Record<string, unknown> {
  const { pinOptions: _options, ...draft } = choice.draft;
  return { ...draft, role: choice.role, pin: choice.pin, source: 'invite' };
}

/** The edit form's fields (all strings, as inputs hold them). */
export interface EditForm {
  label: string;
  role: Role;
  /** Empty: keep the saved PIN (the popup never receives saved PINs). */
  pin: string;
  /** `datetime-local` values (`YYYY-MM-DDTHH:mm`), local time; '' for none. */
  start: string;
  end: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** UTC ms as a `datetime-local` value in the runtime's local zone; '' for null. */
export function toLocalInput(ms: number | null): string {
  if (ms === null) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as UTC ms; null for ''; NaN when it is not a valid time. */
export function fromLocalInput(value: string): number | null {
  if (value.trim() === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value.trim())) return Number.NaN;
  return new Date(value.trim()).getTime();
}

/** The edit form for a meeting row. */
export function editFormOf(m: MeetingSummary): EditForm {
  return { label: m.label ?? '', role: m.role, pin: '', start: toLocalInput(m.startsAt), end: toLocalInput(m.endsAt) };
}

/**
 * The change set for `meetings:update`, or the form's errors (field-named). Label '' clears
 * it; a blank PIN keeps the saved one; times '' clear them.
 */
export function editChangesOf(form: EditForm): { ok: true; changes: MeetingChanges } | { ok: false; errors: Issue[] } {
  const errors: Issue[] = [];
  const startsAt = fromLocalInput(form.start);
  const endsAt = fromLocalInput(form.end);
  if (Number.isNaN(startsAt)) errors.push({ path: 'startsAt', message: 'enter a valid date and time' });
  if (Number.isNaN(endsAt)) errors.push({ path: 'endsAt', message: 'enter a valid date and time' });
  if (form.role !== 'host' && form.role !== 'guest') errors.push({ path: 'role', message: 'choose host or guest' });
  if (errors.length > 0) return { ok: false, errors };
  const changes: MeetingChanges = { label: form.label.trim() === '' ? null : form.label.trim(), role: form.role, startsAt, endsAt };
  if (form.pin.trim() !== '') changes.pin = form.pin;
  return { ok: true, changes };
}

/** Conference node names by origin, as the admin's policy gives them (from a `settings:get` answer). */
export function nodeNamesOf(settingsAnswer: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const nodes = (settingsAnswer as { policyState?: { policy?: { nodes?: unknown } } } | null)?.policyState?.policy?.nodes;
  if (!Array.isArray(nodes)) return names;
  for (const node of nodes as Array<{ origin?: unknown; name?: unknown }>) {
    if (typeof node?.origin === 'string' && typeof node.name === 'string' && node.name.trim() !== '') names.set(node.origin, node.name.trim());
  }
  return names;
}

/**
 * How the popup names a conference node to an attendee: the admin's name for it ("EU meeting
 * platform"), else its host name ("meet.example.com", with a port if it has one), never a raw
 * origin or link. `at` is an origin or any URL on the node.
 */
export function nodeLabel(at: string, names: ReadonlyMap<string, string>): string {
  const split = splitWebUrl(at);
  if (!split.ok) return at;
  const { origin, host, port } = split.value;
  return names.get(origin) ?? (port === null ? host : `${host}:${port}`);
}

/** What the popup calls each field when it says what is wrong with it. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  url: 'Join link',
  alias: 'Room name',
  role: 'Joining as',
  pin: 'PIN',
  startsAt: 'Start',
  endsAt: 'End',
  label: 'Name',
  displayName: 'Your name',
  leadMinutes: 'Minutes the code opens early',
  graceMinutes: 'Minutes the code works after the end',
  recurrence: 'Repeats',
};

/** The field an issue is about, by the name the form shows ("Join link"), or "Meeting" for the record as a whole. */
export function fieldNameOf(issue: Issue): string {
  return FIELD_NAMES[issue.path.split('.')[0] ?? ''] ?? 'Meeting';
}

/**
 * A problem as an attendee reads it: the field's name, not its internal path ("PIN: ..." rather
 * than "pin: ..."), and the "no PIN" case in the form's own words instead of typing "none".
 */
export function plainIssue(issue: Issue): string {
  const field = fieldNameOf(issue);
  if (issue.path === 'pin' && issue.message.startsWith('enter the PIN')) return 'PIN: enter the PIN, or tick "No PIN needed" if guests join without one.';
  return `${field}: ${issue.message.replace(/"none"/g, 'no PIN')}`;
}

/** "A, B and C". */
const listed = (names: readonly string[]): string => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/**
 * The summary above a form's errors: which fields to check, by the names the form shows
 * ("Not saved. Check the Join link and PIN."). Each problem itself is shown at its field.
 */
export function errorSummary(issues: readonly Issue[]): string {
  const names = [...new Set(issues.map(fieldNameOf))];
  if (names.length === 0) return 'Not saved.';
  return `Not saved. Check the ${listed(names)}.`;
}

/**
 * The plain-words problems of each of a form's fields: `fields` maps an issue path's first part
 * (`pin`, `startsAt`) to the id of the input that holds it. Issues with no input of their own
 * are left to the summary.
 */
export function errorsByField(issues: readonly Issue[], fields: Readonly<Record<string, string>>): Map<string, string> {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const id = fields[issue.path.split('.')[0] ?? ''];
    if (id === undefined) continue;
    const text = plainIssue(issue);
    const before = byField.get(id);
    byField.set(id, before === undefined ? text : `${before} ${text}`);
  }
  return byField;
}
