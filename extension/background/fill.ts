/**
 * Answers a content script's "may I fill here?" (`fill:ask`) and "anything to warn about?"
 * (`page:status`). The decision is core's `decideFill`; this module gathers its inputs from
 * trusted sources (the sender's frame id and origin from the browser, the tab's URL re-read
 * just before answering, the meetings and guard state from the database) and returns a PIN only
 * when every check passes.
 */
import { decideFill, matchJoinPage } from '../../core/autofill';
import type { FillDecision, NoFillReason } from '../../core/autofill';
import { guardKeyOf, guardStatus, warningText } from '../../core/guard';
import type { GuardState, GuardStatus } from '../../core/guard';
import { meetingWindow } from '../../core/vault';
import type { SavedMeeting } from '../../core/vault';
import { formatInstant } from '../../core/time';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../core/time/activation';
import type { PageReport } from '../messaging/messages';
import type { ContentSender } from '../messaging/sender';
import { originOf } from '../messaging/sender';
import { loadGuardState, releaseReservation, reserveAttempt } from '../storage/guardStore';
import { meetingsOnOrigin } from '../storage/meetings';
import type { BackgroundContext } from './context';
import type { ExtensionSettings } from './settings';
import { keepRulesOf } from './settings';

/** The answer to `fill:ask`. `pin` is present only for `fill`. `notice` is text for the page's warning box. */
export type FillAnswer =
  | { ok: true; action: 'fill'; pin: string; join: boolean; notice: string | null }
  | { ok: true; action: 'wait'; until: number; join: boolean; notice: string }
  | { ok: true; action: 'ask'; notice: string }
  | { ok: true; action: 'none'; reason: NoFillReason | 'unknown-page' | 'not-allowed' | 'tab-changed' | 'attempts-reserved'; notice: string | null };

/** What a page is told when other tabs already hold the attempts SecureJoin may spend for this room. */
export const RESERVED_NOTICE = 'SecureJoin is already trying this meeting\'s PIN in another tab, so it does not fill here. Use that tab, or enter the PIN yourself.';

/** The page's question when SecureJoin does not know when a code starts working (core `codeTiming` `unknown`). */
export const UNKNOWN_TIME_QUESTION = 'SecureJoin does not know when this code starts working. Fill it anyway?';

/** Whether the extension may act on `origin` at all: the policy's nodes when an admin set them, else anywhere the user saved a meeting. */
export function originAllowed(settings: Pick<ExtensionSettings, 'policyOrigins'>, origin: string): boolean {
  return settings.policyOrigins === null || settings.policyOrigins.includes(origin);
}

/**
 * What a page's answer is decided from, read concurrently (one round of storage reads instead of
 * four in a row: this sits between the PIN field appearing and it being filled). The settings are
 * still read fresh for every request, so a policy that just arrived always wins.
 */
async function readInputs(ctx: BackgroundContext, url: string): Promise<{ settings: ExtensionSettings; onOrigin: SavedMeeting[]; state: GuardState }> {
  const origin = originOf(url);
  const [settings, onOrigin, state] = await Promise.all([ctx.settings(), origin ? meetingsOnOrigin(ctx.db, origin) : [], loadGuardState(ctx.db)]);
  return { settings, onOrigin, state };
}

/** Meetings (among those saved for its origin) the page at `url` belongs to, host records first (a host PIN also works for people who have both). */
function meetingsForPage(url: string, onOrigin: readonly SavedMeeting[], settings: ExtensionSettings): SavedMeeting[] {
  const origin = originOf(url);
  if (!origin || !originAllowed(settings, origin)) return [];
  const matches = matchJoinPage(url, onOrigin, { webAppPaths: settings.webAppPaths });
  return [...matches.filter((m) => m.role === 'host'), ...matches.filter((m) => m.role === 'guest')];
}

function statusOf(state: GuardState, m: SavedMeeting, now: number, settings: ExtensionSettings): GuardStatus {
  return guardStatus(state, guardKeyOf(m), now, settings.limits);
}

/** The page warning for a room, or null. */
function noticeOf(status: GuardStatus): string | null {
  return warningText(status);
}

/**
 * Decides `fill:ask` for a content script. The frame facts that matter are taken from the
 * browser (`sender.frameId`, `sender.origin`), never from the page's report alone; the tab's
 * URL is read again right before the answer and must still be on the same origin and page.
 * `confirmed`: the user pressed Fill on the page's question about a code of unknown time (or
 * asked for this fill themselves, from the context menu or the keyboard).
 */
