/**
 * The admin policy manifest as one zod schema. Everything else in core/policy is derived from
 * it: the TypeScript types, the defaults (DEFAULT_POLICY), the Chrome managed-storage schema and
 * the field reference in examples/POLICY.md (from the `.describe()` texts). Change a field here
 * and all of those follow.
 *
 * Every object is strict: an unknown key (a typo such as `lockd`) is an error, because a typo
 * that is silently ignored would silently fall back to a default and could weaken policy.
 */
import { z } from 'zod';
import { isHttpsUrl, originProblem } from './origin';

/** The only manifest version this build understands. */
export const POLICY_VERSION = 1;

/** How invitees prove they were invited: no passcode, one passcode per meeting, or one per invitee. */
export const PASSCODE_MODES = ['none', 'shared', 'per-invitee'] as const;
/** What the extension does on a known conference node: nothing, fill the PIN, or fill and press join. */
export const AUTOFILL_MODES = ['off', 'fill', 'fill-and-join'] as const;

/**
 * A user-facing setting: the admin's default `value` and whether it is `locked`. A locked
 * setting always wins over an organizer's or attendee's own preference.
 */
function setting<T extends z.ZodType>(value: T, defaults: { value: z.output<T>; locked: boolean }, description: string) {
  return z
    .strictObject({
      value: value.default(defaults.value as never),
      locked: z.boolean().default(defaults.locked).describe('true: users cannot change this setting'),
    })
    .prefault({})
    .describe(description);
}

/** Whole minutes in [min, max]. */
const minutes = (min: number, max: number) => z.int().min(min).max(max);

const organizerSchema = z
  .strictObject({
    accessCode: z
      .strictObject({
        required: setting(z.boolean(), { value: true, locked: true }, 'Every meeting gets a one-time access code in the invite. Turning this off leaves the room PIN as the only barrier.'),
        length: setting(z.int().min(6).max(15), { value: 8, locked: false }, 'Digits in a generated access code (6-15).'),
      })
      .prefault({})
      .describe('The one-time access code put into each invitation.'),
    activation: z
      .strictObject({
        leadMinutes: setting(minutes(0, 180), { value: 15, locked: false }, 'Minutes before the meeting start at which its codes start to work (0-180).'),
        graceMinutes: setting(minutes(0, 240), { value: 0, locked: false }, 'Minutes after the meeting end during which its codes keep working (0-240).'),
      })
      .prefault({})
      .describe('When a meeting\'s codes work: from start minus lead until end plus grace.'),
    passcodes: z
      .strictObject({
        mode: setting(z.enum(PASSCODE_MODES), { value: 'per-invitee', locked: false }, 'Invitee passcodes: "none", "shared" (one per meeting) or "per-invitee" (unique per invitee, shows who joined).'),
        length: setting(z.int().min(6).max(15), { value: 8, locked: false }, 'Digits in a generated invitee passcode (6-15).'),
      })
      .prefault({})
      .describe('Passcodes that identify invitees.'),
    pin: z
      .strictObject({
        minLength: setting(z.int().min(4).max(20), { value: 6, locked: true }, 'Shortest room PIN an organizer may set (4-20 digits; Pexip allows 4-20).'),
      })
      .prefault({})
      .describe('Room PINs (host and guest).'),
  })
  .prefault({})
  .describe('Defaults and locks for meeting organizers (the Outlook add-in).');

const attendeeSchema = z
  .strictObject({
    autofill: z
      .strictObject({
        mode: setting(z.enum(AUTOFILL_MODES), { value: 'fill', locked: false }, 'What the browser extension does on a configured conference node: "off", "fill" (fill the PIN, the user presses join) or "fill-and-join".'),
        warnAtRemaining: setting(z.int().min(0).max(19), { value: 2, locked: false }, 'The extension stops autofilling and warns the user when this many PIN attempts or fewer remain (0-19).'),
      })
      .prefault({})
      .describe('PIN autofill in the browser extension.'),
    savedPins: z
      .strictObject({
        retentionDays: setting(z.int().min(0).max(365), { value: 30, locked: false }, 'Days the extension keeps a saved PIN after its meeting; 0 = never save PINs (0-365).'),
      })
      .prefault({})
      .describe('PINs the extension remembers for attendees.'),
  })
  .prefault({})
  .describe('Defaults and locks for attendees (the browser extension).');

