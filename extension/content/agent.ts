/**
 * The join-page agent: the content script's logic, wired to the page by the entrypoint.
 * 1. A capture link (`#sj=...`): strip the fragment from the address bar at once, then hand the
 *    link to the background to save.
 * 2. Watch for the PIN field; when an empty one appears, ask the background (which decides with
 *    core and re-checks tab and origin) and fill, join, wait or only warn as told.
 * 3. Show the guard's warnings in a closed shadow root (asked for once when the page loads, then
 *    pushed by the background as outcomes arrive).
 * 4. Fill the focused field when the user asks (context menu, keyboard command); in a frame of the
 *    page this is all the script does.
 * It fills at most once per page load: a PIN that was filled and failed is never retried by
 * software (the background would also refuse it, but the guard may learn of the failure a
 * moment after the page shows it).
 */
import type { ContentRequest } from '../messaging/messages';
import type { CaptureAnswer } from '../background/capture';
import type { FillAnswer, PageStatusAnswer } from '../background/fill';
import { isOtherField } from '../../core/autofill/field';
import { factsOf, findPinField, frameFacts, pageReport, shownInputs } from './detect';
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

/** The page notice for a capture's answer: saved, already saved, or waiting for the user's confirmation (and why). */
export function captureNotice(answer: CaptureAnswer | undefined): string {
  if (!answer?.ok) return `The PIN from this link was not saved: ${answer?.error ?? 'no answer'}.`;
  const meeting = `${answer.alias} (${answer.role})`;
  if (answer.outcome === 'added') return `PIN saved for ${meeting}.`;
  if (answer.outcome === 'unchanged') return `This PIN is already saved for ${meeting}.`;
  if (answer.outcome === 'pending' && answer.why === 'replaces') return `This link would replace the PIN you saved for ${meeting}. Nothing was replaced: it is waiting for your confirmation in the SecureJoin popup.`;
  // A link a web page opened, or a host PIN: saved only once the user says so.
  return `This link wants to save a PIN for ${meeting}. Nothing was saved: it is waiting for your confirmation in the SecureJoin popup.`;
}

/** Starts the agent; returns a function that stops it. */
export function startJoinPageAgent(deps: AgentDeps): () => void {
  const { win } = deps;
  const doc = win.document;
  // A page that keeps removing the notice gets its text on the toolbar button instead.
  const notice = createNotice(doc, (text) => void deps.send({ type: 'notice:suppressed', text: text.slice(0, 1000) }).catch(() => undefined));
  let filled = false;
  let asking = false;
  // The user said "Not now" to filling a code of unknown time: nothing more is filled by itself on this page load.
  let declined = false;
  // A capture link opened this page: never fill AND join in the same page load (a link alone
  // must not spend an attempt); filling is fine, the user presses Join.
  let captured = false;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  let lastNotice: string | null = null;
  // The inputs shown when the page loaded: a PIN field that appears later (with the PIN prompt) wins a tie.
  const initial = new WeakSet<Element>(shownInputs(doc));
  const isTop = frameFacts(win).isTop;

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

  const ask = async (field: HTMLInputElement, confirmed = false): Promise<void> => {
    asking = true;
    let answer: FillAnswer | undefined;
    try {
      answer = (await deps.send(confirmed ? { type: 'fill:ask', report: pageReport(win, field), confirmed } : { type: 'fill:ask', report: pageReport(win, field) })) as FillAnswer | undefined;
    } finally {
      asking = false;
    }
    if (!answer?.ok) return;
    if (answer.action === 'ask') {
      // SecureJoin does not know when this code starts working: the user decides, on this page.
      lastNotice = answer.notice;
      notice.ask(
        answer.notice,
        () => void ask(field, true).catch(() => undefined),
        () => {
          declined = true;
          say(null);
        },
      );
      return;
    }
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
    const current = findPinField(doc, initial);
    if (current !== field || field.value !== '') return;
    filled = true;
    if (answer.pin !== 'none') fillField(field, answer.pin);
    const joined = answer.join && !captured && (await pressJoin(field));
    // Say what happened, so a filled field is never a mystery; a guard warning takes precedence.
    if (answer.pin === 'none' && !joined) say('This room lets guests join without a PIN: leave the PIN empty and press Join.', 'info');
    else if (answer.notice !== null) say(answer.notice);
    else if (answer.pin !== 'none') say(joined ? 'SecureJoin filled your saved PIN and pressed Join.' : 'SecureJoin filled your saved PIN: press Join.', 'info');
  };

  // The user's own request ("Fill SecureJoin PIN" from the context menu or the keyboard command):
  // the field is the one they focused, not one we detected; it is filled, never submitted.
  // The request goes to every frame of the tab: only the one holding the focus answers.
  const fillFocused = async (): Promise<void> => {
    if (!doc.hasFocus()) return;
    const el = doc.activeElement;
    // A frame of the page's own origin has its own script, which answers for it; one we cannot
    // reach is another origin's, where a PIN never goes.
    if (el instanceof HTMLIFrameElement && el.contentDocument !== null) return;
    // A search box, a name or e-mail field is never given the PIN, even on request (a display name is shown to everyone).
    if (!(el instanceof HTMLInputElement) || el.disabled || el.readOnly || isOtherField(factsOf(el, initial))) {
      say(el instanceof HTMLIFrameElement ? 'SecureJoin fills only in the page itself or a frame of its own site.' : 'Click into the PIN field first, then ask SecureJoin to fill it.', 'info');
      return;
    }
    const answer = (await deps.send({ type: 'fill:manual', report: pageReport(win, el) })) as FillAnswer | undefined;
    if (answer?.ok && answer.action === 'fill' && doc.activeElement === el && el.value === '') {
      filled = true;
      if (answer.pin !== 'none') fillField(el, answer.pin);
      say(answer.notice ?? (answer.pin === 'none' ? 'This room lets guests join without a PIN: leave the PIN empty and press Join.' : 'SecureJoin filled your saved PIN: press Join.'), answer.notice ? 'warning' : 'info');
    } else if (answer?.ok && answer.notice) say(answer.notice, 'info');
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
    const field = findPinField(doc, initial);
    const appeared = field !== null && field !== seenField;
    seenField = field;
    if (!field || (!appeared && !force) || field.value !== '' || asking || declined) return;
    if (filled) return refreshStatus();
    await ask(field);
  };
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(() => void check().catch(() => undefined));
  };

  deps.onPush((msg) => {
    const type = typeof msg === 'object' && msg !== null ? (msg as { type?: unknown }).type : undefined;
    if (type === 'fill:manual') return void fillFocused().catch(() => undefined);
    if (type !== 'guard:update' || !isTop) return;
    const warning = (msg as { warning?: unknown }).warning;
    if (typeof warning === 'string') say(warning);
  });

  // In a frame the script only answers the user's own request (the background decides whether a
  // frame may have the PIN): no capture, no automatic fill, no notices of its own.
  if (!isTop) return () => undefined;

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
