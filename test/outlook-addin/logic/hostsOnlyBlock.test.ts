/**
 * Issue 13: in per-invitee mode the shared block (which every invitee has, and which is
 * forwarded) holds no code that opens the room for a guest. Checked through the answers the
 * meeting service gives the conference node (core/infinity) for every alias the block names,
 * with every code the block shows as the PIN.
 */
import { describe, expect, it } from 'vitest';
import { decideServiceConfiguration } from '../../../core/infinity';
import { parseInvite } from '../../../core/invite/parse';
import { parseJoinLink } from '../../../core/links/join';
import { meetingAliases, parseRoomSpec } from '../../../core/roomSpec';
import { applySecurity, createSecurity, roomSpecFor } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

describe('the per-invitee block', () => {
  it('names only aliases that admit hosts, and no guest PIN of the room appears in it', () => {
    const m = meeting();
    const security = createSecurity(m, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);
    const { bodyHtml } = applySecurity(m, security, SETTINGS);
    const block = parseInvite(bodyHtml, 'html').block;
    expect(block?.personalPasscodes).toBe(true);
    expect(block?.captureUrl).toBeUndefined();
    // The room holding the block's aliases (as it does once they are minted and adopted): every alias in the spec.
    const spec = parseRoomSpec(roomSpecFor(m, security, { ...SETTINGS, service: null }, true));
    if (!spec.ok) throw new Error(JSON.stringify(spec.errors));
    const room = spec.value;
    const link = parseJoinLink(block?.joinUrl ?? '');
    const named = [link.ok ? link.value.alias : '', block?.accessCode ?? '', block?.dialIn?.conferenceId ?? ''].map((a) => a.toLowerCase());
    const aliases = meetingAliases(room).filter((a) => named.includes(a.key));
    expect(aliases.map((a) => a.kind).sort()).toEqual(['dial', 'web']);
    const during = START;
    for (const a of aliases) {
      const answer = decideServiceConfiguration({ meetingId: 'meeting-1', subject: m.subject, room, kind: a.kind, inviteeIndex: a.inviteeIndex }, during);
      expect(answer.action).toBe('continue');
      const result = (answer as { result: { allow_guests: boolean; guest_pin?: string } }).result;
      expect(result).toMatchObject({ allow_guests: false });
      expect(result.guest_pin).toBeUndefined();
    }
    // No invitee's passcode (a guest PIN on their personal aliases) is written in the shared body.
    for (const invitee of room.invitees) expect(bodyHtml).not.toContain(invitee.passcode);
  });
});
