/**
 * The join-page agent: the content script's logic, wired to the page by the entrypoint.
 * 1. A capture link (`#sj=...`): strip the fragment from the address bar at once, then hand the
 *    link to the background to save.
 * 2. Watch for the PIN field; when an empty one appears, ask the background (which decides with
 *    core and re-checks tab and origin) and fill, join, wait or only warn as told.
 * 3. Show the guard's warnings in a closed shadow root (asked for once when the page loads, then
 *    pushed by the background as outcomes arrive).
 * It fills at most once per page load: a PIN that was filled and failed is never retried by
 * software (the background would also refuse it, but the guard may learn of the failure a
 * moment after the page shows it).
 */
import type { ContentRequest } from '../messaging/messages';
import type { CaptureAnswer } from '../background/capture';
import type { FillAnswer, PageStatusAnswer } from '../background/fill';
import { findPinField, pageReport } from './detect';
import { fillField, pressJoin } from './fill';
import { createNotice } from './notice';

/** How the agent talks to the background (the entrypoint passes `browser.runtime.sendMessage`). */
export interface AgentDeps {
  win: Window;
  send: (msg: ContentRequest) => Promise<unknown>;
  /** Subscribes to pushes from the background (guard updates). */
  onPush: (listener: (msg: unknown) => void) => void;
}

/** The capture fragment marker, as core/links writes it (`CAPTURE_FRAGMENT_KEY`); kept local so the content script stays small. */
const CAPTURE_PREFIX = '#sj=';
/** Longest timer the browser honours (about 24.8 days). */
const MAX_TIMEOUT = 2_147_483_647;

/** The page notice for a capture's answer: saved, already saved, or waiting for the user's confirmation. */
export function captureNotice(answer: CaptureAnswer | undefined): string {
  if (!answer?.ok) return `The PIN from this link was not saved: ${answer?.error ?? 'no answer'}.`;
  const meeting = `${answer.alias} (${answer.role})`;
  if (answer.outcome === 'added') return `PIN saved for ${meeting}.`;
  if (answer.outcome === 'unchanged') return `This PIN is already saved for ${meeting}.`;
  return `This link would replace the PIN you saved for ${meeting}. Nothing was replaced: it is waiting for your confirmation in the SecureJoin popup.`;
}

/** Starts the agent; returns a function that stops it. */
export function startJoinPageAgent(deps: AgentDeps): () => void {
  const { win } = deps;
  const doc = win.document;
  const notice = createNotice(doc);
  let filled = false;
  let asking = false;
  // A capture link opened this page: never fill AND join in the same page load (a link alone
  // must not spend an attempt); filling is fine, the user presses Join.
  let captured = false;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let lastNotice: string | null = null;

  const say = (text: string | null, tone: 'info' | 'warning' = 'warning'): void => {
    if (text === lastNotice) return;
    lastNotice = text;
    if (text === null) notice.hide();
    else notice.show(text, tone);
  };

  const capture = async (): Promise<void> => {
    const href = win.location.href;
    const at = href.indexOf(CAPTURE_PREFIX);
    if (at < 0) return;
    // The PIN leaves the address bar (and so history and screen shares) before anything else.
    win.history.replaceState(win.history.state, '', href.slice(0, at));
    captured = true;
    const answer = (await deps.send({ type: 'capture:save', url: href })) as CaptureAnswer | undefined;
    say(captureNotice(answer), answer?.ok ? 'info' : 'warning');
  };

  const ask = async (field: HTMLInputElement): Promise<void> => {
    asking = true;
    let answer: FillAnswer | undefined;
    try {
      answer = (await deps.send({ type: 'fill:ask', report: pageReport(win, field) })) as FillAnswer | undefined;
    } finally {
      asking = false;
    }
    if (!answer?.ok) return;
    if (answer.action === 'wait') {
      say(answer.notice, 'info');
      clearTimeout(waitTimer);
      waitTimer = setTimeout(() => void check(true).catch(() => undefined), Math.min(MAX_TIMEOUT, Math.max(0, answer.until - Date.now()) + 250));
      return;
    }
    if (answer.action === 'none') {
      say(answer.notice);
      return;
    }
    // Re-read the field: the user may have typed while we asked.
    const current = findPinField(doc);
    if (current !== field || field.value !== '') return;
    filled = true;
    if (answer.pin !== 'none') fillField(field, answer.pin);
    const join = answer.join && !captured;
    if (join) pressJoin(field);
    // Say what happened, so a filled field is never a mystery; a guard warning takes precedence.
    if (answer.pin === 'none' && !join) say('This room lets guests join without a PIN: leave the PIN empty and press Join.', 'info');
    else if (answer.notice !== null) say(answer.notice);
    else if (answer.pin !== 'none') say(join ? 'SecureJoin filled your saved PIN and pressed Join.' : 'SecureJoin filled your saved PIN: press Join.', 'info');
  };

  const refreshStatus = async (): Promise<void> => {
    const answer = (await deps.send({ type: 'page:status', pageUrl: win.location.href })) as PageStatusAnswer | undefined;
    if (answer?.ok && answer.notice !== null) say(answer.notice);
  };

  // Act when a PIN field appears (or the wait for the code's window is over), not on every
  // mutation: the page changes a lot while joining, and the answer would not change with it.
  let seenField: HTMLInputElement | null = null;
  let scheduled = false;
  const check = async (force = false): Promise<void> => {
    scheduled = false;
    const field = findPinField(doc);
    const appeared = field !== null && field !== seenField;
    seenField = field;
    if (!field || (!appeared && !force) || field.value !== '' || asking) return;
    if (filled) return refreshStatus();
    await ask(field);
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => void check().catch(() => undefined));
  };

  deps.onPush((msg) => {
    if (typeof msg !== 'object' || msg === null || (msg as { type?: unknown }).type !== 'guard:update') return;
    const warning = (msg as { warning?: unknown }).warning;
    if (typeof warning === 'string') say(warning);
  });

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'style', 'class', 'disabled', 'type'] });
  // Ask for the room's status as soon as the page loads: the guard's warning shows before the
  // user presses Join, and the message wakes a stopped service worker (and opens its database)
  // now, while the user is still reading the page, instead of when the PIN field appears (a cold
  // worker start there costs ~35 ms of the time to fill).
  void capture()
    .catch(() => undefined)
    .then(() => {
      schedule();
      return refreshStatus();
    })
    .catch(() => undefined);
  return () => {
    observer.disconnect();
    clearTimeout(waitTimer);
  };
}
