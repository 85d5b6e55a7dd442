/**
 * What the invite last sent said, and whether the meeting went out (issue 22): the send check keeps
 * it, the pane's truth (./drift.ts) and its status (./status.ts) read it. A module of its own so
 * neither of those imports the other.
 */
import { findInviteBlock } from '../../core/invite/upsert';
import { bodyWasSent } from './meetingService';
import type { ItemPort } from './port';
import { reliedOn } from './sendPlan';

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
