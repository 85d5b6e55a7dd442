/**
 * Plain data the add-in's shared logic works over. Everything is JSON-serialisable so it can be
 * kept in Office `sessionData`, roaming settings and the task pane's state.
 */
import type { MeetingServicePolicy, Policy, PolicyNode } from '../../core/policy';
import type { Roster } from '../../core/roster';
import type { RecurringSeries } from '../../core/time';
import type { EpochMs, Issue } from '../../core/types';

/** A meeting invitee as Outlook lists them (required and optional attendees together). */
export interface Attendee {
  email: string;
  /** Display name; the email when Outlook has none. */
  name: string;
}

/** What the add-in reads from the appointment being composed. Instants are UTC ms. */
export interface MeetingSnapshot {
  subject: string;
  start: EpochMs;
  end: EpochMs;
  /**
   * The meeting's IANA zone: for a series its own (`recurrenceTimeZone`), else the organizer's
   * (mailbox zone on the web, else the OS zone via Intl). Times in the block are shown in it.
   */
  timeZone: string;
  /** BCP 47 locale for times in the block, e.g. "en-GB". */
  locale: string;
  attendees: Attendee[];
  /** The series when the appointment repeats, else null. */
  recurrence: RecurringSeries | null;
  /** The body as HTML, exactly as Outlook returned it. */
  bodyHtml: string;
}

/** How invitees prove they were invited. */
export type PasscodeModeChoice = 'none' | 'shared' | 'per-invitee';

/**
 * The codes and room of one meeting. Kept in `sessionData` (key {@link SECURITY_SESSION_KEY})
 * while the organizer composes; recomputed in part from the body when that is lost.
 *
 * - `accessCode`: the one-time code (null when the organizer switched it off);
 * - `guestPin`: only set when `accessCode` is null: then the block's "Access code" line shows the
 *   guest PIN, since guests need one code to enter. With an access code there is no static guest
 *   PIN, so nothing outlives the activation window;
 * - `sharedPasscode`: set only in 'shared' mode; `roster`: set only in 'per-invitee' mode.
 */
export interface MeetingSecurity {
  version: 1;
  /**
   * The meeting's web alias (its link), e.g. "k3v9q2...": 20 random lower-case letters and
   * digits. The access code is its numeric alias; per-invitee rosters carry personal aliases.
   */
  alias: string;
  /** Exact https origin of the conference node. */
  nodeOrigin: string;
  /** Web app path on the node, e.g. "webapp3". */
  webAppPath: string;
  accessCode: string | null;
  hostPin: string;
  guestPin: string | null;
  passcodeMode: PasscodeModeChoice;
  sharedPasscode: string | null;
  roster: Roster | null;
  /**
   * Which of the aliases the meeting service minted (logic/minted.ts): absent while every alias
   * is a local placeholder (drawn before the service answered, or no service is configured).
   * A write carries back only these; the others are left out for the service to mint.
   */
  minted?: { service: string; aliases: string[] };
}

/** What the organizer chose for this meeting (from the effective settings, then the task pane). */
export interface OrganizerChoices {
  accessCode: boolean;
  passcodeMode: PasscodeModeChoice;
}

/**
 * The organizer's settings after merging policy and personal defaults
 * (see `organizerSettings`). Lengths are digits, minutes are whole minutes.
 */
export interface OrganizerSettings {
  /** Starting choices for a meeting. */
  choices: OrganizerChoices;
  /** Setting paths the admin locked (`organizer.accessCode.required`, ...). */
  locked: string[];
  /** Why a locked setting cannot be changed, for the task pane. */
  lockedReason: string;
  /** Digits of the access code (= the numeric alias) and of personal numeric aliases. */
  accessCodeLength: number;
  /**
   * Digits of passcodes and of host/guest PINs: one length for every code typed at the PIN prompt
   * (Infinity's rule), the larger of the policy's minimum PIN length and passcode length.
   */
  passcodeLength: number;
  /** Same as `passcodeLength` (see there). */
  pinLength: number;
  leadMinutes: number;
  graceMinutes: number;
  /** True when a new meeting gets the block automatically (access code on). */
  autoInsert: boolean;
  /** The conference node meetings are put on (the policy's first node), or null when none is named. */
  node: PolicyNode | null;
  /** The meeting service meetings are registered with (policy `meetingService`), or null: nothing is registered. */
  service: MeetingServicePolicy | null;
  /** Personal defaults that were not applied, and why. */
  ignored: Issue[];
}

/** Result of `loadPolicy`: the policy to use, and what was wrong with the file. */
export interface LoadedPolicy {
  policy: Policy;
  /** Problems with the file (empty when `source` is 'file'). */
  errors: Issue[];
  /** 'file' when the served policy.json was valid, 'default' for the secure defaults. */
  source: 'file' | 'default';
}

/** Outcome of the send check. `message` is at most 500 characters (Smart Alerts' limit). */
export type SendDecision = { allow: true } | { allow: false; message: string };

/** One personal message for an invitee with their passcode and personal link. */
export interface PersonalMessage {
  email: string;
  name: string;
  subject: string;
  text: string;
}
