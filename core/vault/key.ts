/**
 * Identity of a saved meeting, for de-duplication: the same node, web app path, alias (Pexip
 * aliases are case-insensitive) and role is the same meeting PIN, whatever its id or label.
 */
import type { SavedMeeting } from './schema';

/**
 * The dedupe key of a record: origin + path + lower-case alias + role, JSON-encoded so that no
 * choice of characters in an alias can make two different tuples collide.
 */
export function meetingKey(m: Pick<SavedMeeting, 'origin' | 'path' | 'alias' | 'role'>): string {
  return JSON.stringify([m.origin, m.path, m.alias.toLowerCase(), m.role]);
}

/** The plain fields that make up a record's content (with `recurrence`: everything but id, createdAt, updatedAt and source). */
const CONTENT_FIELDS = [
  'origin',
  'path',
  'alias',
  'role',
  'pin',
  'label',
  'subject',
  'displayName',
  'startsAt',
  'endsAt',
  'leadMinutes',
  'graceMinutes',
  'style',
] as const satisfies readonly (keyof SavedMeeting)[];

/** Whether two records say the same thing (ignoring id, source and timestamps). */
export function sameMeetingContent(a: SavedMeeting, b: SavedMeeting): boolean {
  return CONTENT_FIELDS.every((f) => a[f] === b[f]) && JSON.stringify(a.recurrence ?? null) === JSON.stringify(b.recurrence ?? null);
}
