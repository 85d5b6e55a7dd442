/**
 * Drafts of saved meetings from a pasted invite (core/invite `parseInvite`). Reading invites is
 * heuristic, so nothing is saved directly: each draft is shown for the user to confirm or edit,
 * then saved with `newSavedMeeting(draft, now, id)` (its source is `invite`).
 */
import { hasCaptureFragment, parseCaptureLink, stripCaptureFragment } from '../links/capture';
import type { CaptureRecord } from '../links/capture';
import { parseJoinLink } from '../links/join';
import type { JoinLink } from '../links/join';
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

interface FoundPin {
  pin: string;
  role: Role | null;
}

/** PIN-shaped codes of the invite: our block's access code and passcode first, then labelled codes. */
function foundPins(parsed: ParsedInvite): FoundPin[] {
  const out: FoundPin[] = [];
  const add = (value: string | undefined, role: Role | null): void => {
    if (value === undefined) return;
    const pin = cleanPinInput(value);
    if (pinIssue(pin, 'host') === null && !out.some((p) => p.pin === pin)) out.push({ pin, role });
  };
  add(parsed.block?.accessCode, null);
  add(parsed.block?.passcode, null);
  for (const c of parsed.candidates) {
    if (c.kind === 'code' && PIN_LABELS.has(c.label)) add(c.value, PIN_LABELS.get(c.label) ?? null);
  }
  return out;
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

/**
 * Pexip join links of the invite, one per room: our block's save link and join link first, then
 * other Pexip links. Where a room is linked both plainly and by a capture link, the capture link
 * wins (it is the organizer's own statement of the PIN, role and window).
 */
function foundLinks(parsed: ParsedInvite): FoundLink[] {
  const urls: string[] = [];
  if (parsed.block?.captureUrl !== undefined) urls.push(parsed.block.captureUrl);
  if (parsed.block?.joinUrl !== undefined) urls.push(parsed.block.joinUrl);
  for (const c of parsed.candidates) if (c.kind === 'link' && c.service === 'pexip') urls.push(c.value);
  const byRoom = new Map<string, FoundLink>();
  for (const url of urls) {
    const found = readLink(url);
    if (found === null) continue;
    const key = JSON.stringify([found.link.origin, found.link.path, found.link.alias.toLowerCase()]);
    const seen = byRoom.get(key);
    if (seen === undefined || (seen.capture === null && found.capture !== null)) byRoom.set(key, found);
  }
  return [...byRoom.values()];
}

/**
 * One draft per Pexip room linked from the invite. Role: the link's `role`, else host when the
 * only labelled PIN is a "Host PIN", else guest (attendees are usually guests). PIN: the link's
 * `pin`, else a code labelled for that role, else the first PIN-shaped code. The meeting's
 * subject (from our block) becomes the label. Invites without a Pexip join link give no drafts:
 * a PIN is only ever saved bound to a node and alias.
 * A SecureJoin capture link (our block's save link, a personal message's join link) gives its
 * role, PIN, name and the meeting's window (start, end, lead and grace minutes, and a series'
 * zone and rule), so the saved
 * record holds off until the code opens; the draft's `url` never keeps the `#sj=` fragment.
 * Never throws.
 */
export function fromParsedInvite(parsed: ParsedInvite): InviteDraft[] {
  try {
    const pins = foundPins(parsed);
    const onlyHost = pins.length > 0 && pins.every((p) => p.role === 'host');
    return foundLinks(parsed).map(({ url, link, capture }) => {
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
      if (parsed.block?.subject !== undefined && parsed.block.subject !== '') draft.label = parsed.block.subject.slice(0, 200);
      if (link.name !== undefined) draft.displayName = link.name;
      if (capture !== null) {
        for (const key of ['startsAt', 'endsAt', 'leadMinutes', 'graceMinutes'] as const) {
          if (capture[key] !== undefined) draft[key] = capture[key];
        }
        if (capture.recurrence !== undefined) draft.recurrence = capture.recurrence;
      }
      return draft;
    });
  } catch {
    return [];
  }
}
