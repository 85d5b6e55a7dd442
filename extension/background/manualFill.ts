/**
 * The user's own fallback, as password managers have it: "Fill SecureJoin PIN" in the context
 * menu of an editable field and as a keyboard command. The user picks the field (the focused
 * one), so a join page whose markup the detector does not know still gets its PIN; everything
 * else is the automatic path's: the page's exact origin and alias must match a saved meeting, the
 * top frame only (the join-page script runs in top frames only, and the background refuses any
 * other frame), the same guard checks, and the attempt is counted by the guard like any other
 * (it watches the token request the user's Join sends). A manual fill never presses Join.
 *
 * Flow (browser side in fillCommand.ts): the menu click or command (browser events, which a page cannot cause) arms the tab for a
 * few seconds and asks the tab's top-frame script to fill its focused field; that script answers
 * with `fill:manual`, honoured only for an armed tab, once.
 */
import type { PageReport } from '../messaging/messages';
import type { ContentSender } from '../messaging/sender';
import type { BackgroundContext } from './context';
import { answerFillAsk } from './fill';
import type { FillAnswer } from './fill';

/** How long after the user's request the tab's answer is honoured. */
const ARMED_MS = 5_000;

/** Tabs whose user just asked for a fill: tab id -> until when. */
const armed = new Map<number, number>();

/** Notes that the user of `tabId` asked for a fill at `now`. */
export function armManualFill(tabId: number, now: number): void {
  armed.set(tabId, now + ARMED_MS);
}


/** Why a manual fill did not happen, in the user's words. */
const REFUSED: Record<string, string> = {
  'mode-off': 'Filling is switched off in SecureJoin\u2019s options.',
  'not-top-frame': 'SecureJoin fills only in the page itself, not in an embedded frame.',
  sandboxed: 'SecureJoin fills only in the page itself, not in an embedded frame.',
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
  const until = armed.get(sender.tabId);
  armed.delete(sender.tabId);
  if (until === undefined || ctx.now() > until) return { ok: true, action: 'none', reason: 'not-allowed', notice: null };
  const answer = await answerFillAsk(report, sender, ctx);
  if (answer.action === 'fill') return { ...answer, join: false };
  if (answer.action === 'wait') return answer;
  return { ...answer, notice: REFUSED[answer.reason] ?? answer.notice ?? NO_MEETING };
}
