/**
 * The organizer's settings from a policy and its effective settings (what core/policy merged from
 * the policy and the organizer's saved defaults). Shared by ./policy.ts (the everyday case) and
 * ./policyFile.ts (with plain-words diagnostics) so neither imports the other.
 */
import { pinPromptLength } from '../../core/codes/promptLength';
import type { EffectiveSettingsResult } from '../../core/policy/merge';
import type { Policy } from '../../core/policy';
import type { OrganizerSettings } from './types';

/** Shown beside a locked setting. */
export const LOCKED_REASON = 'Set by your administrator in the SecureJoin policy.';

/** The organizer's settings under `policy`, given what core/policy made effective. */
export function organizerSettingsFrom(policy: Policy, { settings, locked, ignored }: EffectiveSettingsResult): OrganizerSettings {
  const o = settings.organizer;
  // Infinity refuses a host PIN and guest PIN (here: a passcode) of different lengths: one length for all.
  const promptLength = pinPromptLength({ pinMinLength: o.pin.minLength, passcodeLength: o.passcodes.length });
  return {
    choices: { accessCode: o.accessCode.required, passcodeMode: o.passcodes.mode },
    locked: locked.filter((path) => path.startsWith('organizer.')),
    lockedReason: LOCKED_REASON,
    accessCodeLength: o.accessCode.length,
    passcodeLength: promptLength,
    pinLength: promptLength,
    leadMinutes: o.activation.leadMinutes,
    graceMinutes: o.activation.graceMinutes,
    autoInsert: o.accessCode.required,
    node: policy.nodes[0] ?? null,
    service: policy.meetingService ?? null,
    ignored,
  };
}
