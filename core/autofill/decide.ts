/**
 * The fill decision: given a saved meeting, the page and frame, the PIN field, the mode, the
 * activation window and the attempt guard's view, whether to fill (and join), wait, or do
 * nothing, and why. Checks run most important first, so the reason given is the strongest one:
 * where the PIN would go (mode, origin, frame) before what the guard knows (blocked room,
 * failed PIN, attempts left) before time (expired, not yet open) before the field itself.
 */
import { shouldAttempt } from '../attempts/shouldAttempt';
import { splitWebUrl } from '../links/url';
import type { AttemptStatus } from '../attempts/ledger';
import type { AutofillMode } from '../policy/schema';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../time/activation';
import type { ActivationWindow } from '../time/activation';
import { admitMeeting } from '../vault/admit';
import type { KeepRules } from '../vault/admit';
import type { EpochMs } from '../types';
import { guardKeyOf, pinFingerprint } from '../guard/key';
import { parseSavedMeeting } from '../vault/schema';
import type { SavedMeeting } from '../vault/schema';
import { meetingSeries, meetingWindow } from '../vault/window';
import { isJoinPageOf, joinPageOf } from './match';
import { choosePin } from './pin';
import { codeTiming } from './timing';
import type { PinPrompt } from './pin';

/** Everything {@link decideFill} looks at. Plain data, so the background can decide for a content script. */
export interface FillInput {
  meeting: SavedMeeting;
  /** The top-level page's address as the browser reports it (tab URL), re-read just before filling. */
  pageUrl: string;
  frame: {
    isTop: boolean;
    /** The frame is sandboxed (an opaque origin or a `sandbox` attribute). */
    sandboxed: boolean;
    /** The frame's own origin (`location.origin`; `"null"` when opaque). */
    frameOrigin: string;
  };
  field: {
    /** A PIN input is on the page. */
    present: boolean;
    /** It already holds something (typed by the user or the page): never overwrite. */
    hasValue: boolean;
  };
  /** What the PIN prompt says about the room, when known. */
  prompt?: PinPrompt;
  mode: AutofillMode;
  now: EpochMs;
  /**
   * The record's activation window (`meetingWindow(meeting)`), or null when it has no times.
   * For a series (`meeting.recurrence`) it is ignored: the decision takes the window of the
   * occurrence open at `now`, else the next one (`meetingWindow(meeting, now)`), so a code for a
   * weekly meeting is not treated as expired after its first occurrence.
   */
  window: ActivationWindow | null;
  /** The guard's ledger status for the room (`guardStatus(...).attempts`); null when it knows of no attempt. */
  attempts: AttemptStatus | null;
  /** PINs seen failing in the room: fingerprints from `guardStatus(...).failedPins` (raw PINs also work). */
  failedPins: readonly string[];
  /** The guard suspects the room is blocked (`guardStatus(...).possibleLockout`). */
  possibleLockout?: boolean;
  /** Extra web app paths of the node (policy `nodes[].webAppPath`). */
  webAppPaths?: readonly string[];
  /**
   * The rules a record must meet to be kept at all (core/vault `admitMeeting`): the policy's
   * nodes, retention (0 = never keep PINs), a broken policy. A record that should not be there
   * (saved before the rule, not yet deleted) is never filled. Absent: not checked.
   */
  keep?: KeepRules;
  /**
   * The user pressed Fill when asked about a code whose start time SecureJoin does not know
   * (core/autofill/timing `codeTiming` is `unknown`). Only the extension's own UI sets it.
   */
  confirmedUnknownTime?: boolean;
}

/** Why nothing is filled. */
export type NoFillReason =
  | 'mode-off'
  | 'invalid-meeting'
  | 'wrong-origin'
  | 'wrong-page'
  | 'not-top-frame'
  | 'sandboxed'
  | 'room-blocked'
  | 'possible-lockout'
  | 'no-pin-needed'
  | 'guest-pin-required'
  | 'pin-failed-before'
  | 'last-attempt'
  | 'few-attempts-left'
  | 'expired'
  | 'not-kept'
  | 'no-field'
  | 'field-has-value';

/**
 * What to do:
 * - `fill`: put `pin` in the field (`none` means: the guest joins without a PIN; send `none`);
 *   press join only when `join` is true (fill-and-join mode and an automatic attempt is safe);
 * - `wait`: the code is not active yet; decide again at `until` (in fill-and-join mode, joining then);
 * - `ask`: every check passed, but SecureJoin does not know when the code starts working: ask
 *   the user before filling (their Fill decides again with `confirmedUnknownTime`, then fills
 *   without joining: they agreed to a fill);
 * - `none`: do nothing, for `reason`.
 */
