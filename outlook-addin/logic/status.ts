/**
 * One status at a time (issue 22): what the invite last sent said, whether the meeting went out,
 * and which confirmation may still be shown. A confirmation ("New codes generated") belongs to the
 * state it was said in: once the state changes (a new subject, a moved meeting, a Send) it is
 * history, and the pane drops it instead of showing it beside a newer truth.
 * Pure: plain data in, plain data out.
 */
import { findInviteBlock } from '../../core/invite/upsert';
import { bodyWasSent } from './meetingService';
import type { ItemPort } from './port';
import { reliedOn } from './sendPlan';
import type { PaneTruth } from './drift';
import type { MeetingSecurity, OrganizerChoices } from './types';

/**
 * sessionData key holding what the block of the invite last sent said (its relied-on fields,
 * {@link sentInviteOf}): the send check keeps it when it lets the invite go, so the pane can tell
 * that the invite changed since (new codes, a moved meeting) and an update must be sent.
 */
export const SENT_INVITE_SESSION_KEY = 'securejoin.sentInvite';

/** What a block says that attendees rely on (codes, links, time, dial-in; not its subject line), or null without a block. */
export function sentInviteOf(bodyHtml: string): string | null {
  const found = findInviteBlock(bodyHtml, 'html');
  return found ? reliedOn(found.fields) : null;
}

/** What the invite last sent said (see {@link SENT_INVITE_SESSION_KEY}), or null: not sent in this compose session, or unknown. */
export async function readSentInvite(port: ItemPort): Promise<string | null> {
  try {
    return (await port.getSessionData(SENT_INVITE_SESSION_KEY)) || null;
  } catch {
    return null;
  }
}

/** Keeps what the block of the invite being sent says; false when the host has no sessionData. */
export async function saveSentInvite(port: ItemPort, bodyHtml: string): Promise<boolean> {
  const sent = sentInviteOf(bodyHtml);
  return sent === null ? false : port.setSessionData(SENT_INVITE_SESSION_KEY, sent).catch(() => false);
}

/**
 * True when the invite already went out: the send check let it go in this session, or this item
 * registered the meeting as sent. New codes then break the invite attendees have until the update
 * reaches them, so the pane asks first.
 */
export function meetingWasSent(sentInvite: string | null | undefined, registered: string | null | undefined): boolean {
  return (typeof sentInvite === 'string' && sentInvite !== '') || bodyWasSent(registered ?? null);
}

/** True when the organizer's choices differ from what the codes were made for (a mode or the access code switched). */
export function choicesDiffer(security: MeetingSecurity | null, choices: OrganizerChoices): boolean {
  return security !== null && (security.passcodeMode !== choices.passcodeMode || (security.accessCode !== null) !== choices.accessCode);
}

/** The state a confirmation was said in: the truth at the top and whether (and what) was sent. */
export function statusKey(truth: PaneTruth | null, sentInvite: string | null | undefined): string {
  return JSON.stringify([truth?.state ?? null, truth?.headline ?? null, truth?.drifts.map((d) => d.text) ?? [], sentInvite ?? null]);
}

/** A pane message tied to the state it was said in. */
export interface KeyedMessage {
  kind: 'info' | 'error';
  text: string;
  key: string;
}

/** The message still to show in the state with `key`: null once the state it was said in has changed. */
export function currentMessage<M extends KeyedMessage>(message: M | null, key: string): M | null {
  return message && message.key === key ? message : null;
}
