/**
 * The one text wait the browser tests share: until some element matching `selector` in `frame`
 * (a page or a frame) has text containing `expected` (a string) or matching it (a RegExp).
 */
import type { Frame, Page } from 'puppeteer-core';

export async function waitForText(frame: Frame | Page, selector: string, expected: string | RegExp, timeoutMs = 10_000): Promise<void> {
  const [source, isRegExp] = typeof expected === 'string' ? [expected, false] : [expected.source, true];
  await frame.waitForFunction(
    (sel: string, src: string, re: boolean) => [...document.querySelectorAll(sel)].some((el) => (re ? new RegExp(src).test(el.textContent ?? '') : (el.textContent ?? '').includes(src))),
    { timeout: timeoutMs },
    selector,
    source,
    isRegExp,
  );
}
