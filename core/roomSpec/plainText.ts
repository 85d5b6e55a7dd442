/**
 * Text a meeting carries (subject, room name, invitee names and addresses, time zone) is shown to
 * people and written into logs, invites and Infinity's answers: a control character there (NUL,
 * escape, line breaks) has no business in it and breaks the database (NUL) or what shows it.
 */
import { z } from 'zod';

/** C0 controls and DEL. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** `schema` refusing any control character, with a message that says which is wrong, never echoing it. */
export function plainText<T extends z.ZodString>(schema: T) {
  return schema.refine((text) => !CONTROL_CHARACTER.test(text), 'must not contain control characters (such as NUL, tab or line breaks)');
}
