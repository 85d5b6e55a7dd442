/**
 * logic/session.ts withPaneMemory: where the host keeps no sessionData (Mailbox < 1.11), the open
 * task pane keeps the meeting's codes and registration itself, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { MEETING_SESSION_KEY, PANE_HEARTBEAT_SESSION_KEY, SECURITY_SESSION_KEY, withPaneMemory } from '../../../outlook-addin/logic';
import type { ItemPort } from '../../../outlook-addin/logic';
import { meeting } from './fixtures';

/** A port over a host with (`kept` = a Map) or without (null) sessionData. */
function portWith(kept: Map<string, string> | null): ItemPort {
  return {
    getSnapshot: async () => meeting(),
    setBodyHtml: async () => undefined,
    getSessionData: async (key) => kept?.get(key) ?? null,
    setSessionData: async (key, value) => (kept ? (kept.set(key, value), true) : false),
    getRoaming: async () => null,
    setRoaming: async () => undefined,
    onItemChanged: async () => false,
  };
}

describe('withPaneMemory', () => {
  it('without sessionData keeps the codes and the registration in memory, but never fakes the heartbeat', async () => {
    const port = withPaneMemory(portWith(null));
    expect(await port.setSessionData(SECURITY_SESSION_KEY, '{"a":1}')).toBe(true);
    expect(await port.setSessionData(MEETING_SESSION_KEY, '{"b":2}')).toBe(true);
    expect(await port.getSessionData(SECURITY_SESSION_KEY)).toBe('{"a":1}');
    expect(await port.getSessionData(MEETING_SESSION_KEY)).toBe('{"b":2}');
    // The heartbeat tells the event runtime the pane owns updates: only the host's own sessionData may say so.
    expect(await port.setSessionData(PANE_HEARTBEAT_SESSION_KEY, '1')).toBe(false);
    expect(await port.getSessionData(PANE_HEARTBEAT_SESSION_KEY)).toBeNull();
    // '' clears.
    await port.setSessionData(MEETING_SESSION_KEY, '');
    expect(await port.getSessionData(MEETING_SESSION_KEY)).toBeNull();
  });

  it('with sessionData leaves everything to the host', async () => {
    const kept = new Map<string, string>();
    const port = withPaneMemory(portWith(kept));
    await port.setSessionData(MEETING_SESSION_KEY, 'x');
    await port.setSessionData(PANE_HEARTBEAT_SESSION_KEY, '1');
    expect([...kept]).toEqual([[MEETING_SESSION_KEY, 'x'], [PANE_HEARTBEAT_SESSION_KEY, '1']]);
    kept.set(MEETING_SESSION_KEY, 'y');
    expect(await port.getSessionData(MEETING_SESSION_KEY)).toBe('y');
  });
});
