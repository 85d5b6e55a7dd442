/**
 * The admin's policy, enforced on every meeting write (issue 18): the add-in follows the policy,
 * but the service trusts no client, so it checks the room it is asked to store against the same
 * policy file. Locked values must match; minimum lengths hold; an occurrence's codes may not work
 * longer than the policy's `maxActivationWindowHours`. Pure: the service passes the parsed room.
 */
import type { Policy } from '../policy/schema';
import type { RoomSpec } from '../roomSpec/types';
import type { Issue } from '../types';
import { DEFAULT_GRACE_MINUTES, DEFAULT_LEAD_MINUTES } from '../time/activation';

/** The timing a write stated (the validated room input): a fixed window, or a meeting with lead and grace. */
export interface StatedTiming {
  window?: { opensAt: number; closesAt: number } | undefined;
  meeting?: { start: number; end: number } | undefined;
  leadMinutes?: number | undefined;
  graceMinutes?: number | undefined;
}

const MINUTE = 60_000;
const digits = (pin: string): number => pin.replace(/#$/, '').length;
const POLICY = 'the admin policy';

function pinIssues(room: RoomSpec, policy: Policy): Issue[] {
  const o = policy.organizer;
  const issues: Issue[] = [];
  const pinMin = o.pin.minLength.locked ? o.pin.minLength.value : 0;
  const passcodeMin = Math.max(pinMin, o.passcodes.length.locked ? o.passcodes.length.value : 0);
  if (o.pin.minLength.locked && room.hostPin === null) issues.push({ path: 'room.hostPin', message: `is required by ${POLICY} (PINs of at least ${pinMin} digits)` });
  if (room.hostPin !== null && digits(room.hostPin) < pinMin) issues.push({ path: 'room.hostPin', message: `must have at least ${pinMin} digits (${POLICY})` });
  if (room.guestPin !== null && digits(room.guestPin) < passcodeMin) issues.push({ path: 'room.guestPin', message: `must have at least ${passcodeMin} digits (${POLICY})` });
  room.invitees.forEach((inv, i) => {
    if (digits(inv.passcode) < passcodeMin) issues.push({ path: `room.invitees[${i}].passcode`, message: `must have at least ${passcodeMin} digits (${POLICY})` });
  });
  return issues;
}

function accessCodeIssues(room: RoomSpec, policy: Policy): Issue[] {
  const required = policy.organizer.accessCode.required;
  if (!required.locked || (room.accessCode !== null) === required.value) return [];
  return [{ path: 'room.accessCode', message: required.value ? `is required by ${POLICY}` : `is switched off by ${POLICY}: send null` }];
}

/**
 * The passcode mode a locked policy demands. A per-invitee meeting may be registered as a draft
 * before anyone is invited, but it is not sent without invitees (the access code alone would
 * then admit guests to the lobby).
 */
function modeIssues(room: RoomSpec, policy: Policy): Issue[] {
  const mode = policy.organizer.passcodes.mode;
  if (!mode.locked) return [];
  const shared = room.guestPin !== null && room.allowGuests;
  const perInvitee = room.invitees.length > 0;
  switch (mode.value) {
    case 'per-invitee':
      if (shared) return [{ path: 'room.guestPin', message: `must be null: ${POLICY} gives every invitee a personal passcode (no shared passcode)` }];
      if (room.sent && !perInvitee) return [{ path: 'room.invitees', message: `must name at least one invitee with a passcode before the invite is sent (${POLICY}: per-invitee passcodes)` }];
      return [];
    case 'shared':
      if (perInvitee) return [{ path: 'room.invitees', message: `must be empty: ${POLICY} uses one shared passcode` }];
      if (!shared) return [{ path: 'room.guestPin', message: `is required: ${POLICY} uses one shared passcode` }];
      return [];
    case 'none':
      if (perInvitee || room.guestPin !== null) return [{ path: perInvitee ? 'room.invitees' : 'room.guestPin', message: `must be empty: ${POLICY} uses no passcode` }];
      return [];
  }
}

function timingIssues(timing: StatedTiming, policy: Policy): Issue[] {
  const { leadMinutes, graceMinutes } = policy.organizer.activation;
  const issues: Issue[] = [];
  const maxMs = policy.maxActivationWindowHours * 60 * MINUTE;
  if (timing.window) {
    if (leadMinutes.locked || graceMinutes.locked) {
      issues.push({ path: 'room.window', message: `is not accepted: ${POLICY} locks the activation lead or grace, so send meeting with leadMinutes and graceMinutes` });
    }
    if (timing.window.closesAt - timing.window.opensAt > maxMs) {
      issues.push({ path: 'room.window', message: `is longer than ${POLICY}'s maximum of ${policy.maxActivationWindowHours} hours` });
    }
    return issues;
  }
  if (!timing.meeting) return issues;
  const lead = timing.leadMinutes ?? DEFAULT_LEAD_MINUTES;
  const grace = timing.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  if (leadMinutes.locked && lead !== leadMinutes.value) issues.push({ path: 'room.leadMinutes', message: `must be ${leadMinutes.value} (locked by ${POLICY})` });
  if (graceMinutes.locked && grace !== graceMinutes.value) issues.push({ path: 'room.graceMinutes', message: `must be ${graceMinutes.value} (locked by ${POLICY})` });
  const span = timing.meeting.end - timing.meeting.start + (lead + grace) * MINUTE;
  if (span > maxMs) {
    issues.push({ path: 'room.meeting', message: `opens its codes for ${Math.ceil(span / (60 * MINUTE))} hours (lead + meeting + grace), longer than ${POLICY}'s maximum of ${policy.maxActivationWindowHours} hours` });
  }
  return issues;
}

/** Every way `room` (with the timing its write stated) breaks `policy`; empty when it keeps it. */
export function policyIssues(room: RoomSpec, timing: StatedTiming, policy: Policy): Issue[] {
  return [...pinIssues(room, policy), ...accessCodeIssues(room, policy), ...modeIssues(room, policy), ...timingIssues(timing, policy)];
}
