/**
 * Which policy the add-in runs under, and the organizer's settings under it. An invalid or
 * unreachable policy.json never means "no policy": the secure defaults apply (fail closed).
 */
import { effectiveCodeLengths } from '../../core/policy/codeLengths';
import { effectiveSettings } from '../../core/policy/effective';
import { cleanEffectiveSettings } from '../../core/policy/merge';
import type { EffectiveSettingsResult } from '../../core/policy/merge';
import { DEFAULT_POLICY, validPolicyJson } from '../../core/policy/valid';
import type { Policy, UserPrefs } from '../../core/policy';
import type { LoadedPolicy, OrganizerChoices, OrganizerSettings } from './types';

/** Shown beside a locked setting. */
export const LOCKED_REASON = 'Set by your administrator in the SecureJoin policy.';

/** What a pane or handler says when policy.json could not be fetched (the secure defaults apply). */
export const POLICY_UNREACHABLE = { path: 'policy.json', message: 'could not be loaded; the secure defaults apply' } as const;

/**
 * {@link loadPolicy}'s answer, with its plain-words diagnostics (./policyFile, core/policy/parse)
 * loaded only when the file is broken: a valid policy.json, the everyday case, needs only the
 * schema. Should that load fail too (the network went away), the secure defaults apply and say
 * why. Never rejects.
 */
export async function loadPolicyLazily(text: string | null): Promise<LoadedPolicy> {
  if (text === null || typeof text !== 'string') return { policy: DEFAULT_POLICY, errors: [POLICY_UNREACHABLE], source: 'default' };
  const policy = validPolicyJson(text);
  if (policy) return { policy, errors: [], source: 'file' };
  try {
    const { loadPolicy } = await import('./policyFile');
    return loadPolicy(text);
  } catch {
    return { policy: DEFAULT_POLICY, errors: [{ path: 'policy.json', message: 'is not a valid policy (its problems could not be listed); the secure defaults apply' }], source: 'default' };
  }
}

/**
 * The organizer's settings: the policy merged with `prefs` (personal defaults from roaming
 * settings, untrusted: anything). Locked policy values win; invalid or too-weak preferences are
 * ignored and listed in `ignored`. Never throws.
 */
export function organizerSettings(policy: Policy, prefs: unknown): OrganizerSettings {
  return settingsOf(policy, effectiveSettings(policy, prefs as UserPrefs));
}

/**
 * {@link organizerSettings}, with the words for preferences that are not applied (core/policy's
 * effective.ts and issues.ts, in ./policyFile) loaded only when one is not: the organizer's own
 * saved defaults nearly always apply as they are. Should that load fail, the policy's own
 * settings apply and say so. Never rejects.
 */
export async function organizerSettingsLazily(policy: Policy, prefs: unknown): Promise<OrganizerSettings> {
  const clean = cleanEffectiveSettings(policy, prefs as UserPrefs);
  if (clean) return settingsOf(policy, clean);
  try {
    return (await import('./policyFile')).organizerSettings(policy, prefs);
  } catch {
    const own = settingsOf(policy, cleanEffectiveSettings(policy, null) as EffectiveSettingsResult);
    return { ...own, ignored: [{ path: '(root)', message: 'your saved defaults could not be checked, so they were not applied' }] };
  }
}

function settingsOf(policy: Policy, { settings, locked, ignored }: EffectiveSettingsResult): OrganizerSettings {
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

/**
 * Personal defaults ("default for all meetings") as the UserPrefs object to save in roaming
 * settings. Locked settings are left out: the policy decides them anyway.
 */
export function prefsFromChoices(choices: OrganizerChoices, locked: readonly string[]): Record<string, unknown> {
  const organizer: Record<string, unknown> = {};
  if (!locked.includes('organizer.accessCode.required')) organizer.accessCode = { required: choices.accessCode };
  if (!locked.includes('organizer.passcodes.mode')) organizer.passcodes = { mode: choices.passcodeMode };
  return { organizer };
}

/**
 * `choices` with locked settings forced back to the policy's values, so a task pane (or a
 * tampered sessionData) can never weaken what the admin locked.
 */
export function enforceLocks(choices: OrganizerChoices, policy: Policy): OrganizerChoices {
  const o = policy.organizer;
  return {
    accessCode: o.accessCode.required.locked ? o.accessCode.required.value : choices.accessCode,
    passcodeMode: o.passcodes.mode.locked ? o.passcodes.mode.value : choices.passcodeMode,
  };
}
