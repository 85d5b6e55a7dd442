/**
 * The PIN never reaches a frame: not the meeting's own join page embedded by a page of another
 * origin, and not a sandboxed frame of the same origin. The same page opened as a tab is filled
 * (the control that shows the page itself is fillable). The join pages here come from a plain
 * server because the reference node forbids framing its page altogether.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { forFile, startExtensionStack } from './support/harness';

const PIN = '1357';

const stack = forFile(() => startExtensionStack());
beforeAll(async () => {
  const added = await stack.ext.send({ type: 'meetings:add', input: { url: `${stack.pages.url}/webapp3/m/frame-room`, role: 'guest', pin: PIN } });
  expect(added.ok).toBe(true);
});

/** Opens `embedUrl` and returns its page and the frame showing the join page, once its field is there. */
async function openFramed(embedUrl: string): Promise<{ page: Page; frame: Frame }> {
  const page = await stack.ext.browser.newPage();
  await page.goto(embedUrl);
  const handle = await page.waitForSelector('#frame');
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForSelector('#pin', { timeout: 10_000 });
  return { page, frame };
}

describe('no fill into frames', () => {
  it('fills the join page as a tab, but not inside a cross-origin or sandboxed iframe', async () => {
    const joinPage = `${stack.pages.url}/webapp3/m/frame-room`;
    const [control, crossOrigin, sandboxed] = await Promise.all([
      (async () => {
        const page = await stack.ext.browser.newPage();
        await page.goto(joinPage);
        return page;
      })(),
      // A page on localhost embeds the meeting's join page on 127.0.0.1.
      openFramed(`${stack.pages.localhostUrl}/embed?src=${encodeURIComponent(joinPage)}`),
      // The meeting's own origin, in a sandboxed frame (an opaque origin).
      openFramed(`${stack.pages.url}/embed?sandbox=${encodeURIComponent('allow-scripts allow-forms')}&src=${encodeURIComponent(joinPage)}`),
    ]);
    await control.waitForFunction((pin) => (document.getElementById('pin') as HTMLInputElement).value === pin, { timeout: 10_000 }, PIN);
    // The control was filled, so the frames have had their chance by now; give them more anyway.
    await new Promise((r) => setTimeout(r, 750));
    const valueIn = (frame: Frame) => frame.$eval('#pin', (el) => (el as HTMLInputElement).value);
    expect(await valueIn(crossOrigin.frame)).toBe('');
    expect(await valueIn(sandboxed.frame)).toBe('');
    // Nothing of the PIN anywhere in the framing pages either.
    for (const { page } of [crossOrigin, sandboxed]) expect(await page.content()).not.toContain(PIN);
    await Promise.all([control.close(), crossOrigin.page.close(), sandboxed.page.close()]);
  });
});
