/**
 * Drafts of saved meetings from a pasted invite (core/invite `parseInvite`). Reading invites is
 * heuristic, so nothing is saved directly: each draft is shown for the user to confirm or edit,
 * then saved with `newSavedMeeting(draft, now, id)` (its source is `invite`).
 */
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

/** Pexip join links of the invite: our block's first, then other Pexip links, one per room. */
function foundLinks(parsed: ParsedInvite): { url: string; link: JoinLink }[] {
  const urls: string[] = [];
  if (parsed.block?.joinUrl !== undefined) urls.push(parsed.block.joinUrl);
  for (const c of parsed.candidates) if (c.kind === 'link' && c.service === 'pexip') urls.push(c.value);
  const seen = new Set<string>();
  const out: { url: string; link: JoinLink }[] = [];
  for (const url of urls) {
    const link = parseJoinLink(url);
    if (!link.ok) continue;
    const key = JSON.stringify([link.value.origin, link.value.path, link.value.alias.toLowerCase()]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ url, link: link.value });
  }
  return out;
}

/**
 * One draft per Pexip room linked from the invite. Role: the link's `role`, else host when the
 * only labelled PIN is a "Host PIN", else guest (attendees are usually guests). PIN: the link's
 * `pin`, else a code labelled for that role, else the first PIN-shaped code. The meeting's
 * subject (from our block) becomes the label. Invites without a Pexip join link give no drafts:
 * a PIN is only ever saved bound to a node and alias. Never throws.
 */
export function fromParsedInvite(parsed: ParsedInvite): InviteDraft[] {
  try {
    const pins = foundPins(parsed);
    const onlyHost = pins.length > 0 && pins.every((p) => p.role === 'host');
    return foundLinks(parsed).map(({ url, link }) => {
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
      return draft;
    });
  } catch {
    return [];
  }
}
