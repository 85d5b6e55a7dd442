/**
 * Five tabs of one join page in fill-and-join mode, all asking for the PIN at the same moment
 * (the code's window opens while they wait), with a saved PIN the node refuses: together they
 * spend at most the attempts one tab may spend automatically, never the last ones. Without the
 * background's per-room reservation every tab got the PIN and all five attempts were spent.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_SAFETY_MARGIN_MS } from '../../core/time/activation';
import { waitForNotice } from './support/extensionBrowser';
import { forFile, startExtensionStack } from './support/harness';
import type { JoinPage } from './support/harness';

const stack = forFile(() => startExtensionStack({ rooms: [{ alias: 'tabs-room', hostPin: '86420975', guestPin: '13572468', allowGuests: true }] }));

describe('attempts across tabs', () => {
  it('five tabs in fill-and-join mode spend at most the allowed attempts, never the last ones', async () => {
    expect(await stack.ext.send({ type: 'settings:set', prefs: { attendee: { autofill: { mode: 'fill-and-join' } } } })).toEqual({ ok: true, saved: true });
    // The five tabs load first (slow on a loaded machine), so the wait below is theirs alone.
    const tabs: JoinPage[] = [];
    for (let i = 0; i < 5; i++) {
      const tab = await stack.openJoinPage('tabs-room', `Tab ${i + 1}`);
      await tab.waitForState('ready');
      tabs.push(tab);
    }
    // The window opens a moment from now: every tab presses Join and waits, then all ask at once.
    const opensAt = Date.now() + 6_000;
    const added = await stack.ext.send({
      type: 'meetings:add',
      input: { url: `${stack.node.url}/webapp3/m/tabs-room`, role: 'guest', pin: '99990000', startsAt: opensAt, endsAt: opensAt + 3_600_000, leadMinutes: 0 },
    });
    expect(added.ok).toBe(true);
    for (const tab of tabs) {
      // A tab in the background gets no frames, so puppeteer's click would wait forever.
      await tab.page.bringToFront();
      await tab.join();
    }
    await Promise.all(tabs.map(async (tab) => {
      await tab.waitForState('pin-required');
      await waitForNotice(tab.page, 'opens at');
    }));
    const pages = tabs.map((t) => t.page);
    const pinsSent = () => tabs.flatMap((t) => t.pinsSent);
    expect(Date.now()).toBeLessThan(opensAt + ACTIVATION_SAFETY_MARGIN_MS);

    // Every tab has had its turn once each of them either tried (and was refused) or was told why not.
    await Promise.all(pages.map((p) => waitForNotice(p, /attempts left|another tab|wrong PIN/, ACTIVATION_SAFETY_MARGIN_MS + 15_000)));
    // The guard's view settles once the node answered every PIN sent.
    const deadline = Date.now() + 10_000;
    let used = -1;
    while (Date.now() < deadline) {
      const list = await stack.ext.send({ type: 'meetings:list' });
      used = list.meetings.find((m: any) => m.alias === 'tabs-room').attemptsUsed;
      if (used === pinsSent().length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // 5 attempts with the warning at 2 left: at most 3 automatic ones, at least 2 left to the user.
    expect(pinsSent().length).toBeGreaterThanOrEqual(1);
    expect(pinsSent().length).toBeLessThanOrEqual(3);
    expect(used).toBe(pinsSent().length);
    expect(5 - used).toBeGreaterThanOrEqual(2);
    for (const page of pages) await page.close();
  });
});
