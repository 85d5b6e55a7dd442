/**
 * Validation of a room as the meeting service receives it (the `room` of `PUT /api/v1/meetings/:id`).
 * Shape is checked by zod, PIN rules by core/pin, the activation window by core/time; every
 * problem found is reported at once, and nothing is half-applied.
 */
import { z } from 'zod';
import { isValidPinFormat, validatePinConfig } from '../pin';
import { activationWindow, seriesIssues, WEEKDAYS } from '../time';
import { DEFAULT_GRACE_MINUTES, DEFAULT_LEAD_MINUTES } from '../time/activation';
import type { Issue, Result } from '../types';
import { duplicateAliasIssues, meetingAliases, pinLengthIssues } from './aliases';
import { plainText } from './plainText';
import type { RoomRecurrence, RoomSpec, RoomWindow } from './types';

/** Room aliases: what fits in a URL path segment and a Pexip alias (`meet.alice`, `123456`, `a@b.c`). */
export const ALIAS_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/;

/** Meeting codes are sent as a Pexip `pin` header: 4-20 digits. */
const CODE_PATTERN = /^[0-9]{4,20}$/;

/** Most invitees one room accepts: keeps a PUT body and roster look-ups small. */
export const MAX_INVITEES = 2000;

const epochMs = z.int().min(0).max(8_640_000_000_000_000);
const code = z.string().regex(CODE_PATTERN, 'must be 4-20 digits');
const pin = z
  .string()
  .refine(isValidPinFormat, 'must be 4-20 digits, optionally ending in #')
  .nullable()
  .default(null);

/** The RoomSpec body as JSON. Strict: unknown keys are errors (a typo must not weaken a room). */
export const roomSpecInputSchema = z
  .strictObject({
    alias: z.string().regex(ALIAS_PATTERN, 'must be 1-100 characters: letters, digits and . _ @ + - (not first)'),
    name: plainText(z.string().trim().min(1).max(200)).optional(),
    hostPin: pin,
    guestPin: pin,
    allowGuests: z.boolean(),
    accessCode: z
      .strictObject({ code, role: z.enum(['host', 'guest']).default('guest') })
      .nullable()
      .default(null),
    invitees: z
      .array(
        z.strictObject({
          email: plainText(z.string().trim().min(3).max(320)),
          name: plainText(z.string().trim().min(1).max(200)),
          passcode: code,
          // Required by the policy API's contract once every client sends them (issue 10); optional
          // meanwhile so older add-ins keep provisioning. Without them the invitee has no personal alias.
          alias: z.string().regex(ALIAS_PATTERN, 'must be 1-100 characters: letters, digits and . _ @ + - (not first)').optional(),
          dialAlias: code.optional(),
        }),
      )
      .max(MAX_INVITEES)
      .default([]),
    window: z.strictObject({ opensAt: epochMs, closesAt: epochMs }).optional(),
    meeting: z.strictObject({ start: epochMs, end: epochMs }).optional(),
    leadMinutes: z.int().min(0).max(180).optional(),
    graceMinutes: z.int().min(0).max(240).optional(),
    recurrence: z
      .strictObject({
        timeZone: plainText(z.string().min(1).max(100)),
        rule: z.strictObject({
          frequency: z.enum(['daily', 'weekly', 'monthly']),
          interval: z.int().optional(),
          daysOfWeek: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
          until: epochMs.optional(),
          count: z.int().optional(),
        }),
      })
      .optional()
      .describe('A recurring meeting: `meeting` is its first occurrence; the codes work in each occurrence\'s window.'),
    sent: z.boolean().default(false).describe('false: a draft, whose aliases open nothing; the send check sets it true.'),
  })
  .describe('A SecureJoin room: Pexip PINs plus optional time-limited meeting credentials.');

/** The JSON a client sends (before defaults). */
export type RoomSpecInput = z.input<typeof roomSpecInputSchema>;

/** `invitees[0].passcode` from zod's path array. */
function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/**
 * Validates untrusted input into a RoomSpec.
 *
 * Rules beyond the shape: PINs per core/pin; `accessCode`/`invitees` need a host PIN (otherwise
 * the room is open and codes mean nothing), guest credentials need `allowGuests`, and they need
 * a window: either `window` or `meeting` (+ `leadMinutes` default 15, `graceMinutes` default 0),
 * not both. A `recurrence` (zone and RFC 5545-style rule, core/time's rules) needs `meeting` as
 * its first occurrence: the codes then work in each occurrence's window. All credentials (PINs, access code, passcodes) must be distinct, else a code would
 * grant an ambiguous role.
 *
 * @param expectedAlias when given (the alias from the URL), the body's alias must equal it.
 * @returns the normalised spec, or every issue found (`path` uses `a.b[0].c` notation).
 */
