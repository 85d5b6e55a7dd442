/**
 * The guess-risk check: could an online attacker guess a valid code while it works, given the
 * room's failure limits? Uses core/codes' model (guesses = ceil(exposure / window) * limit).
 *
 * Exposure of one meeting's codes = activation lead + `assumedMeetingMinutes` + grace. The real
 * meeting length is unknown when the admin writes the policy, so the policy states a typical one
 * (default 60 minutes) and the check is done for that.
 */
import { guessProbability } from '../codes';
import type { LockableSetting, PasscodeMode, Policy } from './schema';

/** The settings the risk depends on, as values an organizer may end up with. */
export interface RiskSettings {
  accessCodeRequired: LockableSetting<boolean>;
  accessCodeLength: number;
  passcodeMode: LockableSetting<PasscodeMode>;
  passcodeLength: number;
  pinMinLength: number;
  leadMinutes: number;
  graceMinutes: number;
}

/** The risk figure for one kind of code. */
export interface CodeRisk {
  kind: 'accessCode' | 'passcode' | 'pin';
  /** The setting to change, e.g. `organizer.accessCode.length.value`. */
  path: string;
  length: number;
  /** Codes that open a room at once (host + guest PIN = 2; per-invitee passcodes = assumedInvitees). */
  validCodes: number;
  /** Chance (0..1) that an attacker guesses one during the exposure. */
  probability: number;
  /** False when the code does not protect anything under this policy (figure shown for information). */
  enforced: boolean;
  /** enforced implies probability <= maxGuessProbability. */
  ok: boolean;
  /** What to change when not ok, in plain words; null when ok. */
  fix: string | null;
}

/** Everything `securejoin policy check` prints about guessability. */
export interface GuessRisk {
  exposureMinutes: number;
  roomFailureLimit: number;
  roomWindowMinutes: number;
  maxGuessProbability: number;
  codes: CodeRisk[];
  /** True when every enforced code is within maxGuessProbability. */
  ok: boolean;
}

/** The policy's own values, with locks, as risk settings. */
export function riskSettingsOf(policy: Policy): RiskSettings {
  const o = policy.organizer;
  return {
    accessCodeRequired: o.accessCode.required,
    accessCodeLength: o.accessCode.length.value,
    passcodeMode: o.passcodes.mode,
    passcodeLength: o.passcodes.length.value,
    pinMinLength: o.pin.minLength.value,
    leadMinutes: o.activation.leadMinutes.value,
    graceMinutes: o.activation.graceMinutes.value,
  };
}

const MAX_LENGTH: Record<CodeRisk['kind'], number> = { accessCode: 15, passcode: 15, pin: 20 };

/**
 * Guess risk of each code under `policy`'s limits. Where a user could still switch a code on
 * (access code required but unlocked, passcode mode unlocked) the worst case is assessed, so an
 * admin learns about it now rather than an organizer later. `settings` defaults to the policy's
 * own values; {@link effectiveSettings} passes a user's merged settings (all final).
 */
export function policyGuessRisk(policy: Policy, settings: RiskSettings = riskSettingsOf(policy)): GuessRisk {
  const { roomFailures, roomWindowMinutes } = policy.attempts;
  const exposureMinutes = settings.leadMinutes + policy.assumedMeetingMinutes + settings.graceMinutes;
  const max = policy.maxGuessProbability;
  const probabilityAt = (length: number, validCodes: number): number =>
    guessProbability({ length, validCodes, roomFailureLimit: roomFailures, roomWindowMinutes, exposureMinutes });

  const assess = (kind: CodeRisk['kind'], path: string, length: number, validCodes: number, enforced: boolean): CodeRisk => {
    const probability = probabilityAt(length, validCodes);
    const ok = !enforced || probability <= max;
    let fix: string | null = null;
    if (!ok) {
      let needed: number | null = null;
      for (let l = length + 1; l <= MAX_LENGTH[kind]; l++) {
        if (probabilityAt(l, validCodes) <= max) {
          needed = l;
          break;
        }
      }
      const lengthFix = needed !== null ? `raise ${path} to at least ${needed}` : `no length up to ${MAX_LENGTH[kind]} digits is enough`;
      fix = `${lengthFix}, or lower attempts.roomFailures (${roomFailures}), or shorten the exposure (lead + assumedMeetingMinutes + grace = ${exposureMinutes} min)`;
    }
    return { kind, path, length, validCodes, probability, enforced, ok, fix };
  };

  const accessMayBeOn = settings.accessCodeRequired.value || !settings.accessCodeRequired.locked;
  const accessMayBeOff = !settings.accessCodeRequired.value || !settings.accessCodeRequired.locked;
  const passcodeMode = settings.passcodeMode;
  const passcodesMayBeUsed = passcodeMode.value !== 'none' || !passcodeMode.locked;
  const perInvitee = passcodeMode.value === 'per-invitee' || !passcodeMode.locked;

  const codes: CodeRisk[] = [
    assess('accessCode', 'organizer.accessCode.length.value', settings.accessCodeLength, 1, accessMayBeOn),
    assess('passcode', 'organizer.passcodes.length.value', settings.passcodeLength, perInvitee ? policy.assumedInvitees : 1, passcodesMayBeUsed),
    // Host and guest PIN both open the room. The PIN alone guards it only when the access code can be off.
    assess('pin', 'organizer.pin.minLength.value', settings.pinMinLength, 2, accessMayBeOff),
  ];
  if (codes[2] && !codes[2].ok && codes[2].fix) {
    codes[2].fix = `${codes[2].fix}; or require and lock access codes (organizer.accessCode.required = { "value": true, "locked": true })`;
  }
  return { exposureMinutes, roomFailureLimit: roomFailures, roomWindowMinutes, maxGuessProbability: max, codes, ok: codes.every((c) => c.ok) };
}
