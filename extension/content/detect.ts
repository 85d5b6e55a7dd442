/**
 * What the content script looks at on a page: the PIN field, the Join button beside it, the frame
 * it runs in, and what the page says about the PIN prompt. DOM reads only: which input is the PIN
 * field and which button joins is decided by core (`choosePinField`, `chooseJoinButton`) from the
 * facts read here, so any join page's markup works that says "PIN" in a way a person would read.
 */
import { chooseJoinButton, choosePinField } from '../../core/autofill/field';
import type { ButtonFacts, FieldFacts } from '../../core/autofill/field';
import type { PageReport } from '../messaging/messages';

/** Inputs seen as `type=password`: a show/hide toggle that makes one `text` does not make it another field. */
const everPassword = new WeakSet<HTMLInputElement>();

/** Whether an element is rendered (not hidden by itself or an ancestor). */
function isShown(el: HTMLElement): boolean {
  if (typeof el.checkVisibility === 'function') return el.checkVisibility();
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** Smallest width and height (CSS px) of a field a person can see and click. */
const MIN_SIDE = 2;

/** Overlap of two rectangles is at least MIN_SIDE in both directions. */
const overlaps = (a: DOMRect, b: DOMRect): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) >= MIN_SIDE && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) >= MIN_SIDE;

