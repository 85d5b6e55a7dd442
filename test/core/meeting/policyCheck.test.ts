import { describe, expect, it } from 'vitest';
import { policyIssues } from '../../../core/meeting/policyCheck';
import { parsePolicy } from '../../../core/policy';
import type { Policy } from '../../../core/policy';
import type { RoomSpec } from '../../../core/roomSpec';

const START = Date.UTC(2030, 0, 7, 9);
const HOUR = 3_600_000;

function policy(input: Record<string, unknown> = {}): Policy {
  const r = parsePolicy({ version: 1, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const locked = <T>(value: T) => ({ value, locked: true });

const room = (over: Partial<RoomSpec> = {}): RoomSpec => ({
  alias: 'abc',
  name: 'abc',
  hostPin: '4802139157',
  guestPin: null,
  allowGuests: true,
  accessCode: { code: '123456789', role: 'guest' },
  invitees: [{ email: 'a@b.c', name: 'A', passcode: '5510293847', alias: 'p', dialAlias: '987654321' }],
  window: { opensAt: START - 15 * 60_000, closesAt: START + HOUR },
  sent: true,
  ...over,
});
const meeting = { meeting: { start: START, end: START + HOUR }, leadMinutes: 15, graceMinutes: 0 };
const paths = (issues: Array<{ path: string }>) => issues.map((i) => i.path);

describe('policyIssues', () => {
  it('passes a room that keeps the built-in policy', () => {
    expect(policyIssues(room(), meeting, policy())).toEqual([]);
  });

  it('holds the locked minimum PIN length for host PIN, guest PIN and passcodes (a trailing # is not a digit)', () => {
    const p = policy({ organizer: { pin: { minLength: locked(10) } } });
    expect(paths(policyIssues(room({ hostPin: '123456789#', guestPin: '123456789', invitees: [{ email: 'a', name: 'A', passcode: '12345' }] }), meeting, p))).toEqual([
      'room.hostPin',
      'room.guestPin',
      'room.invitees[0].passcode',
    ]);
    expect(paths(policyIssues(room({ hostPin: null, accessCode: null, invitees: [] }), meeting, p))).toEqual(['room.hostPin', 'room.accessCode']);
    // Unlocked: the organizer's own length stands.
    expect(policyIssues(room({ hostPin: '123456' }), meeting, policy({ organizer: { pin: { minLength: { value: 10, locked: false } } } }))).toEqual([]);
  });

  it('holds a locked passcode length for passcodes only', () => {
    const p = policy({ organizer: { passcodes: { length: locked(12) } } });
    expect(paths(policyIssues(room(), meeting, p))).toEqual(['room.invitees[0].passcode']);
  });

  it('holds locked access code and passcode mode choices', () => {
    expect(paths(policyIssues(room({ accessCode: null }), meeting, policy()))).toEqual(['room.accessCode']);
    const off = policy({ organizer: { accessCode: { required: locked(false) }, pin: { minLength: locked(12) } } });
    expect(paths(policyIssues(room({ hostPin: '480213915712' }), meeting, off))).toEqual(['room.invitees[0].passcode', 'room.accessCode']);
    const perInvitee = policy({ organizer: { passcodes: { mode: locked('per-invitee') } } });
    expect(paths(policyIssues(room({ guestPin: '7305148823' }), meeting, perInvitee))).toEqual(['room.guestPin']);
    expect(paths(policyIssues(room({ invitees: [] }), meeting, perInvitee))).toEqual(['room.invitees']);
    expect(policyIssues(room({ invitees: [], sent: false }), meeting, perInvitee)).toEqual([]);
    const shared = policy({ organizer: { passcodes: { mode: locked('shared') } } });
    expect(paths(policyIssues(room(), meeting, shared))).toEqual(['room.invitees']);
    expect(paths(policyIssues(room({ invitees: [] }), meeting, shared))).toEqual(['room.guestPin']);
    expect(policyIssues(room({ invitees: [], guestPin: '7305148823' }), meeting, shared)).toEqual([]);
    const none = policy({ organizer: { passcodes: { mode: locked('none') } } });
    expect(paths(policyIssues(room(), meeting, none))).toEqual(['room.invitees']);
    expect(policyIssues(room({ invitees: [] }), meeting, none)).toEqual([]);
  });

  it('holds locked lead and grace, and refuses a bare window when either is locked', () => {
    const p = policy({ organizer: { activation: { leadMinutes: locked(15), graceMinutes: locked(10) } } });
    expect(paths(policyIssues(room(), meeting, p))).toEqual(['room.graceMinutes']);
    expect(paths(policyIssues(room(), { ...meeting, leadMinutes: 30, graceMinutes: 10 }, p))).toEqual(['room.leadMinutes']);
    expect(policyIssues(room(), { ...meeting, graceMinutes: 10 }, p)).toEqual([]);
    // Left out means the defaults (15 and 0): a locked grace of 10 is not met.
    expect(paths(policyIssues(room(), { meeting: meeting.meeting }, p))).toEqual(['room.graceMinutes']);
    expect(paths(policyIssues(room(), { window: { opensAt: START, closesAt: START + HOUR } }, p))).toEqual(['room.window']);
  });

  it('limits an occurrence\'s window to maxActivationWindowHours (lead + meeting + grace), exactly at the edge', () => {
    const p = policy({ maxActivationWindowHours: 2 });
    const span = (minutes: number) => ({ meeting: { start: START, end: START + minutes * 60_000 }, leadMinutes: 15, graceMinutes: 5 });
    expect(policyIssues(room(), span(100), p)).toEqual([]);
    expect(paths(policyIssues(room(), span(101), p))).toEqual(['room.meeting']);
    expect(paths(policyIssues(room(), { window: { opensAt: START, closesAt: START + 2 * HOUR + 1 } }, p))).toEqual(['room.window']);
    expect(policyIssues(room(), { window: { opensAt: START, closesAt: START + 2 * HOUR } }, p)).toEqual([]);
    expect(paths(policyIssues(room(), { meeting: { start: START, end: START + 30 * 24 * HOUR } }, policy()))).toEqual(['room.meeting']);
  });
});
