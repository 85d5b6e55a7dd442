/**
 * Plain data of a Pexip-style room as the reference conference node keeps it. Everything is
 * JSON-serialisable: the provisioning API stores exactly this and returns it on GET.
 */
import type { RecurrenceRule } from '../time/recurrence';
import type { EpochMs, MeetingTime, Role } from '../types';

/** When a meeting's codes work: `opensAt <= now < closesAt` (UTC ms). Same shape as core/time's ActivationWindow. */
export interface RoomWindow {
  opensAt: EpochMs;
  closesAt: EpochMs;
}

/**
 * A recurring meeting's codes: one set for the whole series, each occurrence's window opening
 * `leadMinutes` before its start and closing `graceMinutes` after its end (core/time's rules).
 * `meeting` is the first occurrence; occurrences keep its local time in `timeZone` across DST.
 */
export interface RoomRecurrence {
  meeting: MeetingTime;
  timeZone: string;
  rule: RecurrenceRule;
  leadMinutes: number;
  graceMinutes: number;
}

/** A meeting's one-time access code and the role it grants. It only works inside the room's `window`. */
export interface RoomAccessCode {
  code: string;
  role: Role;
}

/** One invitee with a personal passcode; joining with it names the participant after them. */
export interface RoomInvitee {
  email: string;
  name: string;
  passcode: string;
  /** Personal web alias (personal link, capture link); its policy answer's guest PIN is `passcode`. */
  alias?: string;
  /** Personal numeric alias a phone caller dials, then types `passcode` at the PIN prompt. */
  dialAlias?: string;
}

/**
 * A room (Virtual Meeting Room) after validation (see `parseRoomSpec`).
 *
 * - `hostPin`/`guestPin`/`allowGuests` follow Pexip's rules (core/pin): the static PINs always work.
 * - `accessCode` and `invitees` are meeting credentials: they work only inside `window`.
 *   When a room has any of them, guests must present a credential (no PIN-less guest entry).
 */
export interface RoomSpec {
  alias: string;
  /** Shown to participants as `conference_name`; defaults to the alias. */
  name: string;
  hostPin: string | null;
  guestPin: string | null;
  allowGuests: boolean;
  accessCode: RoomAccessCode | null;
  invitees: RoomInvitee[];
  /**
   * Required when `accessCode` or `invitees` are set; null otherwise. For a series: the first
   * occurrence's window (the codes work in every occurrence's window, see `roomWindowAt`).
   */
  window: RoomWindow | null;
  /** Present for a recurring meeting: the series whose occurrences' windows open the codes. */
  recurrence?: RoomRecurrence;
  /** false: a draft (registered at insert); its aliases open nothing until the send check sets it. */
  sent: boolean;
}
