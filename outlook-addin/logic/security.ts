/**
 * A meeting's codes: created once from the organizer's choices, kept across attendee changes,
 * stored as JSON in sessionData and, when that is lost, partly read back from the body.
 */
import * as z from 'zod/mini';
import { generateAccessCode, generatePin, generatePinPair, generateWebAlias, isValidInviteeEmail, normaliseInviteeEmail } from '../../core/codes';
import { findInviteBlock } from '../../core/invite/upsert';
import { parseJoinLink } from '../../core/links/join';
import type { Policy } from '../../core/policy';
import { createRoster, withPersonalAliases } from '../../core/roster';
import type { Roster } from '../../core/roster';
import { enforceLocks } from './policy';
import type { Attendee, MeetingSecurity, MeetingSnapshot, OrganizerChoices, OrganizerSettings } from './types';

/**
 * The invitees among `attendees` that can get a passcode: valid emails, de-duplicated
 * (case-insensitively, first wins), name defaulting to the email. Rooms and distribution
 * lists without a valid address are left out rather than failing the whole meeting.
 */
export function inviteesOf(attendees: readonly Attendee[]): Attendee[] {
  const seen = new Set<string>();
  const out: Attendee[] = [];
  for (const a of attendees) {
    if (typeof a?.email !== 'string' || !isValidInviteeEmail(a.email)) continue;
    const email = normaliseInviteeEmail(a.email);
    if (seen.has(email)) continue;
    seen.add(email);
    const name = typeof a.name === 'string' && a.name.trim() !== '' ? a.name.trim() : email;
    out.push({ email, name });
  }
  return out;
}

/** Every code of `security` (PINs, access code, passcodes), to keep new codes distinct. */
export function codesOf(security: Pick<MeetingSecurity, 'hostPin' | 'guestPin' | 'accessCode' | 'sharedPasscode' | 'roster'>): string[] {
  const codes = [security.hostPin, security.guestPin, security.accessCode, security.sharedPasscode];
  for (const inv of security.roster?.invitees ?? []) codes.push(inv.passcode);
  return codes.filter((c): c is string => typeof c === 'string' && c !== '');
}

/** Every alias of `security` (web alias, access code = numeric alias, personal aliases), lower-case. */
export function aliasesOf(security: Pick<MeetingSecurity, 'alias' | 'accessCode' | 'roster'>): string[] {
  const aliases = [security.alias, security.accessCode];
  for (const inv of security.roster?.invitees ?? []) aliases.push(inv.alias ?? null, inv.dialAlias ?? null);
  return aliases.filter((a): a is string => typeof a === 'string' && a !== '').map((a) => a.toLowerCase());
}

/** The per-invitee roster for `meeting`'s attendees, with passcodes and personal aliases (kept for who stays). */
function rosterFor(meeting: MeetingSnapshot, settings: OrganizerSettings, codes: string[], aliases: string[], existing: Roster | null): Roster {
  const roster = createRoster(inviteesOf(meeting.attendees), { length: settings.passcodeLength, exclude: codes, ...(existing ? { existing } : {}) });
  return withPersonalAliases(roster, { dialLength: settings.accessCodeLength, exclude: [...aliases, ...codes, ...roster.invitees.map((i) => i.passcode)], existing });
}

/**
 * Fresh codes for `meeting` from the organizer's `choices` (locked policy values enforced):
 * a random web alias on the policy's first node, a host PIN of `settings.pinLength` digits, the
 * one-time access code, which is also the meeting's numeric alias (or, when it is switched off,
 * a guest PIN in its place), and a shared passcode or one passcode and two personal aliases per
 * invitee. Every code is distinct from every other; host PIN, guest PIN and passcodes have one
 * length (organizerSettings: Infinity's PIN length rule).
 * Throws RangeError when the policy names no conference node (nothing to join), or from core's
 * generators on impossible lengths.
 */
export function createSecurity(meeting: MeetingSnapshot, choices: OrganizerChoices, settings: OrganizerSettings, policy: Policy): MeetingSecurity {
  const node = settings.node;
  if (!node) throw new RangeError('The SecureJoin policy names no conference node (nodes is empty); ask your administrator to add one.');
  const chosen = enforceLocks(choices, policy);
  const alias = generateWebAlias();
  let hostPin: string;
  let guestPin: string | null = null;
  if (chosen.accessCode) hostPin = generatePin({ length: settings.pinLength });
  else ({ hostPin, guestPin } = generatePinPair({ hostLength: settings.pinLength, guestLength: settings.pinLength }));
  const taken = [hostPin, ...(guestPin ? [guestPin] : [])];
  const accessCode = chosen.accessCode ? generateAccessCode({ length: settings.accessCodeLength, exclude: taken }) : null;
  if (accessCode) taken.push(accessCode);
  // A passcode is the guest PIN of its alias: PIN digits (up to 20), the host PIN's length.
  const sharedPasscode = chosen.passcodeMode === 'shared' ? generatePin({ length: settings.passcodeLength, exclude: taken }) : null;
  if (sharedPasscode) taken.push(sharedPasscode);
  const roster = chosen.passcodeMode === 'per-invitee' ? rosterFor(meeting, settings, taken, [alias], null) : null;
  return { version: 1, alias, nodeOrigin: node.origin, webAppPath: node.webAppPath, accessCode, hostPin, guestPin, passcodeMode: chosen.passcodeMode, sharedPasscode, roster };
}

