/**
 * The organizer's settings from a policy and its effective settings (what core/policy merged from
 * the policy and the organizer's saved defaults). Shared by ./policy.ts (the everyday case) and
 * ./policyFile.ts (with plain-words diagnostics) so neither imports the other.
 */
import { effectiveCodeLengths } from '../../core/policy/codeLengths';
import type { EffectiveSettingsResult } from '../../core/policy/merge';
import type { Policy } from '../../core/policy';
import type { OrganizerSettings } from './types';

/** Shown beside a locked setting. */
export const LOCKED_REASON = 'Set by your administrator in the SecureJoin policy.';

/** The organizer's settings under `policy`, given what core/policy made effective. */
export function organizerSettingsFrom(policy: Policy, { settings, locked, ignored }: EffectiveSettingsResult): OrganizerSettings {
  const o = settings.organizer;
  // The lengths codes are made with: the same rule `policy check` judges their guess risk by.
  const lengths = effectiveCodeLengths({ accessCodeLength: o.accessCode.length, passcodeLength: o.passcodes.length, pinMinLength: o.pin.minLength });
  return {
    choices: { accessCode: o.accessCode.required, passcodeMode: o.passcodes.mode },
    locked: locked.filter((path) => path.startsWith('organizer.')),
    lockedReason: LOCKED_REASON,
    accessCodeLength: lengths.accessCode,
    passcodeLength: lengths.passcode,
    pinLength: lengths.pin,
    leadMinutes: o.activation.leadMinutes,
    graceMinutes: o.activation.graceMinutes,
    autoInsert: o.accessCode.required,
    node: policy.nodes[0] ?? null,
    service: policy.meetingService ?? null,
    ignored,
  };
}
