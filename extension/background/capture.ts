/**
 * Saving a PIN from a capture link (`https://node/webapp3/m/alias#sj=...`). The content script
 * on the node's page hands over the address; core parses it; the record is bound to the link's
 * own origin, which must be the origin of the page that sent it (a page cannot save a PIN for
 * another node). A guest link for a room with nothing saved, opened by the user from outside the
 * browser (a mail client: provenance.ts), is saved at once. Everything else becomes a pending
 * change the user confirms or discards in the popup, which shows the room and role: a link that
 * would replace or add to what is saved for the room (core `decideCapture`), a link a web page
 * caused (script navigation, redirect, a link on another site), and every host-role link. So a
 * page can neither change a PIN the user relies on nor plant one. A PIN saved from a link is
 * "fresh": its first fill waits for the user's Join (fill.ts).
 */
import { guardKeyOf } from '../../core/guard';
import { parseCaptureLink } from '../../core/links';
import { admitMeeting, decideCapture, fromCaptureRecord } from '../../core/vault';
import type { Issue } from '../../core/types';
import type { ContentSender } from '../messaging/sender';
import { originOf } from '../messaging/sender';
import { meetingsOnOrigin, saveMeeting } from '../storage/meetings';
import type { BackgroundContext } from './context';
import { openedFromOutside } from './provenance';
import { keepRulesOf } from './settings';

/**
 * Why a capture waits for the user: it would change what is saved for the room (`replaces`), a
 * web page caused it (`page`), or it is a host PIN (`host`, always asked).
 */
export type PendingReason = 'replaces' | 'page' | 'host';

/**
 * The answer to `capture:save`. Never contains the PIN.
 * `added`: saved (nothing was saved for the room); `unchanged`: already saved as is;
 * `pending`: waits for the user's confirmation in the popup, for `why`.
 */
export type CaptureAnswer =
  | { ok: true; outcome: 'added' | 'unchanged'; alias: string; role: 'host' | 'guest' }
  | { ok: true; outcome: 'pending'; why: PendingReason; alias: string; role: 'host' | 'guest' }
  | { ok: false; error: string; errors?: Issue[] };

/** Validates and saves (or holds for confirmation) the capture link `url` sent by `sender`. */
export async function answerCaptureSave(url: string, sender: ContentSender, ctx: BackgroundContext): Promise<CaptureAnswer> {
  if (originOf(url) !== sender.origin) return { ok: false, error: 'the capture link is not for the page that sent it' };
  const settings = await ctx.settings();
  const parsed = parseCaptureLink(url);
  if (!parsed.ok) return { ok: false, error: 'not a valid capture link', errors: parsed.errors };
  const now = ctx.now();
  const record = fromCaptureRecord(parsed.value, now, ctx.newId());
  if (!record.ok) return { ok: false, error: 'the capture link could not be saved', errors: record.errors };
  const admission = admitMeeting(record.value, keepRulesOf(settings), now);
  if (admission.verdict !== 'keep') return { ok: false, error: admission.errors[0]?.message ?? 'not allowed', errors: admission.errors };
  const { alias, role } = record.value;
  const roomKey = guardKeyOf(record.value);
  // Read before the transaction (no await on other APIs inside a Dexie transaction).
  const fromOutside = openedFromOutside(ctx.navigation(sender.tabId), url);
  // One transaction: two captures of the same room cannot both be saved as "new".
  const outcome = await ctx.db.transaction('rw', ctx.db.meetings, ctx.db.changes, async (): Promise<'added' | 'unchanged' | PendingReason> => {
    const decision = decideCapture(await meetingsOnOrigin(ctx.db, record.value.origin), record.value);
    if (decision.kind === 'same') return 'unchanged';
    const why: PendingReason | null = decision.kind !== 'new' ? 'replaces' : role === 'host' ? 'host' : fromOutside ? null : 'page';
    if (why === null) {
      await saveMeeting(ctx.db, record.value);
      return 'added';
    }
    // One pending change per room: a newer link replaces an earlier unconfirmed one.
    await ctx.db.changes.where('roomKey').equals(roomKey).delete();
    await ctx.db.changes.put({ id: ctx.newId(), roomKey, record: record.value, at: now });
    return why;
  });
  if (outcome === 'added') await ctx.freshPins.add(record.value.id);
  ctx.changed();
  return outcome === 'added' || outcome === 'unchanged' ? { ok: true, outcome, alias, role } : { ok: true, outcome: 'pending', why: outcome, alias, role };
}
