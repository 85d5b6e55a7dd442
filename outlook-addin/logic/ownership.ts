/**
 * Who updates the item when it changes. With the task pane open, one attendee or time change
 * raises both the pane's item event and the event runtime's launch event (Outlook shares the item
 * and its sessionData between them, with no compare-and-set). If both updated, each would sync
 * the roster from what it read, give a new invitee a different random passcode, write the body
 * and sessionData and register the room: the passcode in the pane's personal message could differ
 * from the one the node holds.
 *
 * The rule: while a task pane is open it owns updates. It keeps a heartbeat (its clock, UTC ms)
 * in sessionData, renewed every {@link PANE_HEARTBEAT_INTERVAL_MS}, and clears it when it closes.
 * The change handlers of the event runtime (time, recurrence, attendees) skip their work, still
 * completing the event, while the heartbeat is fresh. A pane that vanished without clearing it
 * stops owning updates after {@link PANE_HEARTBEAT_FRESH_MS}; a change in that gap is caught by
 * the send check, which syncs the roster with the attendees and registers the meeting as sent.
 */
import type { ItemPort } from './port';

/** sessionData key of the open task pane's heartbeat (decimal UTC ms; '' when closed). */
export const PANE_HEARTBEAT_SESSION_KEY = 'securejoin.pane';

/** How often an open task pane renews its heartbeat. */
export const PANE_HEARTBEAT_INTERVAL_MS = 5_000;

/** How long a heartbeat counts as an open pane (three missed renewals). */
export const PANE_HEARTBEAT_FRESH_MS = 15_000;

/** True when `heartbeat` (a sessionData value) says a task pane was open at `now`. */
export function isFreshHeartbeat(heartbeat: string | null, now: number): boolean {
  if (!heartbeat || !/^\d{1,16}$/.test(heartbeat)) return false;
  const at = Number(heartbeat);
  // A heartbeat from the future (clock set back) counts only within the same margin.
  return Math.abs(now - at) < PANE_HEARTBEAT_FRESH_MS;
}

/** Records that the task pane is open at `now`; false when the host has no sessionData. */
export function markPaneOpen(port: ItemPort, now: number): Promise<boolean> {
  return port.setSessionData(PANE_HEARTBEAT_SESSION_KEY, String(now));
}

/** Records that the task pane closed, so the event runtime updates the item again. */
export function markPaneClosed(port: ItemPort): Promise<boolean> {
  return port.setSessionData(PANE_HEARTBEAT_SESSION_KEY, '');
}

/** True when an open task pane owns updates to the item (unreadable counts as no pane). */
export async function paneOwnsUpdates(port: ItemPort, now: number): Promise<boolean> {
  try {
    return isFreshHeartbeat(await port.getSessionData(PANE_HEARTBEAT_SESSION_KEY), now);
  } catch {
    return false;
  }
}
