/**
 * Drafts of saved meetings from a pasted invite (core/invite `parseInvite`). Reading invites is
 * heuristic, so nothing is saved directly: each draft is shown for the user to confirm or edit,
 * then saved with `newSavedMeeting(draft, now, id)` (its source is `invite`).
 */
import { hasCaptureFragment, parseCaptureLink, stripCaptureFragment } from '../links/capture';
import type { CaptureRecord } from '../links/capture';
import { parseJoinLink } from '../links/join';
import type { JoinLink } from '../links/join';
import { readActivationSentence } from '../invite/activationTime';
import type { ParsedInvite } from '../invite/parse';
import type { Role } from '../types';
import type { ManualMeetingInput } from './create';
import { cleanPinInput } from './create';
import { pinIssue } from './schema';

/** A meeting found in an invite, to confirm. `pinOptions` are every PIN-shaped code found, best first. */
export interface InviteDraft extends ManualMeetingInput {
  source: 'invite';
  alias: string;
  role: Role;
  /** Best guess; empty when the invite had no PIN-shaped code (the user types it). */
  pin: string;
  /** Distinct PIN-shaped codes found (4-20 digits, optional "#"), for the user to pick from. */
  pinOptions: string[];
}

/** Candidate labels whose codes may be a room PIN, and the role they suggest (null: either). */
const PIN_LABELS: ReadonlyMap<string, Role | null> = new Map([
  ['PIN', null],
  ['Guest PIN', 'guest'],
  ['Host PIN', 'host'],
  ['Access code', null],
  ['Conference ID', null],
  ['Passcode', null],
  ['Password', null],
]);

/**
 * A conference ID is what a phone dials before the PIN (Pexip's IVR: "enter the conference ID
 * ... followed by #, then the PIN"): offered, since some invites call the PIN so, but after every
 * code labelled as a PIN and never picked by itself when one is.
 */
const AFTER_PINS = new Set(['Conference ID']);

interface FoundPin {
  pin: string;
  role: Role | null;
  /** From a label that is usually not the PIN ({@link AFTER_PINS}). */
  weak?: boolean;
}

/** Adds `value` to `pins` when it is PIN-shaped and not there yet. */
function addPin(pins: FoundPin[], value: string | undefined, role: Role | null, weak = false): void {
  if (value === undefined) return;
  const pin = cleanPinInput(value);
  if (pinIssue(pin, 'host') === null && !pins.some((p) => p.pin === pin)) pins.push(weak ? { pin, role, weak } : { pin, role });
}

/** A room linked from the invite; `capture` holds what its SecureJoin capture link says, if it is one. */
interface FoundLink {
  /** The link without any capture fragment (the PIN never goes further than the draft's `pin`). */
  url: string;
  link: JoinLink;
  capture: CaptureRecord | null;
}

/** Reads one URL as a capture link (PIN, role, times in its fragment) or else as a plain join link. */
function readLink(url: string): FoundLink | null {
  if (hasCaptureFragment(url)) {
    const captured = parseCaptureLink(url);
    if (captured.ok) {
      const c = captured.value;
      const link: JoinLink = { origin: c.origin, path: c.path, alias: c.alias, style: c.style, role: c.role, pin: c.pin };
      if (c.name !== undefined) link.name = c.name;
      return { url: stripCaptureFragment(url), link, capture: c };
    }
  }
  const link = parseJoinLink(url);
  return link.ok ? { url: stripCaptureFragment(url), link: link.value, capture: null } : null;
}

/** A room of the winning meeting and the PIN-shaped codes written for it. */
interface FoundRoom {
  found: FoundLink;
  pins: FoundPin[];
  /** The room is our block's (its join or save link): the block's activation sentence is about it. */
  inBlock?: true;
}

/** The current room while the text speaks of another service's meeting (no room key is ever this). */
const FOREIGN = '(another service)';

const roomKey = (f: FoundLink): string => JSON.stringify([f.link.origin, f.link.path, f.link.alias.toLowerCase()]);

/**
 * The rooms of the first meeting in the text, each with its codes. A forwarded text holds
 * several mails (InviteCandidate.part): the first one with a Pexip room wins (our block's when it
 * links one), and no code of another mail is ever offered. Within it, a code belongs to the room
 * linked last before it (codes before any link: the first room; codes after another service's
 * link, until the next Pexip link: none, they are that meeting's). Our block's access code and
 * passcode come first for the block's rooms. Where a room is linked both plainly and by a
 * capture link, the capture link wins (the organizer's own statement of PIN, role and window).
 */
