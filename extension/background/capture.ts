/**
 * Saving a PIN from a capture link (`https://node/webapp3/m/alias#sj=...`). The content script
 * on the node's page hands over the address; core parses it; the record is bound to the link's
 * own origin, which must be the origin of the page that sent it (a page cannot save a PIN for
 * another node).
 */
import { parseCaptureLink } from '../../core/links';
import { fromCaptureRecord } from '../../core/vault';
import type { MergeOutcome } from '../../core/vault';
import type { Issue } from '../../core/types';
import type { ContentSender } from '../messaging/sender';
import { originOf } from '../messaging/sender';
import { saveMeeting } from '../storage/meetings';
import type { BackgroundContext } from './context';
import { originAllowed } from './fill';

/** The answer to `capture:save`. Never contains the PIN. */
export type CaptureAnswer =
  | { ok: true; outcome: MergeOutcome; alias: string; role: 'host' | 'guest'; conflict: boolean }
  | { ok: false; error: string; errors?: Issue[] };

/** Validates and saves the capture link `url` sent by `sender`. */
export async function answerCaptureSave(url: string, sender: ContentSender, ctx: BackgroundContext): Promise<CaptureAnswer> {
  if (originOf(url) !== sender.origin) return { ok: false, error: 'the capture link is not for the page that sent it' };
  const settings = await ctx.settings();
  if (settings.retentionDays === 0) return { ok: false, error: 'your administrator does not allow saving PINs (retention 0 days)' };
  if (!originAllowed(settings, sender.origin)) return { ok: false, error: 'this conference node is not one your administrator allows' };
  const parsed = parseCaptureLink(url);
  if (!parsed.ok) return { ok: false, error: 'not a valid capture link', errors: parsed.errors };
  const record = fromCaptureRecord(parsed.value, ctx.now(), ctx.newId());
  if (!record.ok) return { ok: false, error: 'the capture link could not be saved', errors: record.errors };
  const saved = await saveMeeting(ctx.db, record.value);
  ctx.changed();
  return { ok: true, outcome: saved.outcome, alias: saved.meeting.alias, role: saved.meeting.role, conflict: saved.conflict !== null };
}
