/**
 * What the send check (Smart Alerts) does with the invite: let it go, refuse it, or first bring
 * the block's "Meeting:" line up to date with the item's subject and then let it go.
 *
 * Why the subject is rewritten rather than refused: a block put in when a new meeting opens
 * (OnNewAppointmentOrganizer) has no subject yet, so nearly every normally typed meeting reaches
 * Send with a subject the block does not name. The subject line opens nothing and protects
 * nothing, so SecureJoin may write it itself; every other difference (codes, links, time,
 * dial-in, damage) keeps its refusal, because attendees rely on those and only the organizer may
 * decide to change them. Pure: no Office; the handler writes the body and asks again.
 */
import { findInviteBlock } from '../../core/invite/upsert';
import type { InviteBlockFields } from '../../core/invite/fields';
import type { Policy } from '../../core/policy';
import { applySecurity, blockProblems, blockSubject, checkBeforeSend, smartAlertText } from './block';
import { rebuildSecurityFromBody } from './security';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON, press, sentences } from './wording';

/** What the send check does. */
export type SendPlan =
  | { action: 'allow' }
  | { action: 'refuse'; message: string }
  /** Write `bodyHtml` (the block re-rendered: only its subject line differs), read the item again and plan once more. */
  | { action: 'rewrite-subject'; bodyHtml: string };

/**
 * The Smart Alerts text when the "Meeting:" line could not be brought up to date (the write
 * failed, did not stick, or would have changed more than the subject), naming the button that
 * does it by hand.
 */
export function subjectNotUpdatedText(): string {
  return smartAlertText(
    `SecureJoin: ${sentences('The meeting\'s subject changed after the SecureJoin block was put in, and SecureJoin could not write the new subject into the block')}`,
    ` Open SecureJoin and ${press(BUTTON.update)}, then send again.`,
  );
}

/** The fields attendees rely on: everything the block says except its subject line (and the alias note, wording only). */
export function reliedOn(fields: InviteBlockFields): string {
  const { subject: _subject, accessCodeIsAlias: _note, ...rest } = fields;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/**
 * The send plan for `meeting`: {@link checkBeforeSend}'s refusal when it refuses (nothing is
 * rewritten then, also when the subject changed too); else, when the block's "Meeting:" line
 * does not name the item's subject, the body with the block re-rendered through the upsert path,
 * but only when the re-rendered block says exactly what the old one said apart from its subject
 * line (otherwise a refusal naming "Update block"); else allow. Never throws.
 */
export function planSend(meeting: MeetingSnapshot, security: MeetingSecurity | null, policy: Policy, settings: OrganizerSettings): SendPlan {
  const decision = checkBeforeSend(meeting, security, policy, settings);
  if (!decision.allow) return { action: 'refuse', message: decision.message };
  try {
    const found = findInviteBlock(meeting.bodyHtml, 'html');
    const want = blockSubject(meeting.subject);
    if (!found || found.fields.subject === want) return { action: 'allow' };
    // The check passed, so the security it compared against renders the block's codes, links and time.
    const expected = security ?? rebuildSecurityFromBody(meeting.bodyHtml);
    if (!expected) return { action: 'refuse', message: subjectNotUpdatedText() };
    const bodyHtml = applySecurity(meeting, expected, settings).bodyHtml;
    const after = findInviteBlock(bodyHtml, 'html');
    const onlySubject = after !== null && after.count === 1 && after.fields.subject === want && reliedOn(after.fields) === reliedOn(found.fields);
    if (!onlySubject || blockProblems({ ...meeting, bodyHtml }, expected, settings).length > 0) return { action: 'refuse', message: subjectNotUpdatedText() };
    return { action: 'rewrite-subject', bodyHtml };
  } catch {
    return { action: 'refuse', message: subjectNotUpdatedText() };
  }
}
