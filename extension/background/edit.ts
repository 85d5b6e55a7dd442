/**
 * Editing a saved meeting (popup): label, role, PIN and times. The edited record is rebuilt
 * through core's `newSavedMeeting`, so it passes exactly the checks a new record passes (PIN
 * rules for the role, times, label); what binds the PIN to its page (origin, path, alias, link
 * style) and the record's identity (id, source, createdAt) are carried over unchanged.
 */
import { newSavedMeeting } from '../../core/vault';
import type { SavedMeeting } from '../../core/vault';
import type { EpochMs, Result } from '../../core/types';
import type { MeetingChanges } from '../messaging/messages';

/** The meeting after `changes`, validated; errors name the field (`pin`, `role`, `startsAt`, ...). Never throws. */
export function applyMeetingEdit(existing: SavedMeeting, changes: MeetingChanges, now: EpochMs): Result<SavedMeeting> {
  const pick = <K extends 'label' | 'startsAt' | 'endsAt'>(key: K): SavedMeeting[K] | undefined => {
    const change = changes[key];
    if (change === undefined) return existing[key];
    return (change ?? undefined) as SavedMeeting[K] | undefined;
  };
  const input: Record<string, unknown> = {
    // A node URL the record's own origin and path always parse back to (path '' is the origin itself).
    url: existing.path === '' ? existing.origin : `${existing.origin}/${existing.path}`,
    alias: existing.alias,
    role: changes.role ?? existing.role,
    pin: changes.pin ?? existing.pin,
    label: pick('label'),
    // The invite's subject is not the user's to edit: it stays, and names the meeting when the label is cleared.
    subject: existing.subject,
    displayName: existing.displayName,
    startsAt: pick('startsAt'),
    endsAt: pick('endsAt'),
    leadMinutes: existing.leadMinutes,
    graceMinutes: existing.graceMinutes,
    // A series stays a series: its first occurrence moves with startsAt/endsAt.
    recurrence: existing.recurrence,
    source: existing.source,
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const rebuilt = newSavedMeeting(input as never, now, existing.id);
  if (!rebuilt.ok) return rebuilt;
  const record: SavedMeeting = { ...rebuilt.value, origin: existing.origin, path: existing.path, alias: existing.alias, createdAt: existing.createdAt, updatedAt: now };
  if (existing.style !== undefined) record.style = existing.style;
  else delete record.style;
  return { ok: true, value: record };
}
