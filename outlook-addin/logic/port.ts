/**
 * The port between the shared logic and a host: Outlook (outlook-addin/office), the playground's
 * fake office.js, or a test double. Everything is promisified; instants are UTC ms.
 */
import type { MeetingSnapshot } from './types';

/** Item changes the task pane listens to (Mailbox 1.7 `AppointmentTimeChanged` etc.). */
export type ItemChangeKind = 'time' | 'recipients' | 'recurrence';

/** The appointment being composed, as the logic needs it. */
export interface ItemPort {
  /** Subject, times, attendees (required + optional), recurrence, body as HTML, zone, locale. */
  getSnapshot(): Promise<MeetingSnapshot>;
  /** Replaces the whole body with `html` (HTML coercion); retries once, then rejects. */
  setBodyHtml(html: string): Promise<void>;
  /** A value kept with this item for the compose session, or null (also when unsupported). */
  getSessionData(key: string): Promise<string | null>;
  /** Stores a session value ('' removes it); resolves false when the host has no sessionData (Mailbox < 1.11). */
  setSessionData(key: string, value: string): Promise<boolean>;
  /** The organizer's roaming setting, or null. */
  getRoaming(key: string): Promise<unknown>;
  /** Saves a roaming setting (persisted with saveAsync); rejects when saving fails. */
  setRoaming(key: string, value: unknown): Promise<void>;
  /**
   * Calls `cb` when the item changes; resolves false when the host cannot tell (feature
   * detection: Mailbox 1.7), so the caller re-checks on its own (e.g. at send).
   */
  onItemChanged(kind: ItemChangeKind, cb: () => void): Promise<boolean>;
  /**
   * Opens a new message prefilled for the organizer to send (Outlook's `displayNewMessageForm`,
   * Mailbox 1.1); absent where the host cannot. Text only: the body is escaped into HTML.
   */
  openMessage?(to: { email: string; name: string }, subject: string, text: string): Promise<void>;
}

/** sessionData key holding the JSON of the meeting's `MeetingSecurity`. */
export const SECURITY_SESSION_KEY = 'securejoin.security';

/**
 * sessionData key holding the item's meeting on the meeting service (logic/meetingService.ts
 * `MeetingRecord`: service, meeting id, ETag of the version this item wrote, its body), shared
 * by the task pane and the event runtime so both write the same meeting, and so a changed
 * meeting (another day, new invitees) is registered again and an unchanged one is not.
 */
export const MEETING_SESSION_KEY = 'securejoin.meeting';

/** Roaming-settings key of the organizer's personal defaults (a UserPrefs object). */
export const PREFS_ROAMING_KEY = 'securejoin.prefs';
