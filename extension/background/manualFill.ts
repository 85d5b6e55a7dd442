/**
 * The user's own fallback, as password managers have it: "Fill SecureJoin PIN" in the context
 * menu of an editable field and as a keyboard command. The user picks the field (the focused
 * one), so a join page whose markup the detector does not know still gets its PIN; everything
 * else is the automatic path's: the page's exact origin and alias must match a saved meeting, the
 * top frame or a non-sandboxed frame of the page's own origin only, the same guard checks, and
 * the attempt is counted by the guard like any other (it watches the token request the user's
 * Join sends). A manual fill never presses Join.
 *
 * Flow (browser side in fillCommand.ts): the menu click or command (browser events, which a page cannot cause) arms the tab for a
 * few seconds and asks the tab's scripts to fill the focused field; the script of the frame
 * holding the focus answers with `fill:manual`, honoured only for an armed tab (and, from the
 * context menu, only from the frame clicked in), once.
 */
import type { PageReport } from '../messaging/messages';
import type { ContentSender } from '../messaging/sender';
import { originOf } from '../messaging/sender';
import type { BackgroundContext } from './context';
import { answerFillAsk } from './fill';
import type { FillAnswer } from './fill';

/** How long after the user's request the tab's answer is honoured. */
const ARMED_MS = 5_000;

/** Tabs whose user just asked for a fill: tab id -> until when. */
const armed = new Map<number, { until: number; frameId: number | null }>();

/** Notes that the user of `tabId` asked for a fill at `now`, in frame `frameId` (context menu) or the focused one (null: command). */
export function armManualFill(tabId: number, now: number, frameId: number | null = null): void {
  armed.set(tabId, { until: now + ARMED_MS, frameId });
}


/** Why a manual fill did not happen, in the user's words. */
const REFUSED: Record<string, string> = {
  'mode-off': 'Filling is switched off in SecureJoin\u2019s options.',
  'not-top-frame': 'SecureJoin fills only in the page itself or a frame of its own site.',
  sandboxed: 'SecureJoin fills only in the page itself or a frame of its own site.',
  'pin-failed-before': 'The saved PIN failed in this room before: SecureJoin does not try it again.',
  'no-pin-needed': 'This room needs no PIN.',
  'guest-pin-required': 'This room needs a guest PIN, and the saved meeting has none.',
  expired: 'The saved code for this meeting is no longer valid.',
  'field-has-value': 'Clear the field first: SecureJoin never overwrites what is in it.',
  'tab-changed': 'The page changed meanwhile: ask again.',
  'last-attempt': 'SecureJoin does not fill here now: too few attempts are left.',
  'few-attempts-left': 'SecureJoin does not fill here now: too few attempts are left.',
  'room-blocked': 'SecureJoin does not fill here now: the room may be blocked after too many wrong PINs.',
  'possible-lockout': 'SecureJoin does not fill here now: the room may be blocked after too many wrong PINs.',
};
const NO_MEETING = 'SecureJoin has no saved meeting for this page.';

/**
 * Answers `fill:manual`: the automatic path's answer (`answerFillAsk`, with every check it makes),
 * only for a tab the user just armed, never joining, and with a notice saying why when it refuses.
 */
export async function answerManualFill(report: PageReport, sender: ContentSender, ctx: BackgroundContext): Promise<FillAnswer> {
  const request = armed.get(sender.tabId);
  armed.delete(sender.tabId);
  if (request === undefined || ctx.now() > request.until || (request.frameId !== null && request.frameId !== sender.frameId)) {
    return { ok: true, action: 'none', reason: 'not-allowed', notice: null };
  }
  let asked = { report, sender };
  if (sender.frameId !== 0) {
    // A frame: only one of the page's own origin (the browser's word for it, `sender.origin`)
    // and not sandboxed. The page itself can reach into such a frame anyway, so for a fill the
    // user asked for it stands for the page: the page's address is matched, every other check is
    // the automatic path's. Another origin's frame, or a sandboxed one, never gets the PIN.
    const page = await ctx.tabUrl(sender.tabId);
    if (page === null || originOf(page) !== sender.origin || report.frame.sandboxed) {
      return { ok: true, action: 'none', reason: 'not-top-frame', notice: REFUSED['not-top-frame']! };
    }
    asked = { report: { ...report, pageUrl: page, frame: { ...report.frame, isTop: true } }, sender: { ...sender, frameId: 0, url: page } };
  }
  // The user asked for this fill: that is their yes for a code whose start time is unknown.
  const answer = await answerFillAsk(asked.report, asked.sender, ctx, true);
  if (answer.action === 'fill') return { ...answer, join: false };
  if (answer.action === 'wait' || answer.action === 'ask') return answer;
  return { ...answer, notice: REFUSED[answer.reason] ?? answer.notice ?? NO_MEETING };
}
