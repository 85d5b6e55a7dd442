/**
 * What each policy field means, in words for admins: the field reference in examples/POLICY.md
 * (docs.ts) and the `description`s of the managed-storage schema (managed.ts) are built from
 * these texts. They live apart from schema.ts because the Outlook task pane parses policies with
 * that schema and never shows these texts (about 1.5 KiB gzip of its first paint). A test checks
 * that every field of the schema has its text here and that no text names a field that is gone.
 */

/** Every `locked` of a `{ value, locked }` setting means the same. */
export const LOCKED_DESCRIPTION = 'true: users cannot change this setting';

/**
 * Field path (dotted, list items as `[]`, as docs.ts lists them; `nodes[]` is one node) -> what
 * it means.
 */
export const POLICY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'version': 'Manifest format version. Must be 1.',
  'organizer': 'Defaults and locks for meeting organizers (the Outlook add-in).',
  'organizer.accessCode': 'The one-time access code put into each invitation.',
  'organizer.accessCode.required': 'Every meeting gets a one-time access code in the invite. Turning this off leaves the room PIN as the only barrier.',
  'organizer.accessCode.length': 'Digits in a generated access code (6-15). The access code is also the meeting\'s numeric alias (what a phone caller types at the Virtual Reception); personal numeric aliases use the same length.',
  'organizer.activation': 'When a meeting\'s codes work: from start minus lead until end plus grace.',
  'organizer.activation.leadMinutes': 'Minutes before the meeting start at which its codes start to work (0-180).',
  'organizer.activation.graceMinutes': 'Minutes after the meeting end during which its codes keep working (0-240).',
  'organizer.passcodes': 'Passcodes that identify invitees.',
  'organizer.passcodes.mode': 'Invitee passcodes: "none", "shared" (one per meeting) or "per-invitee" (unique per invitee, shows who joined).',
  'organizer.passcodes.length': 'Digits in a generated invitee passcode (6-15). A passcode is the guest PIN of its meeting link, and Pexip Infinity needs host and guest PINs of one length: generated passcodes and PINs all take the larger of this and pin.minLength.',
  'organizer.pin': 'Room PINs (host and guest).',
  'organizer.pin.minLength': 'Shortest room PIN an organizer may set (4-20 digits; Pexip allows 4-20). The host PIN opens the room at any time while it exists (see assumedRoomDays), so it must be longer than the one-time codes.',
  'attendee': 'Defaults and locks for attendees (the browser extension).',
  'attendee.autofill': 'PIN autofill in the browser extension.',
  'attendee.autofill.mode': 'What the browser extension does on a configured conference node: "off", "fill" (fill the PIN, the user presses join) or "fill-and-join".',
  'attendee.autofill.warnAtRemaining': 'The extension stops autofilling and warns the user when this many PIN attempts or fewer remain (0-19).',
  'attendee.savedPins': 'PINs the extension remembers for attendees.',
  'attendee.savedPins.retentionDays': 'Days the extension keeps a saved PIN after its meeting; 0 = never save PINs (0-365).',
  'attempts': 'Break-in defence enforced by the conference node. Admin only.',
  'attempts.web': 'Wrong PINs allowed per web/desktop participant (Pexip: 5).',
  'attempts.sip': 'Wrong PINs allowed per SIP/H.323 call (Pexip: 3).',
  'attempts.roomFailures': 'Wrong PINs or codes against one room, within the window, that block the room (5-200; Pexip: 20).',
  'attempts.roomWindowMinutes': 'The sliding window for roomFailures, in minutes (Pexip: 10).',
  'attempts.warnAtRemaining': 'The conference node warns a participant when this many attempts or fewer remain.',
  'nodes': 'Conference nodes. The extension only ever fills PINs on these origins; an empty list means it fills nowhere.',
  'nodes[]': 'A conference node people join meetings on.',
  'nodes[].name': 'A label for people (e.g. "EU meeting platform").',
  'nodes[].origin': 'Exact https origin of the conference node, e.g. "https://meet.example.com" (no path, no trailing slash).',
  'nodes[].webAppPath': 'Path of the web app on the node (Pexip web app 3 is usually "webapp3").',
  'nodes[].dialIn': 'Dial-in numbers printed in invitations.',
  'meetingService': 'The SecureJoin meeting service that keeps each meeting\'s codes and registers its room on the conference node. Organizers sign in to it (Nested App Authentication). Without it the add-in registers nothing and organizers register rooms themselves.',
  'meetingService.url': 'Base URL of the SecureJoin meeting service, e.g. "https://securejoin.example.com" (https; plain http only on loopback, for development).',
  'meetingService.clientId': 'Application (client) ID of the add-in\'s Entra ID app registration (SPA redirect "brk-multihub://<add-in origin>"; for classic Outlook\'s Office single sign-on also Application ID URI "api://<add-in host>/<client id>" exposing "access_as_user"). The manifest names it in WebApplicationInfo.',
  'meetingService.authority': 'Where organizers sign in, e.g. "https://login.microsoftonline.com/<tenant id>".',
  'meetingService.scope': 'The meeting service\'s scope the add-in asks a token for, e.g. "api://securejoin.example.com/Meetings.ReadWrite".',
  'attendance': 'The attendance record the meeting service keeps from Pexip Infinity\'s Event sink: who joined each meeting, on whose personal link, when, and for how long. Admin only.',
  'attendance.retentionDays': 'Days the meeting service keeps an attendance row after the participant joined; the service\'s sweep deletes it then (1-3660).',
  'maxActivationWindowHours': 'Longest time one meeting occurrence\'s codes may work (activation lead + meeting + grace), in hours. The meeting service refuses a meeting whose window is longer: a code that works for days is a code that can be found.',
  'assumedMeetingMinutes': 'Typical meeting length used for the guess-risk check: a code is exposed for lead + this + grace minutes.',
  'assumedRoomDays': 'Typical days a meeting\'s room stays on the conference node, from the invite until the room is removed. Its host PIN (and a static guest PIN, when the access code is off) opens the room all that time, so the guess-risk check counts them over these days.',
  'assumedInvitees': 'Typical invitees per meeting; with per-invitee passcodes each one is a valid guess target.',
  'maxGuessProbability': 'Highest acceptable chance that an attacker guesses a valid code during one meeting\'s exposure, given the attempt limits (0 < p <= 0.01).',
};

/** The text for a field path (see {@link POLICY_DESCRIPTIONS}); '' for a field without one (a setting's `value`). */
export function policyDescription(path: string): string {
  if (path.endsWith('.locked')) return LOCKED_DESCRIPTION;
  return POLICY_DESCRIPTIONS[path] ?? '';
}