export function parseRoomSpec(input: unknown, expectedAlias?: string): Result<RoomSpec> {
  const parsed = roomSpecInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
  }
  const v = parsed.data;
  const errors: Issue[] = [];
  if (expectedAlias !== undefined && v.alias !== expectedAlias) {
    errors.push({ path: 'alias', message: `must equal the alias in the URL (${expectedAlias})` });
  }
  const pins = validatePinConfig({ hostPin: v.hostPin, guestPin: v.guestPin, allowGuests: v.allowGuests });
  if (!pins.ok) errors.push(...pins.errors);

  const hasCodes = v.accessCode !== null || v.invitees.length > 0;
  if (hasCodes && v.hostPin === null) {
    errors.push({ path: 'hostPin', message: 'is required when the room has an access code or invitee passcodes (a room without PINs lets everyone in)' });
  }
  if (!v.allowGuests && (v.invitees.length > 0 || v.accessCode?.role === 'guest')) {
    errors.push({ path: 'allowGuests', message: 'must be true for guest access codes and invitee passcodes' });
  }
  errors.push(...duplicateCredentialIssues(v));
  errors.push(...duplicateAliasIssues(meetingAliases(v)));
  errors.push(...pinLengthIssues(v.hostPin, [{ path: 'guestPin', pin: v.guestPin }, ...v.invitees.map((inv, i) => ({ path: `invitees[${i}].passcode`, pin: inv.passcode }))]));

  const window = resolveWindow(v, hasCodes, errors);
  const recurrence = resolveRecurrence(v, errors);
  if (errors.length > 0 || window === undefined || recurrence === undefined) return { ok: false, errors };
  return {
    ok: true,
    value: {
      alias: v.alias,
      name: v.name ?? v.alias,
      hostPin: v.hostPin,
      guestPin: v.guestPin,
      allowGuests: v.allowGuests,
      accessCode: v.accessCode,
      invitees: v.invitees.map(({ email, name, passcode, alias, dialAlias }) => ({
        email,
        name,
        passcode,
        ...(alias !== undefined ? { alias } : {}),
        ...(dialAlias !== undefined ? { dialAlias } : {}),
      })),
      window,
      sent: v.sent,
      ...(recurrence ? { recurrence } : {}),
    },
  };
}

/** The series from `recurrence` + `meeting`; null without one, `undefined` (issues pushed) when it is wrong. */
function resolveRecurrence(v: ParsedInput, errors: Issue[]): RoomRecurrence | null | undefined {
  if (v.recurrence === undefined) return null;
  if (v.meeting === undefined) {
    errors.push({ path: 'meeting', message: 'is required with recurrence (it is the first occurrence; a fixed window cannot repeat)' });
    return undefined;
  }
  const { timeZone } = v.recurrence;
  const given = v.recurrence.rule;
  const rule: RoomRecurrence['rule'] = { frequency: given.frequency };
  if (given.interval !== undefined) rule.interval = given.interval;
  if (given.daysOfWeek !== undefined) rule.daysOfWeek = given.daysOfWeek;
  if (given.until !== undefined) rule.until = given.until;
  if (given.count !== undefined) rule.count = given.count;
  const issues = seriesIssues({ start: v.meeting.start, end: v.meeting.end, timeZone, rule });
  // `meeting.end` is reported by resolveWindow already.
  const own = issues.filter((i) => i.path !== 'start' && i.path !== 'end');
  if (own.length > 0 || issues.length > 0) {
    errors.push(...own.map((i) => ({ path: `recurrence.${i.path}`, message: i.message })));
    return undefined;
  }
  return {
    meeting: v.meeting,
    timeZone,
    rule,
    leadMinutes: v.leadMinutes ?? DEFAULT_LEAD_MINUTES,
    graceMinutes: v.graceMinutes ?? DEFAULT_GRACE_MINUTES,
  };
}

type ParsedInput = z.output<typeof roomSpecInputSchema>;

/** The window from `window` or `meeting`; `undefined` (with issues pushed) when it is wrong. */
function resolveWindow(v: ParsedInput, hasCodes: boolean, errors: Issue[]): RoomWindow | null | undefined {
  if (v.window && v.meeting) {
    errors.push({ path: 'window', message: 'give either window or meeting, not both' });
    return undefined;
  }
  if (v.window) {
    if (v.window.closesAt <= v.window.opensAt) {
      errors.push({ path: 'window.closesAt', message: 'must be after window.opensAt' });
      return undefined;
    }
    return v.window;
  }
  if (v.meeting) {
    if (v.meeting.end <= v.meeting.start) {
      errors.push({ path: 'meeting.end', message: 'must be after meeting.start' });
      return undefined;
    }
    const opts: { leadMinutes?: number; graceMinutes?: number } = {};
    if (v.leadMinutes !== undefined) opts.leadMinutes = v.leadMinutes;
    if (v.graceMinutes !== undefined) opts.graceMinutes = v.graceMinutes;
    try {
      return activationWindow(v.meeting, opts);
    } catch (error) {
      errors.push({ path: 'meeting', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }
  if (v.leadMinutes !== undefined || v.graceMinutes !== undefined) {
    errors.push({ path: 'meeting', message: 'is required when leadMinutes or graceMinutes is given' });
    return undefined;
  }
  if (hasCodes) {
    errors.push({ path: 'window', message: 'is required (window or meeting) when the room has an access code or invitee passcodes' });
    return undefined;
  }
  return null;
}

/** Every credential must be unique across PINs, the access code and all passcodes. */
function duplicateCredentialIssues(v: ParsedInput): Issue[] {
  const seen = new Map<string, string>();
  const issues: Issue[] = [];
  const add = (value: string | null | undefined, path: string): void => {
    if (value === null || value === undefined) return;
    const first = seen.get(value);
    if (first !== undefined) issues.push({ path, message: `must differ from ${first}` });
    else seen.set(value, path);
  };
  add(v.hostPin, 'hostPin');
  // Host PIN = guest PIN is core/pin's issue (validatePinConfig reports it); do not repeat it.
  if (v.guestPin !== v.hostPin) add(v.guestPin, 'guestPin');
  add(v.accessCode?.code, 'accessCode.code');
  v.invitees.forEach((inv, i) => add(inv.passcode, `invitees[${i}].passcode`));
  // A personal numeric alias is public (dialled): it must never equal a secret.
  v.invitees.forEach((inv, i) => add(inv.dialAlias, `invitees[${i}].dialAlias`));
  return issues;
}