function foundRooms(parsed: ParsedInvite): { rooms: FoundRoom[]; part: number | undefined } {
  const rooms = new Map<string, FoundRoom>();
  let currentKey: string | null = null;
  const addRoom = (url: string): string | null => {
    const found = readLink(url);
    if (found === null) return null;
    const key = roomKey(found);
    const seen = rooms.get(key);
    if (seen === undefined) rooms.set(key, { found, pins: [] });
    else if (seen.found.capture === null && found.capture !== null) seen.found = found;
    return key;
  };
  for (const url of [parsed.block?.captureUrl, parsed.block?.joinUrl]) {
    if (url !== undefined) currentKey = addRoom(url) ?? currentKey;
  }
  const blockRooms = [...rooms.values()];
  for (const room of blockRooms) room.inBlock = true;
  for (const room of blockRooms) {
    // The passcode first: in issue 10 blocks the access code is the dial-in alias, never a PIN.
    addPin(room.pins, parsed.block?.passcode, null);
    if (parsed.block?.accessCodeIsAlias !== true) addPin(room.pins, parsed.block?.accessCode, null);
  }
  const firstPexip = parsed.candidates.find((c) => c.kind === 'link' && c.service === 'pexip' && readLink(c.value) !== null);
  const part = blockRooms.length > 0 ? parsed.blockPart ?? 0 : firstPexip?.part;
  if (part === undefined) return { rooms: [], part };
  const early: FoundPin[] = []; // codes above the meeting's first link
  for (const c of parsed.candidates) {
    if ((c.part ?? 0) !== part) continue;
    if (c.kind === 'link') {
      // Another service's meeting (Teams, Zoom, Webex, GoTo): the codes after it are its own, never a room PIN here.
      currentKey = c.service === 'pexip' ? (addRoom(c.value) ?? currentKey) : FOREIGN;
    } else if (PIN_LABELS.has(c.label) && currentKey !== FOREIGN) {
      const room = currentKey === null ? undefined : rooms.get(currentKey);
      addPin(room ? room.pins : early, c.value, PIN_LABELS.get(c.label) ?? null, AFTER_PINS.has(c.label));
    }
  }
  const all = [...rooms.values()];
  const first = all[0];
  if (first !== undefined && early.length > 0) {
    // Only without a block room (one is current from the start): the codes above come first.
    const after = first.pins;
    first.pins = [];
    for (const p of [...early, ...after]) addPin(first.pins, p.pin, p.role, p.weak);
  }
  for (const room of all) room.pins = [...room.pins.filter((p) => !p.weak), ...room.pins.filter((p) => p.weak)];
  return { rooms: all, part };
}

/**
 * One draft per Pexip room of the first meeting in the invite (a forwarded text's later mails
 * are ignored; see foundRooms). Role: the link's `role`, else host when the room's only labelled
 * PIN is a "Host PIN", else guest (attendees are usually guests). PIN: the link's `pin`, else a
 * code labelled for that role, else the room's first PIN-shaped code. The meeting's
 * subject (our block's, else the mail's "Subject:" line, else a capture link's) becomes the
 * draft's `subject`: the popup names the meeting by it (the user's own label stays theirs). Invites without a Pexip join link give no drafts:
 * a PIN is only ever saved bound to a node and alias.
 * A SecureJoin capture link (our block's save link, a personal message's join link) gives its
 * role, PIN, name and the meeting's window (start, end, lead and grace minutes, and a series'
 * zone and rule), so the saved
 * record holds off until the code opens; the draft's `url` never keeps the `#sj=` fragment.
 * Without one, a room of our block takes the start and lead from the block's own activation
 * sentence ("The code works from Tue 24 Nov, 09:45 (Europe/Berlin), 15 minutes before the
 * start."), read with `now` placing its unwritten year (see readActivationSentence); a series
 * also takes its length, grace, zone and rule from the series sentence ("For this recurring
 * series (weekly on Tuesday, 1 hour each, ...)"). A series block written before issue 13 states
 * no rule: its time stays unknown. Without `now` the sentences are not read.
 * Never throws.
 */
export function fromParsedInvite(parsed: ParsedInvite, now?: number): InviteDraft[] {
  const block = parsed?.block;
  const stated = block?.activationSentence !== undefined && now !== undefined ? readActivationSentence(block.activationSentence, now, block.recurringSentence) : null;
  try {
    const { rooms, part } = foundRooms(parsed);
    // The meeting's subject: our block's, else its mail's "Subject:" header line, else the capture link's.
    const blockSubject = parsed.block?.subject !== undefined && parsed.block.subject !== '' ? parsed.block.subject : undefined;
    const headerSubject = (parsed.mailSubjects ?? []).find((s) => s.part === part)?.subject;
    return rooms.map(({ found: { url, link, capture }, pins, inBlock }) => {
      const onlyHost = pins.some((p) => p.role === 'host') && pins.every((p) => p.role === 'host' || p.weak === true);
      const role: Role = link.role ?? (onlyHost ? 'host' : 'guest');
      const options = link.pin !== undefined ? [link.pin, ...pins.map((p) => p.pin).filter((p) => p !== link.pin)] : pins.map((p) => p.pin);
      const forRole = pins.find((p) => p.role === role) ?? pins.find((p) => p.role === null) ?? pins[0];
      const draft: InviteDraft = {
        source: 'invite',
        url,
        alias: link.alias,
        role,
        pin: link.pin ?? forRole?.pin ?? '',
        pinOptions: options,
      };
      const subject = blockSubject ?? headerSubject ?? capture?.subject;
      if (subject !== undefined) draft.subject = subject.slice(0, 200);
      if (link.name !== undefined) draft.displayName = link.name;
      if (capture !== null) {
        for (const key of ['startsAt', 'endsAt', 'leadMinutes', 'graceMinutes'] as const) {
          if (capture[key] !== undefined) draft[key] = capture[key];
        }
        if (capture.recurrence !== undefined) draft.recurrence = capture.recurrence;
      } else if (inBlock && stated !== null && (!stated.recurring || stated.series !== undefined)) {
        draft.startsAt = stated.opensAt + Math.round(stated.leadMinutes * 60_000);
        draft.leadMinutes = stated.leadMinutes;
        if (stated.series !== undefined) {
          // Saved like a capture link's series: every occurrence fills, and retention follows the last one.
          draft.endsAt = stated.series.end;
          draft.graceMinutes = stated.series.graceMinutes;
          draft.recurrence = stated.series.recurrence;
        }
      }
      return draft;
    });
  } catch {
    return [];
  }
}