export type FillDecision =
  | { action: 'fill'; pin: string; join: boolean }
  | { action: 'wait'; until: EpochMs; reason: 'not-yet-active'; join: boolean }
  | { action: 'ask'; reason: 'activation-unknown' }
  | { action: 'none'; reason: NoFillReason };

const none = (reason: NoFillReason): FillDecision => ({ action: 'none', reason });

/**
 * Decides whether to fill the PIN of `input.meeting` into the page. Never fills:
 * in mode `off`; on another origin (page or frame) or a page that is not this meeting's join
 * page; in a frame that is not the top frame or is sandboxed; in a room blocked or suspected
 * blocked; a PIN that failed before; when only one attempt (or none) is left (`shouldAttempt`),
 * or when the guard's level is `warn` (policy: stop autofilling at `warnAtRemaining`); after the
 * window closed, or before it has been open ACTIVATION_SAFETY_MARGIN_MS (then it waits); a code
 * whose start time is unknown without the user's yes (then it asks); a
 * record the keep rules (`input.keep`) refuse; without a field or into a field with a value. Fill mode fills only; joining is
 * the user's. Never throws: malformed input gives `none`.
 */
export function decideFill(input: FillInput): FillDecision {
  try {
    return decide(input);
  } catch {
    return none('invalid-meeting');
  }
}

function decide(input: FillInput): FillDecision {
  const { meeting, frame, field, mode, now, attempts } = input;
  if (mode !== 'fill' && mode !== 'fill-and-join') return none('mode-off');
  if (!parseSavedMeeting(meeting).ok) return none('invalid-meeting');
  const page = joinPageOf(input.pageUrl);
  if (page === null) return none(originOf(input.pageUrl) === meeting.origin ? 'wrong-page' : 'wrong-origin');
  if (page.origin !== meeting.origin || frame.frameOrigin !== meeting.origin) return none('wrong-origin');
  if (!isJoinPageOf(page, meeting, { webAppPaths: input.webAppPaths ?? [] })) return none('wrong-page');
  if (frame.isTop !== true) return none('not-top-frame');
  if (frame.sandboxed !== false) return none('sandboxed');
  if (input.keep !== undefined) {
    const admission = admitMeeting(meeting, input.keep, now);
    if (admission.verdict === 'expired') return none('expired');
    if (admission.verdict !== 'keep') return none(admission.errors[0]?.path.endsWith('origin') ? 'wrong-origin' : 'not-kept');
  }

  if (attempts?.roomBlocked === true) return none('room-blocked');
  if (input.possibleLockout === true) return none('possible-lockout');
  const choice = choosePin(meeting, input.prompt);
  if (!choice.ok) return none(choice.reason);
  const fingerprint = pinFingerprint(guardKeyOf(meeting), choice.pin);
  if (input.failedPins.includes(fingerprint) || input.failedPins.includes(choice.pin)) return none('pin-failed-before');
  if (attempts !== null) {
    if (!shouldAttempt(attempts)) return none('last-attempt');
    if (attempts.level !== 'ok') return none('few-attempts-left');
  }

  const window = windowAt(input);
  if (window === 'over') return none('expired');
  if (window !== null) {
    if (!(Number.isFinite(window.opensAt) && Number.isFinite(window.closesAt) && Number.isFinite(now))) return none('invalid-meeting');
    if (now >= window.closesAt) return none('expired');
    // Not at the opening itself: a node whose clock is behind ours would still refuse the code.
    const safeFrom = window.opensAt + ACTIVATION_SAFETY_MARGIN_MS;
    if (now < safeFrom) return { action: 'wait', until: safeFrom, reason: 'not-yet-active', join: mode === 'fill-and-join' };
  }
  if (field.present !== true) return none('no-field');
  if (field.hasValue !== false) return none('field-has-value');
  if (window === null && codeTiming(meeting, now).kind === 'unknown') {
    if (input.confirmedUnknownTime !== true) return { action: 'ask', reason: 'activation-unknown' };
    return { action: 'fill', pin: choice.pin, join: false };
  }
  return { action: 'fill', pin: choice.pin, join: mode === 'fill-and-join' };
}

/** The window that applies at `input.now`: the caller's, or for a series the current/next occurrence's ('over' when none is left). */
function windowAt(input: FillInput): ActivationWindow | null | 'over' {
  if (meetingSeries(input.meeting) === null) return input.window;
  if (!Number.isFinite(input.now)) return { opensAt: Number.NaN, closesAt: Number.NaN }; // fails closed below
  return meetingWindow(input.meeting, input.now) ?? 'over';
}

/** The origin of a URL, or null. */
function originOf(url: string): string | null {
  const split = splitWebUrl(url);
  return split.ok ? split.value.origin : null;
}
