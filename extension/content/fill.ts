/**
 * Putting a PIN into the page. Runs in the content script's ISOLATED world: setting `value` and
 * dispatching `input` there updates React-controlled inputs too (platform facts §3), and the
 * page's scripts never see the extension's own variables.
 */
import { findJoinButton } from './detect';

/** Fills `field` with `pin` as typing would: value, then `input` and `change` events. */
export function fillField(field: HTMLInputElement, pin: string): void {
  field.focus();
  field.value = pin;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** How long a Join button disabled until the page has seen the PIN may take to enable. */
const ENABLE_WAIT_MS = 1000;

/**
 * Presses the Join button next to `field` (found by role and label, `findJoinButton`): a form's
 * submit button through `requestSubmit` (the page's own submit handler runs), anything else by a
 * click. A button the page disables until it has seen the PIN (a framework re-rendering after the
 * `input` event) is pressed once it is enabled, within a second. Resolves false when there is no
 * confident match or it never enables: then the user presses Join.
 */
export async function pressJoin(field: HTMLInputElement): Promise<boolean> {
  const button = findJoinButton(field);
  if (!button) return false;
  const disabled = () => (button as HTMLButtonElement).disabled === true || button.getAttribute('aria-disabled') === 'true';
  if (disabled()) {
    const enabled = await new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => !disabled() && done(true));
      const timer = setTimeout(() => done(false), ENABLE_WAIT_MS);
      const done = (ok: boolean) => {
        observer.disconnect();
        clearTimeout(timer);
        resolve(ok);
      };
      observer.observe(button, { attributes: true });
    });
    if (!enabled || !button.isConnected || field.value === '') return false;
  }
  const form = field.form;
  if (form && (button as HTMLButtonElement).form === form && (button as HTMLButtonElement).type === 'submit') form.requestSubmit(button);
  else button.click();
  return true;
}
