/**
 * Minted aliases (issue 18): the service, never a client, chooses a meeting's aliases (the web
 * alias, the access code = numeric alias, each invitee's personal web and numeric alias). A write
 * omits the ones it wants minted, and may carry back only the values the meeting already holds,
 * each in its own role. Anything else is refused with ONE fixed answer that depends on nothing
 * but the write and the caller's own meeting, so proposing another meeting's live code tells
 * nothing (no oracle).
 */
import { generateDialAlias, generateWebAlias } from '../codes/alias';
import type { AliasKind } from '../roomSpec/aliases';

/** What an alias slot of a write may hold: the meeting's own aliases of that kind (lower-case), or none on a create. */
export interface HeldAliases {
  web: ReadonlySet<string>;
  dial: ReadonlySet<string>;
  inviteeWeb: ReadonlySet<string>;
  inviteeDial: ReadonlySet<string>;
}

/** Nothing held: a create, or a meeting that is not the caller's. */
export const NOTHING_HELD: HeldAliases = { web: new Set(), dial: new Set(), inviteeWeb: new Set(), inviteeDial: new Set() };

/** Draws a fresh alias of a kind, distinct from `taken` (lower-case values). */
export type AliasDraw = (kind: AliasKind, taken: ReadonlySet<string>) => string;

/**
 * Draws with core's generators (crypto.getRandomValues, no modulo bias): web aliases of 20
 * letters and digits, numeric aliases (the access code, personal dial-in aliases) of `dialLength`
 * digits, the admin policy's access-code length.
 */
export function aliasDraw(dialLength: number): AliasDraw {
  return (kind, taken) => (kind === 'web' || kind === 'inviteeWeb' ? generateWebAlias({ exclude: taken }) : generateDialAlias({ length: dialLength, exclude: taken }));
}

/** Where a minted value went, so a clash found in the store can draw that one again. */
export interface MintedSlot {
  kind: AliasKind;
  /** Path in the room, e.g. `invitees[2].dialAlias`. */
  path: string;
  value: string;
}

export type MintResult =
  /** `room`: the write's room with every alias filled in; `minted`: the slots drawn now. */
  | { ok: true; room: unknown; minted: MintedSlot[] }
  | { ok: false };

/** The one answer to an alias the write may not carry: the same bytes, whatever the value. */
export const ALIASES_ARE_MINTED = {
  error: 'aliases_are_minted',
  message:
    'aliases are chosen by the meeting service: leave out room.alias, room.accessCode.code and the invitees\' alias and dialAlias to get fresh ones, or send back exactly the ones this meeting holds',
} as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A carried value is acceptable only as a string the meeting holds in that role. */
function carried(value: unknown, held: ReadonlySet<string>): boolean {
  return typeof value === 'string' && held.has(value.toLowerCase());
}

/**
 * Fills the aliases `room` leaves out with drawn ones; refuses (`ok: false`) a value the meeting
 * does not hold in that role. `room` is the untrusted JSON: what is not an object is returned
 * as is, for the room's own validation to report. Codes in the room (PINs, passcodes) and the
 * aliases carried back are kept out of the draws, so a minted numeric alias never equals a secret.
 */
export function mintAliases(room: unknown, held: HeldAliases, draw: AliasDraw): MintResult {
  if (!isRecord(room)) return { ok: true, room, minted: [] };
  const taken = new Set<string>();
  const note = (v: unknown): void => {
    if (typeof v === 'string') taken.add(v.toLowerCase());
  };
  note(room.hostPin);
  note(room.guestPin);
  const invitees = Array.isArray(room.invitees) ? room.invitees : null;
  for (const inv of invitees ?? []) if (isRecord(inv)) [inv.passcode, inv.alias, inv.dialAlias].forEach(note);
  note(room.alias);
  if (isRecord(room.accessCode)) note(room.accessCode.code);

  const minted: MintedSlot[] = [];
  const mint = (kind: AliasKind, path: string): string => {
    const value = draw(kind, taken);
    taken.add(value.toLowerCase());
    minted.push({ kind, path, value });
    return value;
  };
  const slot = (value: unknown, heldOfKind: ReadonlySet<string>, kind: AliasKind, path: string): string | null =>
    value === undefined ? mint(kind, path) : carried(value, heldOfKind) ? (value as string) : null;

  const alias = slot(room.alias, held.web, 'web', 'alias');
  if (alias === null) return { ok: false };
  const out: Record<string, unknown> = { ...room, alias };
  if (isRecord(room.accessCode)) {
    const code = slot(room.accessCode.code, held.dial, 'dial', 'accessCode.code');
    if (code === null) return { ok: false };
    out.accessCode = { ...room.accessCode, code };
  }
  if (invitees) {
    const filled: unknown[] = [];
    for (const [i, inv] of invitees.entries()) {
      if (!isRecord(inv)) {
        filled.push(inv);
        continue;
      }
      const web = slot(inv.alias, held.inviteeWeb, 'inviteeWeb', `invitees[${i}].alias`);
      const dial = slot(inv.dialAlias, held.inviteeDial, 'inviteeDial', `invitees[${i}].dialAlias`);
      if (web === null || dial === null) return { ok: false };
      filled.push({ ...inv, alias: web, dialAlias: dial });
    }
    out.invitees = filled;
  }
  return { ok: true, room: out, minted };
}

/**
 * `room` with the slots at `paths` drawn again (a minted value clashed with another meeting's
 * alias in the store). Only slots minted by this write are ever redrawn; carried values stay.
 */
export function redrawSlots(room: Record<string, unknown>, slots: readonly MintedSlot[], clashing: ReadonlySet<string>, draw: AliasDraw): { room: Record<string, unknown>; minted: MintedSlot[] } {
  const taken = new Set(slots.map((s) => s.value.toLowerCase()));
  const out: Record<string, unknown> = { ...room };
  const invitees = Array.isArray(room.invitees) ? room.invitees.map((inv) => (isRecord(inv) ? { ...inv } : inv)) : [];
  if (Array.isArray(room.invitees)) out.invitees = invitees;
  if (isRecord(room.accessCode)) out.accessCode = { ...room.accessCode };
  const minted = slots.map((s) => {
    if (!clashing.has(s.value.toLowerCase())) return s;
    const value = draw(s.kind, taken);
    taken.add(value.toLowerCase());
    setAt(out, invitees, s.path, value);
    return { ...s, value };
  });
  return { room: out, minted };
}

function setAt(room: Record<string, unknown>, invitees: unknown[], path: string, value: string): void {
  if (path === 'alias') room.alias = value;
  else if (path === 'accessCode.code') (room.accessCode as Record<string, unknown>).code = value;
  else {
    const m = /^invitees\[(\d+)\]\.(alias|dialAlias)$/.exec(path);
    const inv = m ? invitees[Number(m[1])] : undefined;
    if (m && isRecord(inv)) inv[m[2] as string] = value;
  }
}
