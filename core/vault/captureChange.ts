/**
 * A capture link for a room the user already saved a PIN for. A link is easy to send (a phishing
 * mail can point at the real node with `#sj=<attacker's PIN>`), so a capture never replaces or
 * adds to what is saved for a room on its own: the change waits for the user's confirmation in
 * the extension's own UI, which shows what would change (PINs masked). Only a room with nothing
 * saved gets the captured record directly.
 */
import { NO_GUEST_PIN } from './schema';
import type { SavedMeeting } from './schema';
import { meetingKey, sameMeetingContent } from './key';

/** One field a confirmed capture would change. Values are display-safe: PINs are masked. */
export interface FieldChange {
  field: 'pin' | 'role' | 'node' | 'startsAt' | 'endsAt' | 'leadMinutes' | 'graceMinutes' | 'recurrence' | 'label' | 'subject' | 'displayName';
  /** Times as UTC ms, everything else as text; null: not set. */
  before: string | number | null;
  after: string | number | null;
}

/**
 * What to do with a captured record:
 * - `new`: nothing is saved for its room (node origin and alias): save it;
 * - `same`: the same meeting is saved with the same content: nothing to do;
 * - `confirm`: it would replace (`replaces`, the record of the same node, path, alias and role)
 *   or add to (`replaces` null: another role or path) what is saved for the room: ask the user.
 */
export type CaptureDecision =
  | { kind: 'new' }
  | { kind: 'same'; id: string }
  | { kind: 'confirm'; replaces: SavedMeeting | null; changes: FieldChange[] };

/** Whether `m` is saved for the room (exact origin, alias case-insensitively) of `incoming`. */
export function sameRoom(m: Pick<SavedMeeting, 'origin' | 'alias'>, incoming: Pick<SavedMeeting, 'origin' | 'alias'>): boolean {
  return m.origin === incoming.origin && m.alias.toLowerCase() === incoming.alias.toLowerCase();
}

/** Decides a capture against the records saved for its room (others are ignored). Pure. */
export function decideCapture(saved: readonly SavedMeeting[], incoming: SavedMeeting): CaptureDecision {
  const room = saved.filter((m) => sameRoom(m, incoming));
  if (room.length === 0) return { kind: 'new' };
  const key = meetingKey(incoming);
  const same = room.find((m) => meetingKey(m) === key) ?? null;
  // Nothing the user would see differs (alias case, link style): nothing to confirm.
  if (same !== null && (sameMeetingContent(same, incoming) || describeChanges(same, incoming).length === 0)) return { kind: 'same', id: same.id };
  // Compared with the record it replaces, or (a new role or path in the room) with the one filled today.
  const before = same ?? room.find((m) => m.role === 'host') ?? (room[0] as SavedMeeting);
  return { kind: 'confirm', replaces: same, changes: describeChanges(before, incoming) };
}

/** A PIN as the UI may show it: its last two characters and its length ("…13 (6 digits)"); `none` as is. */
export function maskPin(pin: string): string {
  if (pin === NO_GUEST_PIN) return 'none (guests join without a PIN)';
  return `…${pin.slice(-2)} (${pin.length} ${pin.length === 1 ? 'character' : 'characters'})`;
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

/** The fields that differ between `before` and `after`, in display order, PINs masked. */
export function describeChanges(before: SavedMeeting, after: SavedMeeting): FieldChange[] {
  const out: FieldChange[] = [];
  const push = (field: FieldChange['field'], a: string | number | null, b: string | number | null): void => {
    if (a !== b) out.push({ field, before: a, after: b });
  };
  if (before.pin !== after.pin) out.push({ field: 'pin', before: maskPin(before.pin), after: maskPin(after.pin) });
  push('role', before.role, after.role);
  push('node', `${before.origin}/${before.path}`, `${after.origin}/${after.path}`);
  push('startsAt', orNull(before.startsAt), orNull(after.startsAt));
  push('endsAt', orNull(before.endsAt), orNull(after.endsAt));
  push('leadMinutes', orNull(before.leadMinutes), orNull(after.leadMinutes));
  push('graceMinutes', orNull(before.graceMinutes), orNull(after.graceMinutes));
  const rule = (m: SavedMeeting): string | null => (m.recurrence === undefined ? null : `${m.recurrence.rule.frequency} (${m.recurrence.timeZone})`);
  if (JSON.stringify(before.recurrence ?? null) !== JSON.stringify(after.recurrence ?? null)) out.push({ field: 'recurrence', before: rule(before), after: rule(after) });
  push('label', orNull(before.label), orNull(after.label));
  push('subject', orNull(before.subject), orNull(after.subject));
  push('displayName', orNull(before.displayName), orNull(after.displayName));
  return out;
}

/**
 * How long a capture waits for the user's confirmation (3 days). It holds a PIN, so it does
 * not wait forever; an unconfirmed change is simply dropped (the saved record never changed).
 */
export const PENDING_CHANGE_TTL_MS = 3 * 86_400_000;

/** Whether a change captured at `at` may still be confirmed at `now`. */
export function pendingChangeLive(at: number, now: number): boolean {
  return Number.isFinite(at) && at <= now && now - at < PENDING_CHANGE_TTL_MS;
}
