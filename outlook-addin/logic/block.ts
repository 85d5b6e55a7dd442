/**
 * The SecureJoin block in the invite body: what it should say for a meeting, putting it in
 * (once, idempotently), taking it out, and the check at send time.
 */
// Straight from the modules, not core/invite's index: its paste parser (six languages) is not the add-in's.
import { checkInviteBlock } from '../../core/invite/check';
import type { InviteBlockProblem } from '../../core/invite/check';
import { singleLine } from '../../core/invite/escape';
import { readBlockFields } from '../../core/invite/fields';
import { LABELS, renderInviteBlock } from '../../core/invite/render';
import type { InviteBlockInput } from '../../core/invite/render';
import { findInviteBlock, removeInviteBlock, upsertInviteBlock } from '../../core/invite/upsert';
import { buildJoinLink, JOIN_PIN_PATTERN } from '../../core/links/join';
import type { Policy } from '../../core/policy';
import { DEFAULT_LOCALE, isValidTimeZone } from '../../core/time';
import { checkBlockNode } from './blockNode';
import { rebuildSecurityFromBody, syncAttendees } from './security';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings, SendDecision } from './types';
import { BUTTON, press, sentences } from './wording';
import type { ButtonLabel } from './wording';

/** Smart Alerts cut messages longer than this (characters). */
export const MAX_SEND_MESSAGE = 500;

/** The meeting's room link on its node (web app 3 style), without any personal data. */
export function roomJoinUrl(security: Pick<MeetingSecurity, 'nodeOrigin' | 'webAppPath' | 'alias'>): string {
  return buildJoinLink({ origin: security.nodeOrigin, path: security.webAppPath, alias: security.alias, style: 'webapp3' });
}

/** The zone the block states times in: the meeting's, "UTC" when Outlook gave none Intl knows. */
export const blockTimeZone = (meeting: Pick<MeetingSnapshot, 'timeZone'>): string => (isValidTimeZone(meeting.timeZone) ? meeting.timeZone : 'UTC');

/**
 * A subject as the block's "Meeting:" line reads back (one line, whitespace tidied), undefined
 * when the block shows none (an empty subject has no line), so it compares with the parsed block.
 */
export const blockSubject = (subject: string): string | undefined => readBlockFields([`${LABELS.subject}: ${singleLine(subject)}`]).subject || undefined;

