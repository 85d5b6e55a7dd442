/** Meeting ids are chosen by the client (the add-in keeps one in the item's sessionData). */

/** 16-64 URL-safe characters: long enough that a nanoid cannot be guessed, short enough for a path. */
export const MEETING_ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** True when `id` may name a meeting. */
export function isMeetingId(id: string): boolean {
  return MEETING_ID_PATTERN.test(id);
}
