import { describe, expect, it } from 'vitest';
import { hostsPresent, participantsToAdmit, serviceTypeFor } from '../../../../dev/conference-node/decisions';
import type { LobbyParticipant } from '../../../../dev/conference-node/decisions';
import { HOST_ONLY, OPEN, PINNED } from './fixtures';

const guest = (uuid: string, serviceType: LobbyParticipant['serviceType'] = 'waiting_room'): LobbyParticipant => ({ uuid, role: 'guest', serviceType });
const host = (uuid: string): LobbyParticipant => ({ uuid, role: 'host', serviceType: 'conference' });

describe('lobby', () => {
  it('keeps guests waiting until a host is present, then admits all of them in join order', () => {
    expect(participantsToAdmit([guest('g1'), guest('g2')])).toEqual([]);
    expect(participantsToAdmit([guest('g1'), host('h1'), guest('g2'), guest('g3', 'conference')])).toEqual(['g1', 'g2']);
    expect(hostsPresent([guest('g1'), host('h1'), host('h2')])).toBe(2);
  });

  it.each([
    [PINNED, 'guest', 0, 'waiting_room'],
    [PINNED, 'guest', 1, 'conference'],
    [PINNED, 'host', 0, 'conference'],
    [HOST_ONLY, 'guest', 0, 'waiting_room'],
    [OPEN, 'host', 0, 'conference'],
  ] as const)('serviceTypeFor(%#)', (room, role, hosts, expected) => {
    expect(serviceTypeFor(room, role, { hostsPresent: hosts })).toBe(expected);
  });
});