/**
 * `security` with its roster matched to the meeting's current attendees: invitees who stay keep
 * their passcode and personal aliases, new ones get fresh ones distinct from all others, removed
 * ones are dropped.
 * Unchanged (same object) unless the mode is 'per-invitee'.
 */
export function syncAttendees(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): MeetingSecurity {
  if (security.passcodeMode !== 'per-invitee') return security;
  const others = codesOf({ ...security, roster: null });
  const roster = rosterFor(meeting, settings, others, aliasesOf({ ...security, roster: null }), security.roster);
  return { ...security, roster };
}

/**
 * What the SecureJoin block in `bodyHtml` says about the meeting's security: alias, node and path
 * from the join link, the access code, the passcode mode and shared passcode. PINs and the
 * roster are never in the body. Null when there is no block. Never throws.
 */
export function securityFromBody(bodyHtml: string): Partial<MeetingSecurity> | null {
  const found = findInviteBlock(typeof bodyHtml === 'string' ? bodyHtml : '');
  if (!found) return null;
  const f = found.fields;
  const out: Partial<MeetingSecurity> = { version: 1 };
  if (f.joinUrl) {
    const link = parseJoinLink(f.joinUrl);
    if (link.ok) Object.assign(out, { alias: link.value.alias, nodeOrigin: link.value.origin, webAppPath: link.value.path });
  }
  if (f.accessCode) out.accessCode = f.accessCode;
  if (f.personalPasscodes) out.passcodeMode = 'per-invitee';
  else if (f.passcode) Object.assign(out, { passcodeMode: 'shared', sharedPasscode: f.passcode });
  else out.passcodeMode = 'none';
  return out;
}

/**
 * A whole MeetingSecurity rebuilt from the block in the body, for re-rendering and checking when
 * sessionData is lost. PINs and the roster are never in the body: `hostPin` is '' and `roster`
 * null, so the result must not be saved or provisioned. Null when the block lacks its join link
 * or access code. Never throws.
 */
export function rebuildSecurityFromBody(bodyHtml: string): MeetingSecurity | null {
  const s = securityFromBody(bodyHtml);
  if (!s || !s.alias || !s.nodeOrigin || s.webAppPath === undefined || !s.accessCode) return null;
  return {
    version: 1,
    alias: s.alias,
    nodeOrigin: s.nodeOrigin,
    webAppPath: s.webAppPath,
    accessCode: s.accessCode,
    hostPin: '',
    guestPin: null,
    passcodeMode: s.passcodeMode ?? 'none',
    sharedPasscode: s.sharedPasscode ?? null,
    roster: null,
  };
}

const code = z.string().check(z.regex(/^[A-Za-z0-9]{4,32}$/));
const securitySchema = z.strictObject({
  version: z.literal(1),
  alias: z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/)),
  nodeOrigin: z.string().check(z.startsWith('https://')),
  webAppPath: z.string().check(z.maxLength(200)),
  accessCode: z.nullable(code),
  hostPin: code,
  guestPin: z.nullable(code),
  passcodeMode: z.enum(['none', 'shared', 'per-invitee']),
  sharedPasscode: z.nullable(code),
  roster: z.nullable(
    z.strictObject({
      invitees: z.array(
        z.strictObject({ email: z.string(), name: z.string(), passcode: code, alias: z.optional(z.string().check(z.regex(/^[a-z0-9]{1,100}$/))), dialAlias: z.optional(z.string().check(z.regex(/^[0-9]{4,20}$/))) }),
      ),
    }),
  ),
  // Absent in codes kept before issue 18 (all local then): nothing is carried back, the service mints afresh.
  minted: z.optional(
    z.strictObject({
      service: z.string().check(z.minLength(1), z.maxLength(2000)),
      aliases: z.array(z.string().check(z.regex(/^[a-z0-9][a-z0-9._@+-]{0,99}$/))).check(z.maxLength(10_000)),
    }),
  ),
});

/**
 * A MeetingSecurity from stored JSON (sessionData), or null when absent or malformed: stored
 * state is untrusted, and a damaged copy is recomputed rather than half-used. Never throws.
 */
export function parseSecurity(json: string | null): MeetingSecurity | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const parsed = z.safeParse(securitySchema, JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
