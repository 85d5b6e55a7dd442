/**
 * Putting a PIN into the page. Runs in the content script's ISOLATED world: setting `value` and
 * dispatching `input` there updates React-controlled inputs too (platform facts §3), and the
 * page's scripts never see the extension's own variables.
 */

/** Fills `field` with `pin` as typing would: value, then `input` and `change` events. */
export function fillField(field: HTMLInputElement, pin: string): void {
  field.focus();
  field.value = pin;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Presses the join button of the field's form (a real submit, so the page's own handler runs). */
export function pressJoin(field: HTMLInputElement): boolean {
  const form = field.form;
  if (form) {
    const submitter = form.querySelector<HTMLButtonElement | HTMLInputElement>('button[type="submit"], input[type="submit"], button:not([type])');
    if (submitter?.disabled) return false;
    form.requestSubmit(submitter ?? undefined);
    return true;
  }
  const button = field.ownerDocument.querySelector<HTMLButtonElement>('button[type="submit"], #join-button');
  if (!button || button.disabled) return false;
  button.click();
  return true;
}
