/**
 * The body of a meeting write (`PUT /api/v1/meetings/:id`): a subject and a room spec, validated
 * whole. The room is core/roomSpec's spec, so the service accepts exactly what a node accepts.
 */
import { z } from 'zod';
import { parseRoomSpec, roomSpecInputSchema } from '../roomSpec';
import { plainText } from '../roomSpec/plainText';
import type { RoomSpec } from '../roomSpec';
import type { Issue, Result } from '../types';

/** Longest subject kept (Outlook allows 255). */
export const MAX_SUBJECT_LENGTH = 255;

/** The JSON a client sends. Strict: an unknown key is an error, never ignored. */
export const meetingWriteSchema = z.strictObject({
  subject: plainText(z.string().max(MAX_SUBJECT_LENGTH)),
  room: roomSpecInputSchema,
});

/** The JSON a client sends (before defaults). */
export type MeetingWriteInput = z.input<typeof meetingWriteSchema>;

/** A validated write. */
export interface MeetingWrite {
  subject: string;
  room: RoomSpec;
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** A zod issue as field-named issues: an unknown key is reported at its own path. */
function issuesOf(issue: z.core.$ZodIssue): Issue[] {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'is not a known field' }));
  }
  return [{ path: pathOf(issue.path) || 'body', message: issue.message }];
}

/**
 * Validates an untrusted write body. Paths in the issues start at the body (`room.invitees[0].passcode`).
 * The body's shape is checked first; the room's own rules (PINs, window, distinct codes) after.
 */
export function parseMeetingWrite(input: unknown): Result<MeetingWrite> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: 'body', message: 'must be a JSON object with subject and room' }] };
  }
  const shape = meetingWriteSchema.safeParse(input);
  if (!shape.success) return { ok: false, errors: shape.error.issues.flatMap(issuesOf) };
  const room = parseRoomSpec((input as { room: unknown }).room);
  if (!room.ok) return { ok: false, errors: room.errors.map((e: Issue) => ({ path: e.path ? `room.${e.path}` : 'room', message: e.message })) };
  return { ok: true, value: { subject: shape.data.subject, room: room.value } };
}
