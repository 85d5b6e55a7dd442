/**
 * Small flows over the ItemPort shared by the task pane and the event handlers: where a
 * meeting's security lives between calls, and writing the block into the item.
 */
import type { Policy } from '../../core/policy';
import { applySecurity, removeSecurity } from './block';
import { MEETING_SESSION_KEY, PREFS_ROAMING_KEY, SECURITY_SESSION_KEY } from './port';
import type { ItemPort } from './port';
import { organizerSettingsLazily, prefsFromChoices } from './policy';
import { parseSecurity, rebuildSecurityFromBody } from './security';
import type { MeetingSecurity, MeetingSnapshot, OrganizerChoices, OrganizerSettings } from './types';

/** The meeting's security from sessionData, or null (none yet, lost, unsupported or malformed). */
export async function readSecurity(port: ItemPort): Promise<MeetingSecurity | null> {
  try {
    return parseSecurity(await port.getSessionData(SECURITY_SESSION_KEY));
  } catch {
    return null;
  }
}

/** Keeps `security` in sessionData (or clears it with null); false when the host has none. */
export async function saveSecurity(port: ItemPort, security: MeetingSecurity | null): Promise<boolean> {
  return port.setSessionData(SECURITY_SESSION_KEY, security === null ? '' : JSON.stringify(security));
}

/**
 * The security to re-render the block with when the meeting changed: sessionData's, else one
 * read back from the body (its PINs and roster unknown: `hostPin` is '' and it must not be saved
 * or provisioned). Null when there is no usable block.
 */
export async function securityForUpdate(port: ItemPort, bodyHtml: string): Promise<{ security: MeetingSecurity; fromBody: boolean } | null> {
  const stored = await readSecurity(port);
  if (stored) return { security: stored, fromBody: false };
  const security = rebuildSecurityFromBody(bodyHtml);
  return security ? { security, fromBody: true } : null;
}

/** The organizer's personal defaults from roaming settings (null when none or unreadable). */
export async function readPrefs(port: ItemPort): Promise<unknown> {
  try {
    return await port.getRoaming(PREFS_ROAMING_KEY);
  } catch {
    return null;
  }
}

/** Saves `choices` as the organizer's default for all meetings (locked settings left out). */
export async function savePrefs(port: ItemPort, choices: OrganizerChoices, locked: readonly string[]): Promise<void> {
  await port.setRoaming(PREFS_ROAMING_KEY, prefsFromChoices(choices, locked));
}

/** The organizer settings for this mailbox: `policy` merged with the roaming defaults. */
export async function settingsFor(port: ItemPort, policy: Policy): Promise<OrganizerSettings> {
  return organizerSettingsLazily(policy, await readPrefs(port));
}

/**
 * Inserts or updates the block in the item's body and keeps the (attendee-synced) security in
 * sessionData. Returns the security written. Rejects when the body cannot be written.
 */
export async function writeSecurity(port: ItemPort, meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, opts: { save?: boolean } = {}): Promise<MeetingSecurity> {
  const applied = applySecurity(meeting, security, settings);
  if (applied.bodyHtml !== meeting.bodyHtml) await port.setBodyHtml(applied.bodyHtml);
  if (opts.save !== false) await saveSecurity(port, applied.security);
  return applied.security;
}

/** Removes the block from the item's body and forgets the meeting's security. */
export async function clearSecurity(port: ItemPort, meeting: MeetingSnapshot): Promise<void> {
  const body = removeSecurity(meeting.bodyHtml);
  if (body !== meeting.bodyHtml) await port.setBodyHtml(body);
  await saveSecurity(port, null);
}

/**
 * `port` keeping the meeting's codes and its registration in memory where the host has no
 * sessionData (Mailbox < 1.11, e.g. on-premises Exchange): there the open task pane is the only
 * writer (launch events need 1.10, and no runtime could read them back anyway), so it can still
 * register the meeting and keep it right while it is open. Other keys (the pane's heartbeat,
 * which tells the event runtime something) are never faked.
 */
export function withPaneMemory(port: ItemPort): ItemPort {
  const memory = new Map<string, string>();
  return {
    ...port,
    getSessionData: async (key) => (memory.has(key) ? memory.get(key) || null : port.getSessionData(key)),
    async setSessionData(key, value) {
      if (memory.has(key) || !(await port.setSessionData(key, value))) {
        if (key !== SECURITY_SESSION_KEY && key !== MEETING_SESSION_KEY) return false;
        memory.set(key, value);
      }
      return true;
    },
  };
}
