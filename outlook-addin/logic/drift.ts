/**
 * What the task pane says at its top: the one most important truth about this meeting (block up
 * to date, out of date, not inserted, not registered) and every difference between the item as
 * it is now (body, subject, times, attendees, recurrence) and what SecureJoin wrote into it and
 * registered with the meeting service, each in plain words with the ONE button that fixes it.
 * Pure: plain data in, plain data out (no Office, no DOM), so each case is tested directly.
 */
import { findInviteBlock } from '../../core/invite/upsert';
import { blockProblems, blockSubject } from './block';
import { meetingBody } from './meetingService';
import { inviteesOf } from './security';
import { sentInviteOf } from './sentInvite';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings } from './types';
import { BUTTON } from './wording';
import type { ButtonLabel } from './wording';

/** Kinds of differences, for tests and styling; the sentence says what is wrong. */
export type DriftKind =
  | 'block-deleted'
  | 'block-damaged'
  | 'access-code-deleted'
  | 'access-code-changed'
  | 'subject'
  | 'time'
  | 'attendees'
  | 'block'
  | 'sign-in'
  | 'aliases-refused'
  | 'not-registered'
  | 'not-withdrawn'
  | 'service-behind';

/** One difference between the item and what SecureJoin wrote or registered. */
export interface Drift {
  kind: DriftKind;
  text: string;
  /** The pane button that fixes it. */
  action: ButtonLabel;
}

/** The registration with the meeting service as the pane knows it. */
export interface RegistrationView {
  /** The provisioning status (controller's ProvisioningStatus.state). */
  state: 'not-configured' | 'idle' | 'pending' | 'ok' | 'failed' | 'sign-in' | 'aliases';
  /** The status's words (shown for failures). */
  text: string;
  /**
   * The write body this item last registered (meetingService.ts `meetingBody`), null when it
   * registered nothing, undefined when unknown (no service, or the codes' PINs are unknown).
   */
  registered: string | null | undefined;
}

/** What {@link paneTruth} compares. */
export interface DriftInput {
  meeting: MeetingSnapshot;
  /** The meeting's codes as SecureJoin holds them (null: none yet). */
  security: MeetingSecurity | null;
  settings: OrganizerSettings;
  /** True once SecureJoin saw or wrote its block in this item (and did not remove it since). */
  written: boolean;
  registration: RegistrationView;
  /** What the block of the invite last sent said (logic/status.ts sentInviteOf), null or absent: not sent (as far as known). */
  sentInvite?: string | null;
}

/** The pane's top line: its state, headline, the differences and the one button to press (null: nothing to do). */
export interface PaneTruth {
  state: 'current' | 'stale' | 'absent' | 'unregistered' | 'pending' | 'unsent';
  headline: string;
  drifts: Drift[];
  action: ButtonLabel | null;
}

/** The top line while a changed invite waits to be sent again. */
export const UNSENT_HEADLINE = 'The invite changed after it was sent: press Send in Outlook to send the update, so everyone who has the invite gets the new one.';

const update = (kind: DriftKind, text: string): Drift => ({ kind, text, action: BUTTON.update });
/** "a, b and c". */
const names = (list: string[]) => list.join(', ').replace(/, ([^,]*)$/, ' and $1');

/** The differences between the block in the body and what SecureJoin would write now. */
export function blockDrifts(meeting: MeetingSnapshot, security: MeetingSecurity | null, settings: OrganizerSettings, written: boolean): Drift[] {
  const found = findInviteBlock(meeting.bodyHtml, 'html');
  if (!found) return written ? [{ kind: 'block-deleted', text: 'The SecureJoin block was deleted from the invite: attendees would get no link and no code.', action: BUTTON.insert }] : [];
  if (!security) return [update('block-damaged', 'The SecureJoin block in the invite is damaged: its join link or access code is missing or unreadable.')];
  const out: Drift[] = [];
  const problems = blockProblems(meeting, security, settings);
  // The save link carries the window: with a stale time it differs because the meeting moved.
  const moved = problems.some((p) => p.kind === 'stale' || p.kind === 'series_stale');
  for (const p of problems) {
    if (p.kind === 'code_mismatch') {
      out.push(found.fields.accessCode ? update('access-code-changed', `The access code in the invite was changed: it reads ${found.fields.accessCode}, but this meeting's code is ${security.accessCode ?? security.guestPin}.`) : update('access-code-deleted', 'The access code line was deleted from the invite.'));
    } else if (p.kind === 'stale') out.push(update('time', `The meeting time changed, but the invite still says: "${found.fields.activationSentence ?? ''}"`));
    else if (p.kind === 'series_stale') out.push(update('time', p.message));
    else out.push(update(moved && p.kind === 'save_link_mismatch' ? 'time' : 'block', p.message));
  }
  // The send check writes the new subject into the block itself (logic/sendPlan.ts); until then
  // the pane says the block names another meeting.
  const want = blockSubject(meeting.subject);
  const got = found.fields.subject;
  if (got !== want) out.push(update('subject', want ? `The meeting's subject is now "${want}", but the block in the invite says "${got ?? ''}".` : 'The meeting has no subject now, but the block in the invite still names one.'));
  return out;
}

/** Emails of the invitees that have a passcode, in per-invitee mode (null in other modes). */
const rosterEmails = (security: MeetingSecurity) => (security.passcodeMode === 'per-invitee' ? (security.roster?.invitees ?? []).map((i) => i.email) : null);