const attemptsSchema = z
  .strictObject({
    web: z.int().min(1).max(20).default(5).describe('Wrong PINs allowed per web/desktop participant (Pexip: 5).'),
    sip: z.int().min(1).max(20).default(3).describe('Wrong PINs allowed per SIP/H.323 call (Pexip: 3).'),
    roomFailures: z.int().min(5).max(200).default(20).describe('Wrong PINs or codes against one room, within the window, that block the room (5-200; Pexip: 20).'),
    roomWindowMinutes: minutes(1, 1440).default(10).describe('The sliding window for roomFailures, in minutes (Pexip: 10).'),
    warnAtRemaining: z.int().min(0).max(19).default(2).describe('The conference node warns a participant when this many attempts or fewer remain.'),
  })
  .prefault({})
  .describe('Break-in defence enforced by the conference node. Admin only.');

/** A dial-in number as people write it: optional +, digits, spaces, dashes, dots, parentheses. */
const DIAL_IN = /^\+?[0-9][0-9 ().-]{2,30}$/;
/** A path under the node for the web app, without leading or trailing slash (e.g. "webapp3"). */
const WEB_APP_PATH = /^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/;

const nodeSchema = z
  .strictObject({
    name: z.string().min(1).max(100).optional().describe('A label for people (e.g. "EU meeting platform").'),
    origin: z
      .string()
      .superRefine((text, ctx) => {
        const problem = originProblem(text);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe('Exact https origin of the conference node, e.g. "https://meet.example.com" (no path, no trailing slash).'),
    webAppPath: z.string().regex(WEB_APP_PATH, { error: 'must be a path like "webapp3" (no leading or trailing slash)' }).default('webapp3').describe('Path of the web app on the node (Pexip web app 3 is usually "webapp3").'),
    dialIn: z.array(z.string().regex(DIAL_IN, { error: 'must be a phone number like "+44 20 7946 0000"' })).max(20).default([]).describe('Dial-in numbers printed in invitations.'),
    provisioningUrl: z
      .string()
      .refine(isHttpsUrl, { error: 'must be an https URL, e.g. "https://meet.example.com/securejoin/provision"' })
      .optional()
      .describe('Optional https endpoint that provisions one-time codes and passcodes on the node.'),
  })
  .describe('A conference node people join meetings on.');

/** The admin policy manifest. Parse input with {@link parsePolicy}, never with this schema alone. */
export const PolicySchema = z
  .strictObject({
    version: z.literal(POLICY_VERSION).describe('Manifest format version. Must be 1.'),
    organizer: organizerSchema,
    attendee: attendeeSchema,
    attempts: attemptsSchema,
    nodes: z
      .array(nodeSchema)
      .max(50)
      .default([])
      .superRefine((nodes, ctx) => {
        const seen = new Map<string, number>();
        nodes.forEach((node, i) => {
          const first = seen.get(node.origin);
          if (first !== undefined) {
            ctx.addIssue({ code: 'custom', path: [i, 'origin'], message: `duplicates nodes[${first}].origin` });
          } else seen.set(node.origin, i);
        });
      })
      .describe('Conference nodes. The extension only ever fills PINs on these origins; an empty list means it fills nowhere.'),
    assumedMeetingMinutes: minutes(5, 1440)
      .default(60)
      .describe('Typical meeting length used for the guess-risk check: a code is exposed for lead + this + grace minutes.'),
    assumedInvitees: z
      .int()
      .min(1)
      .max(1000)
      .default(25)
      .describe('Typical invitees per meeting; with per-invitee passcodes each one is a valid guess target.'),
    maxGuessProbability: z
      .number()
      .gt(0)
      .max(0.01)
      .default(1e-4)
      .describe('Highest acceptable chance that an attacker guesses a valid code during one meeting\'s exposure, given the attempt limits (0 < p <= 0.01).'),
  })
  .superRefine((policy, ctx) => {
    const lowest = Math.min(policy.attempts.web, policy.attempts.sip);
    if (policy.attempts.warnAtRemaining >= lowest) {
      ctx.addIssue({ code: 'custom', path: ['attempts', 'warnAtRemaining'], message: `must be below the smallest attempt limit (${lowest}), or every attempt would warn` });
    }
  });

/** A parsed policy with every default filled in. */
export type Policy = z.output<typeof PolicySchema>;
/** A policy as an admin may write it (defaults optional). */
export type PolicyInput = z.input<typeof PolicySchema>;
/** One conference node of a policy. */
export type PolicyNode = Policy['nodes'][number];
/** See {@link PASSCODE_MODES}. */
export type PasscodeMode = (typeof PASSCODE_MODES)[number];
/** See {@link AUTOFILL_MODES}. */
export type AutofillMode = (typeof AUTOFILL_MODES)[number];
/** A user-facing policy setting: the admin's value and whether users may change it. */
export interface LockableSetting<T> {
  value: T;
  locked: boolean;
}
