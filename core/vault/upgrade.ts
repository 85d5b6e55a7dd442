/**
 * Reading stored records of older shapes, for the extension's Dexie upgrade.
 *
 * Version 0 is what a first prototype stored: the join link as one URL, plus PIN and role:
 * `{ id: number | string, url: string, pin: string, role: 'host' | 'guest', title?: string,
 *    name?: string, start?: number, end?: number, savedAt?: number }`.
 * Version 1 is today's {@link SavedMeeting} (origin/path/alias instead of a URL).
 */
import { z } from 'zod';
import { parseJoinLink } from '../links/join';
import type { EpochMs, Issue, Result } from '../types';
import { cleanPinInput } from './create';
import { meetingKey } from './key';
import { MAX_INSTANT, MEETING_ID_PATTERN, parseSavedMeeting, zodIssues } from './schema';
import type { SavedMeeting } from './schema';

const instant = z.int().min(0).max(MAX_INSTANT);

/**
 * The prototype's record (version 0). Unknown keys are ignored rather than refused: a prototype's
 * stray field must not cost a user their saved PIN; everything that is kept is validated.
 */
export const storedMeetingV0Schema = z.object({
  id: z.union([z.int().min(0), z.string().min(1).max(64)]).optional(),
  url: z.string().min(1),
  pin: z.string(),
  role: z.enum(['host', 'guest']).optional(),
  title: z.string().optional(),
  name: z.string().optional(),
  start: instant.optional(),
  end: instant.optional(),
  savedAt: instant.optional(),
});

/** A version-0 record as data. */
export type StoredMeetingV0 = z.infer<typeof storedMeetingV0Schema>;

/** Whether `raw` looks like a version-0 record (has `url`, no `origin`). */
function isV0(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'url' in raw && !('origin' in raw);
}

function upgradeV0(raw: unknown, now: EpochMs): Result<SavedMeeting> {
  const parsed = storedMeetingV0Schema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: zodIssues(parsed.error) };
  const v0 = parsed.data;
  const link = parseJoinLink(v0.url);
  if (!link.ok) return { ok: false, errors: link.errors.map((e): Issue => ({ path: e.path === 'url' ? 'url' : `url.${e.path}`, message: e.message })) };
  const role = v0.role ?? link.value.role;
  if (role === undefined) return { ok: false, errors: [{ path: 'role', message: 'is missing and the link has no role' }] };
  const savedAt = v0.savedAt ?? now;
  const room = { origin: link.value.origin, path: link.value.path, alias: link.value.alias, role };
  const id = typeof v0.id === 'number' ? String(v0.id) : (v0.id ?? '');
  const record: Record<string, unknown> = {
    // A prototype row without a usable id gets one derived from its meeting, so re-running the upgrade is stable.
    id: MEETING_ID_PATTERN.test(id) ? id : `v0:${fnv1a(meetingKey(room))}`,
    ...room,
    pin: cleanPinInput(v0.pin),
    source: 'import',
    createdAt: savedAt,
    updatedAt: savedAt,
  };
  if (link.value.style !== 'webapp3') record.style = link.value.style;
  if (v0.title !== undefined && v0.title.trim() !== '') record.label = v0.title.trim().slice(0, 200);
  const name = v0.name ?? link.value.name;
  if (name !== undefined && name.trim() !== '') record.displayName = name.trim();
  if (v0.start !== undefined) record.startsAt = v0.start;
  if (v0.end !== undefined) record.endsAt = v0.end;
  return parseSavedMeeting(record);
}

/** 32-bit FNV-1a of a string as 8 hex digits (stable ids only; not a security function). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Reads a stored record of any known shape into today's {@link SavedMeeting}. Never throws.
 * - version 1 (has `origin`): validated as is (strict);
 * - version 0 (has `url`, no `origin`): the join link is split into origin, path, alias and
 *   style; role from the record, else from the link; `title` becomes `label`, `name`
 *   `displayName`, `start`/`end` `startsAt`/`endsAt`; source `import`; timestamps from `savedAt`
 *   or `now`. A record without a usable id gets `v0:<hash of its meeting key>`.
 * @param now fallback for timestamps of version-0 records without `savedAt` (default 0).
 * @returns the record, or every problem (paths of the stored shape, e.g. `url`, `pin`).
 */
export function upgradeStoredMeeting(raw: unknown, now: EpochMs = 0): Result<SavedMeeting> {
  try {
    return isV0(raw) ? upgradeV0(raw, now) : parseSavedMeeting(raw);
  } catch {
    return { ok: false, errors: [{ path: 'record', message: 'could not be read as a saved meeting' }] };
  }
}