/** A locale Intl accepts: the meeting's, else "en-GB". */
export function usableLocale(locale: string): string {
  try {
    return typeof locale === 'string' && Intl.getCanonicalLocales(locale).length === 1 ? locale : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * What core's renderInviteBlock gets for this meeting: the meeting link (its web alias), the
 * access code (its numeric alias; the guest PIN when the access code is off), the passcode line,
 * the activation sentence from the meeting's start with its date (for a series: its first
 * occurrence, plus "before each occurrence"), in the organizer's zone ("UTC" when Outlook gave
 * none Intl knows), dial-in steps when the node has a dial-in number and the meeting a numeric
 * alias, and a "Save in SecureJoin" capture link for the PIN every reader of the body types on
 * the meeting link: the shared passcode (or the guest PIN in place of the access code). None
 * without a passcode (guests enter with no PIN and wait in the lobby) and none in per-invitee
 * mode (there the meeting link admits hosts only; each invitee's message carries their own).
 * Throws RangeError on unusable security data.
 */
export function blockInput(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): InviteBlockInput {
  const code = security.accessCode ?? security.guestPin;
  if (!code) throw new RangeError(`The meeting has neither an access code nor a guest PIN: ${press(BUTTON.regenerate)}.`);
  const input: InviteBlockInput = {
    joinUrl: roomJoinUrl(security),
    accessCode: code,
    // The access code is the meeting's numeric alias; a guest PIN in its place is a PIN.
    ...(security.accessCode ? { accessCodeIsAlias: true } : {}),
    meeting: { start: meeting.start, end: meeting.end },
    timeZone: blockTimeZone(meeting),
    locale: usableLocale(meeting.locale),
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
    recurring: meeting.recurrence !== null,
    // The save link then keeps the code for every occurrence, not only the first.
    ...(meeting.recurrence ? { recurrence: { timeZone: meeting.recurrence.timeZone, rule: meeting.recurrence.rule } } : {}),
    // The date too, so moving the meeting to another day at the same time makes the block stale.
    withDate: true,
    subject: meeting.subject,
  };
  if (security.passcodeMode === 'shared' && security.sharedPasscode) input.passcode = { mode: 'shared', value: security.sharedPasscode };
  if (security.passcodeMode === 'per-invitee') input.passcode = { mode: 'per-invitee' };
  const [number, ...more] = settings.node?.dialIn ?? [];
  if (number && security.accessCode) input.dialIn = { number, conferenceId: security.accessCode, ...(more.length ? { more } : {}) };
  const savePin = security.passcodeMode === 'shared' ? security.sharedPasscode : security.passcodeMode === 'none' && !security.accessCode ? security.guestPin : null;
  if (savePin && JOIN_PIN_PATTERN.test(savePin)) Object.assign(input, { saveLink: true, savePin });
  return input;
}

/** The dial-in number personal messages give: the meeting's node's first (the invite lists them all), or null when it has none. */
export function dialInNumber(settings: Pick<OrganizerSettings, 'node'>): string | null {
  return settings.node?.dialIn?.[0] ?? null;
}

/**
 * The body with the meeting's block inserted, or the existing one replaced (never duplicated;
 * the rest of the body, Teams or other blocks included, untouched), and the security with its
 * roster matched to the current attendees. Idempotent: applying twice gives the same body.
 * Throws RangeError when the block cannot be rendered (e.g. end before start).
 */
export function applySecurity(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): { bodyHtml: string; security: MeetingSecurity } {
  const synced = syncAttendees(meeting, security, settings);
  const block = renderInviteBlock(blockInput(meeting, synced, settings));
  return { bodyHtml: upsertInviteBlock(meeting.bodyHtml, block, 'html'), security: synced };
}

/** `bodyHtml` without any SecureJoin block; unchanged when there is none. */
export function removeSecurity(bodyHtml: string): string {
  return removeInviteBlock(bodyHtml, 'html');
}

/** The problems of the block in `meeting`'s body against what `security` renders now. */
export function blockProblems(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): InviteBlockProblem[] {
  return checkInviteBlock(meeting.bodyHtml, blockInput(meeting, security, settings), 'html');
}

/**
 * A Smart Alerts message of at most {@link MAX_SEND_MESSAGE} characters: `text` (cut with "…"
 * when too long) followed by `tail`, which always survives (it says what to do).
 */
export function smartAlertText(text: string, tail: string): string {
  return (text.length + tail.length > MAX_SEND_MESSAGE ? `${text.slice(0, MAX_SEND_MESSAGE - tail.length - 1)}…` : text) + tail;
}

/**
 * Joins problem sentences into one Smart Alerts message of at most 500 characters, ending with
 * the task pane button that fixes it ("Insert block" without a block, else "Update block").
 */
function denyMessage(problems: string[], button: ButtonLabel = BUTTON.update): SendDecision {
  return { allow: false, message: smartAlertText(`SecureJoin: ${sentences(...problems)}`, ` Open SecureJoin and ${press(button)}, then send again.`) };
}

/**
 * The send-time check (Smart Alerts). Refuses when a code is required (policy or the organizer's
 * choice) and the body has no block, and whenever a block is there but wrong: duplicated,
 * damaged, codes edited (weak or different from this meeting's), or stale (the meeting moved).
 * Without `security` (sessionData lost) the block's join link must lead to one of the policy's
 * nodes (exact origin and web app path, {@link checkBlockNode}), else the send is refused; the
 * block is then checked against itself: damage, weak codes and a stale time are still found. Fails closed: an unexpected error refuses with its reason.
 */
export function checkBeforeSend(meeting: MeetingSnapshot, security: MeetingSecurity | null, policy: Policy, settings: OrganizerSettings): SendDecision {
  try {
    const required = settings.choices.accessCode || (policy.organizer.accessCode.required.locked && policy.organizer.accessCode.required.value);
    const found = findInviteBlock(meeting.bodyHtml, 'html');
    if (!found) {
      return required ? denyMessage(['Your administrator requires an access code, and this invite has no SecureJoin block.'], BUTTON.insert) : { allow: true };
    }
    if (!security) {
      // The body cannot vouch for itself: its link must lead to one of the policy's nodes.
      const node = checkBlockNode(meeting.bodyHtml, policy);
      if (!node.ok) return denyMessage([node.reason, 'SecureJoin no longer holds this meeting\'s own codes (the invite was reopened), so it cannot confirm the block.']);
    }
    const expected = security ?? rebuildSecurityFromBody(meeting.bodyHtml);
    if (!expected) return denyMessage(['The SecureJoin block in this invite is damaged (its join link or access code is missing or unreadable).']);
    const problems = blockProblems(meeting, expected, settings);
    return problems.length === 0 ? { allow: true } : denyMessage(problems.map((p) => p.message));
  } catch (error) {
    return denyMessage(['The SecureJoin block could not be checked', error instanceof Error ? error.message : String(error)]);
  }
}
