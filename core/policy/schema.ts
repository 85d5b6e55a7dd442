/**
 * The admin policy manifest as one zod schema. Everything else in core/policy is derived from
 * it: the TypeScript types, the defaults (DEFAULT_POLICY), the Chrome managed-storage schema and
 * the field reference in examples/POLICY.md (from the `z.describe` texts). Change a field here
 * and all of those follow.
 *
 * Every object is strict: an unknown key (a typo such as `lockd`) is an error, because a typo
 * that is silently ignored would silently fall back to a default and could weaken policy.
 */
import * as z from 'zod/mini';
import { originProblem, serviceUrlProblem } from './origin';

// zod/mini (functional API) rather than classic `z`: the same zod core, but tree-shakeable, so
// the Outlook task pane does not carry zod's JSON-schema conversion and method tables (~40 KiB
// gzip). Descriptions are `z.describe` checks (they live in zod's global registry, where
// z.toJSONSchema and walk.ts's descriptionOf read them).

/** The only manifest version this build understands. */
export const POLICY_VERSION = 1;

/** How invitees prove they were invited: no passcode, one passcode per meeting, or one per invitee. */
export const PASSCODE_MODES = ['none', 'shared', 'per-invitee'] as const;
/** What the extension does on a known conference node: nothing, fill the PIN, or fill and press join. */
export const AUTOFILL_MODES = ['off', 'fill', 'fill-and-join'] as const;

/** Attaches a description (for examples/POLICY.md and the managed-storage schema). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description)) as T;

/** An object that may be left out: missing means `{}`, so its own defaults apply. */
const group = <T extends z.ZodMiniType>(schema: T, description: string) => described(z.prefault(schema, {} as never), description);

/**
 * A user-facing setting: the admin's default `value` and whether it is `locked`. A locked
 * setting always wins over an organizer's or attendee's own preference.
 */
function setting<T extends z.ZodMiniType>(value: T, defaults: { value: z.output<T>; locked: boolean }, description: string) {
  return group(
    z.strictObject({
      value: z._default(value, defaults.value as never),
      locked: described(z._default(z.boolean(), defaults.locked), 'true: users cannot change this setting'),
    }),
    description,
  );
}

/** A whole number in [min, max]. */
const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
/** Whole minutes in [min, max]. */
const minutes = intIn;
/** A field with a default and a description. */
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>, description: string) => described(z._default(schema, value as never), description);

const organizerSchema = group(
  z.strictObject({
    accessCode: group(
      z.strictObject({
        required: setting(z.boolean(), { value: true, locked: true }, 'Every meeting gets a one-time access code in the invite. Turning this off leaves the room PIN as the only barrier.'),
        length: setting(intIn(6, 15), { value: 8, locked: false }, 'Digits in a generated access code (6-15). The access code is also the meeting\'s numeric alias (what a phone caller types at the Virtual Reception); personal numeric aliases use the same length.'),
      }),
      'The one-time access code put into each invitation.',
    ),
    activation: group(
      z.strictObject({
        leadMinutes: setting(minutes(0, 180), { value: 15, locked: false }, 'Minutes before the meeting start at which its codes start to work (0-180).'),
        graceMinutes: setting(minutes(0, 240), { value: 0, locked: false }, 'Minutes after the meeting end during which its codes keep working (0-240).'),
      }),
      'When a meeting\'s codes work: from start minus lead until end plus grace.',
    ),
    passcodes: group(
      z.strictObject({
        mode: setting(z.enum(PASSCODE_MODES), { value: 'per-invitee', locked: false }, 'Invitee passcodes: "none", "shared" (one per meeting) or "per-invitee" (unique per invitee, shows who joined).'),
        length: setting(intIn(6, 15), { value: 8, locked: false }, 'Digits in a generated invitee passcode (6-15). A passcode is the guest PIN of its meeting link, and Pexip Infinity needs host and guest PINs of one length: generated passcodes and PINs all take the larger of this and pin.minLength.'),
      }),
      'Passcodes that identify invitees.',
    ),
    pin: group(
      z.strictObject({
        minLength: setting(intIn(4, 20), { value: 9, locked: true }, 'Shortest room PIN an organizer may set (4-20 digits; Pexip allows 4-20). The host PIN opens the room at any time while it exists (see assumedRoomDays), so it must be longer than the one-time codes.'),
      }),
      'Room PINs (host and guest).',
    ),
  }),
  'Defaults and locks for meeting organizers (the Outlook add-in).',
);

