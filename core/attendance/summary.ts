/**
 * The attendance record as organizers and admins see it: one group per invitee (in the meeting's
 * order, also those who never came), then hosts, then guests on the meeting's own link or access
 * code; each with its people, who is present now, and a warning when a personal link was used by
 * more than one person ("Ana Lima's link was used by 2 people").
 */
import type { EpochMs, Role } from '../types';
import type { AttendeeKind } from './participant';

/** One participant's row, as the service answers it (never an alias, PIN or passcode). */
export interface AttendanceRow {
  /** The occurrence: when its window opened (UTC ms); null when the join fell in no window. */
  occurrence: EpochMs | null;
  kind: AttendeeKind;
  inviteeIndex: number | null;
  /** The invitee's name when the row was recorded (null for hosts and the shared link). */
  invitee: string | null;
  /** The "Name (n)" number the policy API gave this participant (null: not numbered). */
  ordinal: number | null;
  /** The name others saw. */
  displayName: string | null;
  role: Role | null;
  protocol: string | null;
  joinedAt: EpochMs | null;
  leftAt: EpochMs | null;
  durationSeconds: number | null;
}

/** One invitee's (or the hosts', or the shared link's) attendance. */
export interface AttendeeGroup {
  label: string;
  kind: AttendeeKind;
  inviteeIndex: number | null;
  /** Their rows, earliest join first. */
  rows: AttendanceRow[];
  /** Most people on this attendee's alias in one occurrence. */
  people: number;
  /** Rows without a leave time. */
  presentNow: number;
  /** For a personal link used by more than one person. */
  warning: string | null;
}

export const HOSTS_LABEL = 'Hosts';
export const SHARED_LABEL = 'Meeting link or access code';

/** The warning line for a personal link used by `people` people. */
export function sharedLinkWarning(name: string, people: number): string {
  return `${name}'s link was used by ${people} people`;
}

/**
 * People in one occurrence's rows: a participant the policy API numbered counts by its number
 * (Infinity may report one person twice, its number stays one), any other row as one.
 */
function peopleIn(rows: readonly AttendanceRow[]): number {
  const ordinals = new Set<number>();
  let unnumbered = 0;
  for (const r of rows) {
    if (r.ordinal === null) unnumbered += 1;
    else ordinals.add(r.ordinal);
  }
  return ordinals.size + unnumbered;
}

/** True for a row of someone who used another person's link: numbered 2 or more. */
export function isSecondUse(row: AttendanceRow): boolean {
  return row.kind === 'invitee' && row.ordinal !== null && row.ordinal > 1;
}

const byJoin = (a: AttendanceRow, b: AttendanceRow): number => (a.joinedAt ?? Number.MAX_SAFE_INTEGER) - (b.joinedAt ?? Number.MAX_SAFE_INTEGER) || (a.ordinal ?? 0) - (b.ordinal ?? 0);

function group(label: string, kind: AttendeeKind, inviteeIndex: number | null, rows: AttendanceRow[]): AttendeeGroup {
  const occurrences = new Map<EpochMs | null, AttendanceRow[]>();
  for (const r of rows) occurrences.set(r.occurrence, [...(occurrences.get(r.occurrence) ?? []), r]);
  const people = Math.max(0, ...[...occurrences.values()].map(peopleIn));
  return {
    label,
    kind,
    inviteeIndex,
    rows: [...rows].sort(byJoin),
    people,
    presentNow: rows.filter((r) => r.leftAt === null).length,
    warning: kind === 'invitee' && people > 1 ? sharedLinkWarning(label, people) : null,
  };
}

/**
 * Groups `rows` for a meeting whose invitees are `invitees` (names, in the meeting's order). A
 * row of an invitee the meeting no longer lists keeps the name it was recorded with.
 */
export function attendanceByAttendee(invitees: readonly string[], rows: readonly AttendanceRow[]): AttendeeGroup[] {
  const groups: AttendeeGroup[] = invitees.map((name, i) => group(name, 'invitee', i, rows.filter((r) => r.kind === 'invitee' && r.inviteeIndex === i)));
  const formerly = rows.filter((r) => r.kind === 'invitee' && (r.inviteeIndex === null || r.inviteeIndex >= invitees.length));
  const formerNames = [...new Set(formerly.map((r) => r.invitee ?? 'Former invitee'))];
  for (const name of formerNames) groups.push(group(name, 'invitee', null, formerly.filter((r) => (r.invitee ?? 'Former invitee') === name)));
  const hosts = rows.filter((r) => r.kind === 'host');
  if (hosts.length > 0) groups.push(group(HOSTS_LABEL, 'host', null, hosts));
  const shared = rows.filter((r) => r.kind === 'shared');
  if (shared.length > 0) groups.push(group(SHARED_LABEL, 'shared', null, shared));
  return groups;
}