/** A `clip`/`clip-path` that leaves nothing to see (the "visually hidden" patterns). */
const CLIPPED_AWAY = /^rect\(\s*0(?:px)?,?\s+0(?:px)?,?\s+0(?:px)?,?\s+0(?:px)?\s*\)$|^inset\(\s*50%|^circle\(\s*0(?:px|%)?\s*(?:at|\))/;

/**
 * Whether a person can see and reach `el`: rendered and not `visibility: hidden`, at least
 * 2x2 px, inside the page's area (not moved off it to negative or far-away coordinates), not
 * clipped away by itself or by an ancestor that hides its overflow. A page can otherwise keep a
 * field that looks like a PIN field where nobody sees it and let the extension fill it.
 * (Transparent inputs stay eligible: segmented code inputs lay one over visible boxes.)
 */
export function isReachable(el: HTMLElement): boolean {
  const shown = typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : isShown(el);
  if (!shown) return false;
  const win = el.ownerDocument.defaultView;
  if (!win) return false;
  const r = el.getBoundingClientRect();
  if (r.width < MIN_SIDE || r.height < MIN_SIDE) return false;
  const root = el.ownerDocument.documentElement;
  const pageWidth = Math.max(root.scrollWidth, win.innerWidth);
  const pageHeight = Math.max(root.scrollHeight, win.innerHeight);
  const left = r.left + win.scrollX;
  const top = r.top + win.scrollY;
  if (left + r.width <= 0 || top + r.height <= 0 || left >= pageWidth || top >= pageHeight) return false;
  for (let a: Element | null = el; a && a !== root; a = a.parentElement) {
    const style = win.getComputedStyle(a);
    if (CLIPPED_AWAY.test(style.clip) || CLIPPED_AWAY.test(style.clipPath)) return false;
    const hides = (v: string): boolean => v === 'hidden' || v === 'clip';
    if (a !== el && (hides(style.overflowX) || hides(style.overflowY)) && !overlaps(r, a.getBoundingClientRect())) return false;
  }
  return true;
}

/** The inputs a person can see and reach (isReachable), enabled and editable. */
export function shownInputs(doc: Document): HTMLInputElement[] {
  return Array.from(doc.querySelectorAll('input')).filter((el) => !el.disabled && !el.readOnly && isReachable(el));
}

const textOf = (el: Element | null): string => (el?.textContent ?? '').trim();
const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';

/** The facts core decides on, for one input. `initial`: the inputs shown when the agent started. */
export function factsOf(el: HTMLInputElement, initial: WeakSet<Element>): FieldFacts {
  if (el.type === 'password') everPassword.add(el);
  const doc = el.ownerDocument;
  const names = [...Array.from(el.labels ?? [], textOf), attr(el, 'aria-label'), attr(el, 'placeholder'), attr(el, 'title'), el.name, el.id];
  for (const id of attr(el, 'aria-labelledby').split(/\s+/)) if (id) names.push(textOf(doc.getElementById(id)));
  return {
    type: el.type.toLowerCase(),
    inputMode: attr(el, 'inputmode').toLowerCase(),
    autocomplete: attr(el, 'autocomplete').toLowerCase(),
    role: attr(el, 'role').toLowerCase(),
    names,
    wasPassword: everPassword.has(el),
    appeared: !initial.has(el),
  };
}

/** The page's PIN field, or null. `initial`: inputs already shown when the page loaded (a field that appears later wins a tie). */
export function findPinField(doc: Document, initial: WeakSet<Element>): HTMLInputElement | null {
  const inputs = shownInputs(doc);
  return inputs[choosePinField(inputs.map((el) => factsOf(el, initial)))] ?? null;
}

const BUTTONS = 'button,input[type=submit],input[type=button],input[type=image],[role=button]';

/** How many steps up from `field` the nearest ancestor containing `el` is. */
function distance(field: Element, el: Element): number {
  let n = 0;
  for (let a: Element | null = field.parentElement; a; a = a.parentElement, n++) if (a.contains(el)) return n;
  return n;
}

/**
 * The button that joins, next to `field`: within its form, else its dialog, else the whole page
 * ranked by how near each button is. Null without a confident match (then nothing is pressed).
 */
export function findJoinButton(field: HTMLInputElement): HTMLElement | null {
  const scope: ParentNode = field.form ?? field.closest('dialog,[role=dialog],[role=alertdialog]') ?? field.ownerDocument;
  const near = scope !== field.ownerDocument;
  const buttons = Array.from(scope.querySelectorAll<HTMLElement>(BUTTONS)).filter((b) => b !== field && isShown(b));
  if (field.form) for (const b of Array.from(field.form.elements)) if (b instanceof HTMLElement && b.matches(BUTTONS) && !buttons.includes(b)) buttons.push(b);
  const facts: ButtonFacts[] = buttons.map((b) => ({
    // All of them: an icon button's text is a glyph, its name is in aria-label.
    label: [textOf(b), attr(b, 'value'), attr(b, 'aria-label'), attr(b, 'title')].join(' '),
    submitOfForm: field.form !== null && (b as HTMLButtonElement).form === field.form && (b as HTMLButtonElement).type === 'submit',
    distance: near ? 0 : distance(field, b),
  }));
  return buttons[chooseJoinButton(facts)] ?? null;
}

/** The frame this script runs in. A cross-origin parent makes `frameElement` null; an opaque origin reads as "null". */
export function frameFacts(win: Window): PageReport['frame'] {
  let isTop = false;
  try {
    isTop = win.top === win;
  } catch {
    isTop = false;
  }
  let sandboxAttr = false;
  try {
    sandboxAttr = win.frameElement?.hasAttribute('sandbox') ?? false;
  } catch {
    sandboxAttr = false;
  }
  const origin = win.location.origin;
  return { isTop, sandboxed: sandboxAttr || origin === 'null', frameOrigin: origin };
}

/**
 * What the page's PIN prompt says about the room, when the page exposes it (the reference join
 * page sets `data-has-host-pin`/`data-has-guest-pin` from `onPinRequired`); otherwise undefined.
 */
export function promptFacts(doc: Document): PageReport['prompt'] {
  const el = doc.querySelector<HTMLElement>('[data-has-host-pin][data-has-guest-pin]');
  if (!el) return undefined;
  return { hasHostPin: el.dataset.hasHostPin === 'true', hasGuestPin: el.dataset.hasGuestPin === 'true' };
}

/** The full report for `fill:ask`. */
export function pageReport(win: Window, field: HTMLInputElement | null): PageReport {
  const prompt = promptFacts(win.document);
  return {
    pageUrl: win.location.href,
    frame: frameFacts(win),
    field: { present: field !== null, hasValue: field !== null && field.value !== '' },
    ...(prompt ? { prompt } : {}),
  };
}