/** Attendees added or removed since the passcodes were made (per-invitee mode). */
export function attendeeDrifts(meeting: MeetingSnapshot, security: MeetingSecurity | null): Drift[] {
  const had = security && rosterEmails(security);
  if (!had) return [];
  const now = inviteesOf(meeting.attendees).map((a) => a.email);
  const added = now.filter((e) => !had.includes(e));
  const removed = had.filter((e) => !now.includes(e));
  const out: Drift[] = [];
  if (added.length) out.push(update('attendees', `Added to the meeting but without a passcode yet: ${names(added)}.`));
  if (removed.length) out.push(update('attendees', `Removed from the meeting but their passcode still opens the room: ${names(removed)}.`));
  return out;
}

type Body = { subject?: unknown; room?: Record<string, unknown> };
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * What the meeting service holds for this meeting compared with the item now (time, repeat
 * pattern, invitees, subject, codes): one difference naming what is old, or none.
 */
export function serviceDrifts(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings, registered: string): Drift[] {
  let had: Body;
  let want: Body;
  try {
    had = JSON.parse(registered) as Body;
    want = JSON.parse(meetingBody(meeting, security, settings)) as Body;
  } catch {
    return [];
  }
  const a = had.room ?? {};
  const b = want.room ?? {};
  const codes = (r: Record<string, unknown>) => [r.alias, r.hostPin, r.guestPin, r.accessCode];
  const old = [
    [[a.meeting, a.leadMinutes, a.graceMinutes], [b.meeting, b.leadMinutes, b.graceMinutes], 'time'],
    [a.recurrence, b.recurrence, 'repeat pattern'],
    [a.invitees, b.invitees, 'invitees'],
    [had.subject, want.subject, 'subject'],
    [codes(a), codes(b), 'codes'],
  ].filter(([x, y]) => !same(x, y)).map((d) => d[2]);
  return old.length ? [update('service-behind', `The meeting service still holds the meeting's old ${names(old as string[])}.`)] : [];
}

/** The registration's differences: sign-in needed, a failure, nothing registered, or an old version registered. */
export function registrationDrifts(input: DriftInput): Drift[] {
  const { meeting, security, settings, registration: r } = input;
  const failed = r.state === 'failed' || r.state === 'sign-in' || r.state === 'aliases';
  // The organizer removed the block, but the service still has the meeting: its codes still open the room.
  if (settings.service && failed && !input.written && !findInviteBlock(meeting.bodyHtml, 'html')) return [{ kind: 'not-withdrawn', text: r.text, action: BUTTON.remove }];
  if (!settings.service || !security || security.hostPin === '' || !findInviteBlock(meeting.bodyHtml, 'html')) return [];
  if (r.state === 'sign-in') return [{ kind: 'sign-in', text: r.text, action: BUTTON.signIn }];
  // Pressing "Update block" would carry the same aliases back and be refused again: the fix is new ones.
  if (r.state === 'aliases') return [{ kind: 'aliases-refused', text: r.text, action: BUTTON.newLinks }];
  if (r.state === 'failed') return [update('not-registered', `The meeting is not registered with the meeting service: ${r.text}`)];
  if (r.state === 'pending' || r.registered === undefined) return [];
  if (r.registered === null) return [update('not-registered', 'The meeting is not registered with the meeting service, so its codes would not open the room.')];
  return serviceDrifts(meeting, security, settings, r.registered);
}

/**
 * The single most important truth for the top of the pane: the block deleted or never inserted,
 * else out of date (with every difference), else not (or not as it is now) registered, else
 * registering, else up to date. Never "up to date" while any difference or failure exists.
 */
export function paneTruth(input: DriftInput): PaneTruth {
  const inserted = findInviteBlock(input.meeting.bodyHtml, 'html') !== null;
  const block = [...blockDrifts(input.meeting, input.security, input.settings, input.written), ...(inserted ? attendeeDrifts(input.meeting, input.security) : [])];
  const service = registrationDrifts(input);
  const drifts = [...block, ...service];
  const action = drifts[0]?.action ?? null;
  if (!inserted && !drifts.length) return { state: 'absent', headline: 'No SecureJoin block in the invite yet.', drifts, action: BUTTON.insert };
  if (block.length) return { state: 'stale', headline: inserted ? 'The block in the invite is out of date:' : 'The SecureJoin block is missing:', drifts, action };
  if (service.length) return { state: 'unregistered', headline: 'The meeting service does not hold this meeting as the invite says:', drifts, action };
  if (inserted && input.settings.service && input.registration.state === 'pending') return { state: 'pending', headline: 'Registering the meeting with the meeting service…', drifts, action: null };
  // Sent before, and the block says something else now (new codes, another time): attendees hold the old invite until the update goes out.
  if (inserted && input.sentInvite && sentInviteOf(input.meeting.bodyHtml) !== input.sentInvite) return { state: 'unsent', headline: UNSENT_HEADLINE, drifts, action: null };
  return { state: 'current', headline: 'The block in the invite is up to date.', drifts, action: null };
}

/** True when the meeting's time, attendees or repeat pattern differ between two reads (what Outlook's change events report). */
export function itemMoved(before: MeetingSnapshot, after: MeetingSnapshot): boolean {
  return before.start !== after.start || before.end !== after.end || before.timeZone !== after.timeZone || !same(before.attendees, after.attendees) || !same(before.recurrence, after.recurrence);
}