const attendeeSchema = group(
  z.strictObject({
    autofill: group(
      z.strictObject({
        mode: setting(z.enum(AUTOFILL_MODES), { value: 'fill', locked: false }, 'What the browser extension does on a configured conference node: "off", "fill" (fill the PIN, the user presses join) or "fill-and-join".'),
        warnAtRemaining: setting(intIn(0, 19), { value: 2, locked: false }, 'The extension stops autofilling and warns the user when this many PIN attempts or fewer remain (0-19).'),
      }),
      'PIN autofill in the browser extension.',
    ),
    savedPins: group(
      z.strictObject({
        retentionDays: setting(intIn(0, 365), { value: 30, locked: false }, 'Days the extension keeps a saved PIN after its meeting; 0 = never save PINs (0-365).'),
      }),
      'PINs the extension remembers for attendees.',
    ),
  }),
  'Defaults and locks for attendees (the browser extension).',
);

const attemptsSchema = group(
  z.strictObject({
    web: withDefault(intIn(1, 20), 5, 'Wrong PINs allowed per web/desktop participant (Pexip: 5).'),
    sip: withDefault(intIn(1, 20), 3, 'Wrong PINs allowed per SIP/H.323 call (Pexip: 3).'),
    roomFailures: withDefault(intIn(5, 200), 20, 'Wrong PINs or codes against one room, within the window, that block the room (5-200; Pexip: 20).'),
    roomWindowMinutes: withDefault(minutes(1, 1440), 10, 'The sliding window for roomFailures, in minutes (Pexip: 10).'),
    warnAtRemaining: withDefault(intIn(0, 19), 2, 'The conference node warns a participant when this many attempts or fewer remain.'),
  }),
  'Break-in defence enforced by the conference node. Admin only.',
);

/** A dial-in number as people write it: optional +, digits, spaces, dashes, dots, parentheses. */
const DIAL_IN = /^\+?[0-9][0-9 ().-]{2,30}$/;
/** A path under the node for the web app, without leading or trailing slash (e.g. "webapp3"). */
const WEB_APP_PATH = /^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/;

const nodeSchema = described(
  z.strictObject({
    name: described(z.optional(z.string().check(z.minLength(1), z.maxLength(100))), 'A label for people (e.g. "EU meeting platform").'),
    origin: described(
      z.string().check(
        z.superRefine((text, ctx) => {
          const problem = originProblem(text);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        }),
      ),
      'Exact https origin of the conference node, e.g. "https://meet.example.com" (no path, no trailing slash).',
    ),
    webAppPath: withDefault(z.string().check(z.regex(WEB_APP_PATH, { error: 'must be a path like "webapp3" (no leading or trailing slash)' })), 'webapp3', 'Path of the web app on the node (Pexip web app 3 is usually "webapp3").'),
    dialIn: withDefault(
      z.array(z.string().check(z.regex(DIAL_IN, { error: 'must be a phone number like "+44 20 7946 0000"' }))).check(z.maxLength(20)),
      [],
      'Dial-in numbers printed in invitations.',
    ),
  }),
  'A conference node people join meetings on.',
);

