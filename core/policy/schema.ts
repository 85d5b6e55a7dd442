/**
 * The admin policy manifest as one zod schema. Everything else in core/policy is derived from
 * it: the TypeScript types, the defaults (DEFAULT_POLICY), the Chrome managed-storage schema and
 * the field reference in examples/POLICY.md (with the words of descriptions.ts, kept apart so the
 * Outlook task pane does not carry them). Change a field here and all of those follow.
 *
 * Every object is strict: an unknown key (a typo such as `lockd`) is an error, because a typo
 * that is silently ignored would silently fall back to a default and could weaken policy.
 */
import * as z from 'zod/mini';
import { originProblem, serviceUrlProblem } from './origin';

// zod/mini (functional API) rather than classic `z`: the same zod core, but tree-shakeable, so
// the Outlook task pane does not carry zod's JSON-schema conversion and method tables (~40 KiB
// gzip).

/** The only manifest version this build understands. */
export const POLICY_VERSION = 1;

/** How invitees prove they were invited: no passcode, one passcode per meeting, or one per invitee. */
export const PASSCODE_MODES = ['none', 'shared', 'per-invitee'] as const;
/** What the extension does on a known conference node: nothing, fill the PIN, or fill and press join. */
export const AUTOFILL_MODES = ['off', 'fill', 'fill-and-join'] as const;

/** An object that may be left out: missing means `{}`, so its own defaults apply. */
const group = <T extends z.ZodMiniType>(schema: T) => z.prefault(schema, {} as never);

/**
 * A user-facing setting: the admin's default `value` and whether it is `locked`. A locked
 * setting always wins over an organizer's or attendee's own preference.
 */
function setting<T extends z.ZodMiniType>(value: T, defaults: { value: z.output<T>; locked: boolean }) {
  return group(
    z.strictObject({
      value: z._default(value, defaults.value as never),
      locked: z._default(z.boolean(), defaults.locked),
    }),
  );
}

/** A whole number in [min, max]. */
const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
/** Whole minutes in [min, max]. */
const minutes = intIn;
/** A field with a default. */
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

const organizerSchema = group(
  z.strictObject({
    accessCode: group(
      z.strictObject({
        required: setting(z.boolean(), { value: true, locked: true }),
        length: setting(intIn(6, 15), { value: 8, locked: false }),
      }),
    ),
    activation: group(
      z.strictObject({
        leadMinutes: setting(minutes(0, 180), { value: 15, locked: false }),
        graceMinutes: setting(minutes(0, 240), { value: 0, locked: false }),
      }),
    ),
    passcodes: group(
      z.strictObject({
        mode: setting(z.enum(PASSCODE_MODES), { value: 'per-invitee', locked: false }),
        length: setting(intIn(6, 15), { value: 8, locked: false }),
      }),
    ),
    pin: group(
      z.strictObject({
        minLength: setting(intIn(4, 20), { value: 9, locked: true }),
      }),
    ),
  }),
);

const attendeeSchema = group(
  z.strictObject({
    autofill: group(
      z.strictObject({
        mode: setting(z.enum(AUTOFILL_MODES), { value: 'fill', locked: false }),
        warnAtRemaining: setting(intIn(0, 19), { value: 2, locked: false }),
      }),
    ),
    savedPins: group(
      z.strictObject({
        retentionDays: setting(intIn(0, 365), { value: 30, locked: false }),
      }),
    ),
  }),
);

const attemptsSchema = group(
  z.strictObject({
    web: withDefault(intIn(1, 20), 5),
    sip: withDefault(intIn(1, 20), 3),
    roomFailures: withDefault(intIn(5, 200), 20),
    roomWindowMinutes: withDefault(minutes(1, 1440), 10),
    warnAtRemaining: withDefault(intIn(0, 19), 2),
  }),
);

/** A dial-in number as people write it: optional +, digits, spaces, dashes, dots, parentheses. */
const DIAL_IN = /^\+?[0-9][0-9 ().-]{2,30}$/;
/** A path under the node for the web app, without leading or trailing slash (e.g. "webapp3"). */
const WEB_APP_PATH = /^[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/;

const nodeSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  origin: z.string().check(
    z.superRefine((text, ctx) => {
      const problem = originProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  ),
  webAppPath: withDefault(z.string().check(z.regex(WEB_APP_PATH, { error: 'must be a path like "webapp3" (no leading or trailing slash)' })), 'webapp3'),
  dialIn: withDefault(z.array(z.string().check(z.regex(DIAL_IN, { error: 'must be a phone number like "+44 20 7946 0000"' }))).check(z.maxLength(20)), []),
});

/** An Entra ID application (client) id: a GUID. */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** An OAuth scope as Entra ID writes it, e.g. "api://securejoin.example.com/Meetings.ReadWrite". */
const SCOPE = /^[A-Za-z0-9._~:/?#@!$&'()*+,;=%-]{1,300}$/;

/** An https (or loopback http) URL: a meeting service or a sign-in authority. */
const serviceUrl = () =>
  z.string().check(
    z.superRefine((text, ctx) => {
      const problem = serviceUrlProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );

/** The attendance record from the Event sink (meeting service): how long it is kept. */
const attendanceSchema = group(
  z.strictObject({
    retentionDays: withDefault(intIn(1, 3660), 90),
  }),
);

const meetingServiceSchema = z.optional(
  z.strictObject({
    url: serviceUrl(),
    clientId: z.string().check(z.regex(GUID, { error: 'must be the add-in\'s Application (client) ID from its Entra ID app registration, a GUID like "8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f"' })),
    authority: serviceUrl(),
    scope: z.string().check(z.regex(SCOPE, { error: 'must be one scope like "api://securejoin.example.com/Meetings.ReadWrite" (no spaces)' })),
  }),
);

/** The admin policy manifest. Parse input with {@link parsePolicy}, never with this schema alone. */
export const PolicySchema = z
  .strictObject({
    version: z.literal(POLICY_VERSION),
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
    ),
    meetingService: meetingServiceSchema,
    attendance: attendanceSchema,
    assumedMeetingMinutes: withDefault(minutes(5, 1440), 60),
    maxActivationWindowHours: withDefault(intIn(1, 744), 24),
    assumedRoomDays: withDefault(intIn(1, 3660), 30),
    assumedInvitees: withDefault(intIn(1, 1000), 25),
    maxGuessProbability: withDefault(z.number().check(z.gt(0), z.maximum(0.01)), 1e-4),
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
