/**
 * The guess-risk check: could an online attacker guess a code that opens the room while it does,
 * given the room's failure limits? Uses core/codes' model (guesses = ceil(exposure / window) * limit).
 *
 * Every code that opens the room is counted, each for as long as it does:
 * - the one-time access code and the invitee passcodes work in the meeting's window: lead +
 *   `assumedMeetingMinutes` + grace (the real length is unknown when the admin writes the policy,
 *   so the policy states a typical one, default 60 minutes);
 * - the host PIN opens the room at any time while the room exists on the node (the reference node,
 *   like Pexip, checks it outside the window too), and so does a static guest PIN where the access
 *   code is off: they are exposed for `assumedRoomDays`, whether or not access codes are required.
 */
import { guessProbability } from '../codes';
import { effectiveCodeLengths } from './codeLengths';
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
  /** Digits the code is made with: the setting's own number, or more where ./codeLengths raises it. */
  length: number;
  /** The setting's own number (at `path`); below `length` when a PIN and passcode share the longer length. */
  settingLength: number;
  /** Codes that open a room at once (host + guest PIN = 2, the host PIN alone = 1; per-invitee passcodes = assumedInvitees). */
  validCodes: number;
  /** How long these codes open the room, in minutes (the meeting's window, or the room's life for PINs). */
  exposureMinutes: number;
  /** Chance (0..1) that an attacker guesses one during the exposure. */
  probability: number;
  /** False when the code does not open rooms under this policy (figure shown for information); PINs always do. */
  enforced: boolean;
  /** enforced implies probability <= maxGuessProbability. */
  ok: boolean;
  /** What to change when not ok, in plain words; null when ok. */
  fix: string | null;
}

/** Everything `securejoin policy check` prints about guessability. */
export interface GuessRisk {
  /** Exposure of the meeting codes (access code, passcodes): lead + assumedMeetingMinutes + grace. */
  exposureMinutes: number;
  /** Exposure of the room's PINs: assumedRoomDays in minutes. */
  roomExposureMinutes: number;
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
 * own values; {@link effectiveSettings} passes a user's merged settings (all final). Each code is
 * judged at the length it is made with ({@link effectiveCodeLengths}), not the setting's number.
 */
export function policyGuessRisk(policy: Policy, settings: RiskSettings = riskSettingsOf(policy)): GuessRisk {
  const { roomFailures, roomWindowMinutes } = policy.attempts;
  const exposureMinutes = settings.leadMinutes + policy.assumedMeetingMinutes + settings.graceMinutes;
  const roomExposureMinutes = policy.assumedRoomDays * 24 * 60;
  const max = policy.maxGuessProbability;
  const lengths = effectiveCodeLengths(settings);
  const probabilityAt = (length: number, validCodes: number, exposure: number): number =>
    guessProbability({ length, validCodes, roomFailureLimit: roomFailures, roomWindowMinutes, exposureMinutes: exposure });

  const assess = (kind: CodeRisk['kind'], path: string, settingLength: number, validCodes: number, exposure: number, enforced: boolean, shorter: string): CodeRisk => {
    const length = lengths[kind];
    const probability = probabilityAt(length, validCodes, exposure);
    const ok = !enforced || probability <= max;
    let fix: string | null = null;
    if (!ok) {
      let needed: number | null = null;
      for (let l = length + 1; l <= MAX_LENGTH[kind]; l++) {
        if (probabilityAt(l, validCodes, exposure) <= max) {
          needed = l;
          break;
        }
      }
      const lengthFix = needed !== null ? `raise ${path} to at least ${needed}` : `no length up to ${MAX_LENGTH[kind]} digits is enough`;
      fix = `${lengthFix}, or lower attempts.roomFailures (${roomFailures}), or ${shorter}`;
    }
    return { kind, path, length, settingLength, validCodes, exposureMinutes: exposure, probability, enforced, ok, fix };
  };

  const accessMayBeOn = settings.accessCodeRequired.value || !settings.accessCodeRequired.locked;
  const accessMayBeOff = !settings.accessCodeRequired.value || !settings.accessCodeRequired.locked;
  const passcodeMode = settings.passcodeMode;
  const passcodesMayBeUsed = passcodeMode.value !== 'none' || !passcodeMode.locked;
  const perInvitee = passcodeMode.value === 'per-invitee' || !passcodeMode.locked;
  const meetingWindow = `shorten the exposure (lead + assumedMeetingMinutes + grace = ${exposureMinutes} min)`;

  const codes: CodeRisk[] = [
    assess('accessCode', 'organizer.accessCode.length.value', settings.accessCodeLength, 1, exposureMinutes, accessMayBeOn, meetingWindow),
    assess('passcode', 'organizer.passcodes.length.value', settings.passcodeLength, perInvitee ? policy.assumedInvitees : 1, exposureMinutes, passcodesMayBeUsed, meetingWindow),
    // The host PIN always exists and opens the room at any time while the room exists; where the
    // access code can be off, a static guest PIN does too (two codes).
    assess(
      'pin',
      'organizer.pin.minLength.value',
      settings.pinMinLength,
      accessMayBeOff ? 2 : 1,
      roomExposureMinutes,
      true,
      `remove rooms sooner (assumedRoomDays = ${policy.assumedRoomDays}: the host PIN opens the room all that time)`,
    ),
  ];
  if (accessMayBeOff && codes[2] && !codes[2].ok && codes[2].fix) {
    codes[2].fix = `${codes[2].fix}; or require and lock access codes (organizer.accessCode.required = { "value": true, "locked": true }), so there is no static guest PIN`;
  }
  return { exposureMinutes, roomExposureMinutes, roomFailureLimit: roomFailures, roomWindowMinutes, maxGuessProbability: max, codes, ok: codes.every((c) => c.ok) };
}

/**
 * Why a code is longer than its setting says, in words (empty when it is not): the PIN and the
 * passcodes share the longer of their two lengths (./codeLengths).
 */
export function raisedLengthNote(code: Pick<CodeRisk, 'kind' | 'length' | 'settingLength'>): string {
  if (code.length === code.settingLength) return '';
  const other = code.kind === 'pin' ? 'passcode length' : 'minimum PIN length';
  return ` (set to ${code.settingLength}, raised to the ${other}: PINs and passcodes share one length)`;
}