/** An Entra ID application (client) id: a GUID. */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** An OAuth scope as Entra ID writes it, e.g. "api://securejoin.example.com/Meetings.ReadWrite". */
const SCOPE = /^[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{1,300}$/;

const meetingServiceSchema = described(
  z.optional(
    z.strictObject({
      url: described(
        z.string().check(
          z.superRefine((text, ctx) => {
            const problem = serviceUrlProblem(text);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          }),
        ),
        'Base URL of the SecureJoin meeting service, e.g. "https://securejoin.example.com" (https; plain http only on loopback, for development).',
      ),
      clientId: described(
        z.string().check(z.regex(GUID, { error: 'must be the add-in\'s Application (client) ID from its Entra ID app registration, a GUID like "8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f"' })),
        'Application (client) ID of the add-in\'s Entra ID app registration (SPA redirect "brk-multihub://<add-in origin>").',
      ),
      authority: described(
        z.string().check(
          z.superRefine((text, ctx) => {
            const problem = serviceUrlProblem(text);
            if (problem) ctx.addIssue({ code: 'custom', message: problem });
          }),
        ),
        'Where organizers sign in, e.g. "https://login.microsoftonline.com/<tenant id>".',
      ),
      scope: described(
        z.string().check(z.regex(SCOPE, { error: 'must be one scope like "api://securejoin.example.com/Meetings.ReadWrite" (no spaces)' })),
        'The meeting service\'s scope the add-in asks a token for, e.g. "api://securejoin.example.com/Meetings.ReadWrite".',
      ),
    }),
  ),
  'The SecureJoin meeting service that keeps each meeting\'s codes and registers its room on the conference node. Organizers sign in to it (Nested App Authentication). Without it the add-in registers nothing and organizers register rooms themselves.',
);

/** The admin policy manifest. Parse input with {@link parsePolicy}, never with this schema alone. */
export const PolicySchema = z
  .strictObject({
    version: described(z.literal(POLICY_VERSION), 'Manifest format version. Must be 1.'),
    organizer: organizerSchema,
    attendee: attendeeSchema,
    attempts: attemptsSchema,
    nodes: withDefault(
      z.array(nodeSchema).check(
        z.maxLength(50),
        z.superRefine((nodes, ctx) => {
          const seen = new Map<string, number>();
          nodes.forEach((node, i) => {
            const first = seen.get(node.origin);
            if (first !== undefined) {
              ctx.addIssue({ code: 'custom', path: [i, 'origin'], message: `duplicates nodes[${first}].origin` });
            } else seen.set(node.origin, i);
          });
        }),
      ),
      [],
      'Conference nodes. The extension only ever fills PINs on these origins; an empty list means it fills nowhere.',
    ),
    meetingService: meetingServiceSchema,
    assumedMeetingMinutes: withDefault(minutes(5, 1440), 60, 'Typical meeting length used for the guess-risk check: a code is exposed for lead + this + grace minutes.'),
    assumedRoomDays: withDefault(
      intIn(1, 3660),
      30,
      'Typical days a meeting\'s room stays on the conference node, from the invite until the room is removed. Its host PIN (and a static guest PIN, when the access code is off) opens the room all that time, so the guess-risk check counts them over these days.',
    ),
    assumedInvitees: withDefault(intIn(1, 1000), 25, 'Typical invitees per meeting; with per-invitee passcodes each one is a valid guess target.'),
    maxGuessProbability: withDefault(
      z.number().check(z.gt(0), z.maximum(0.01)),
      1e-4,
      'Highest acceptable chance that an attacker guesses a valid code during one meeting\'s exposure, given the attempt limits (0 < p <= 0.01).',
    ),
  })
  .check(
    z.superRefine((policy, ctx) => {
      const lowest = Math.min(policy.attempts.web, policy.attempts.sip);
      if (policy.attempts.warnAtRemaining >= lowest) {
        ctx.addIssue({ code: 'custom', path: ['attempts', 'warnAtRemaining'], message: `must be below the smallest attempt limit (${lowest}), or every attempt would warn` });
      }
    }),
  );

/** A parsed policy with every default filled in. */
export type Policy = z.output<typeof PolicySchema>;
/** A policy as an admin may write it (defaults optional). */
export type PolicyInput = z.input<typeof PolicySchema>;
/** One conference node of a policy. */
export type PolicyNode = Policy['nodes'][number];
/** The policy's meeting service (see `meetingService`). */
export type MeetingServicePolicy = NonNullable<Policy['meetingService']>;
/** See {@link PASSCODE_MODES}. */
export type PasscodeMode = (typeof PASSCODE_MODES)[number];
/** See {@link AUTOFILL_MODES}. */
export type AutofillMode = (typeof AUTOFILL_MODES)[number];
/** A user-facing policy setting: the admin's value and whether users may change it. */
export interface LockableSetting<T> {
  value: T;
  locked: boolean;
}