export async function answerFillAsk(report: PageReport, sender: ContentSender, ctx: BackgroundContext, confirmed = false): Promise<FillAnswer> {
  const { settings, onOrigin, state } = await readInputs(ctx, sender.url);
  if (!originAllowed(settings, sender.origin)) return { ok: true, action: 'none', reason: 'not-allowed', notice: null };
  const meetings = meetingsForPage(sender.url, onOrigin, settings);
  if (meetings.length === 0) return { ok: true, action: 'none', reason: 'unknown-page', notice: null };
  const now = ctx.now();
  let first: { decision: FillDecision; status: GuardStatus; meeting: SavedMeeting } | null = null;
  for (const meeting of meetings) {
    const status = statusOf(state, meeting, now, settings);
    const decision = decideFill({
      meeting,
      pageUrl: sender.url,
      frame: {
        // Trusted: the browser says which frame sent this. The page's own claims can only narrow it.
        isTop: sender.frameId === 0 && report.frame.isTop,
        sandboxed: report.frame.sandboxed,
        frameOrigin: sender.origin,
      },
      field: report.field,
      ...(report.prompt ? { prompt: report.prompt } : {}),
      mode: settings.mode,
      now,
      window: meetingWindow(meeting),
      attempts: status.attemptsUsed > 0 || status.attempts.roomFailuresInWindow > 0 ? status.attempts : null,
      failedPins: status.failedPins,
      possibleLockout: status.possibleLockout,
      webAppPaths: settings.webAppPaths,
      keep: keepRulesOf(settings),
      confirmedUnknownTime: confirmed,
    });
    if (first === null || decision.action === 'fill') first = { decision, status, meeting };
    if (decision.action === 'fill') break;
  }
  if (first === null) return { ok: true, action: 'none', reason: 'unknown-page', notice: null };
  const { decision, status } = first;
  if (decision.action === 'wait') {
    // The opening itself (the decision waits a safety margin past it).
    const opens = formatInstant(decision.until - ACTIVATION_SAFETY_MARGIN_MS, { timeZone: ctx.timeZone, withDate: true });
    return { ok: true, action: 'wait', until: decision.until, join: decision.join, notice: `This meeting's code opens at ${opens}. SecureJoin waits instead of spending an attempt.` };
  }
  if (decision.action === 'none') return { ok: true, action: 'none', reason: decision.reason, notice: noticeOf(status) };
  // No PIN leaves the background until the user said yes on the page.
  if (decision.action === 'ask') return { ok: true, action: 'ask', notice: UNKNOWN_TIME_QUESTION };
  // Re-check just before the PIN leaves the background: the tab may have navigated meanwhile.
  // Beside it, the attempt is reserved for this tab: tabs of the same room asking at once are
  // serialised there and together stay within what one tab may spend automatically. (Both at
  // once: this sits between the PIN field appearing and it being filled.)
  const key = guardKeyOf(first.meeting);
  const [current, reserved, fresh] = await Promise.all([ctx.tabUrl(sender.tabId), reserveAttempt(ctx.db, key, sender.tabId, now, settings.limits), ctx.freshPins.has(first.meeting.id)]);
  if (current === null || originOf(current) !== sender.origin || matchJoinPage(current, [first.meeting], { webAppPaths: settings.webAppPaths }).length === 0) {
    if (reserved) await releaseReservation(ctx.db, key, sender.tabId);
    return { ok: true, action: 'none', reason: 'tab-changed', notice: null };
  }
  if (!reserved) return { ok: true, action: 'none', reason: 'attempts-reserved', notice: RESERVED_NOTICE };
  // A PIN saved from a link and never filled since is filled, not submitted: the user sees it and
  // presses Join. This fill is that first sight, so the next one follows the mode.
  if (fresh) await ctx.freshPins.remove(first.meeting.id);
  return { ok: true, action: 'fill', pin: decision.pin, join: decision.join && !fresh, notice: noticeOf(status) };
}

/** The answer to `page:status`: the warning to show on this join page now, or null. */
export interface PageStatusAnswer {
  ok: true;
  notice: string | null;
}

/** The guard's warning for the room of the sender's page (most severe of its matching meetings). */
export async function answerPageStatus(sender: ContentSender, ctx: BackgroundContext): Promise<PageStatusAnswer> {
  const { settings, onOrigin, state } = await readInputs(ctx, sender.url);
  const meetings = meetingsForPage(sender.url, onOrigin, settings);
  if (meetings.length === 0) return { ok: true, notice: null };
  const status = statusOf(state, meetings[0] as SavedMeeting, ctx.now(), settings);
  return { ok: true, notice: noticeOf(status) };
}
