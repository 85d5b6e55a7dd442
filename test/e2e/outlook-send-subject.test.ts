/**
 * Issue 13, in real Chromium: the block goes in when a new meeting opens (no subject yet), the
 * organizer types the subject and presses Send. The real event runtime's send check writes the
 * subject into the block's "Meeting:" line before the meeting goes (the sent invite names it,
 * and so does the real meeting service); a new subject together with a hand-edited access code
 * is refused with the code's message, and nothing is rewritten.
 */
import { describe, expect, it } from 'vitest';
import { aliasIn, blockCount, forFile, startOutlookStack } from './support/harness';

const SUBJECT = 'Budget & <b>plans</b>';

const outlook = forFile(() => startOutlookStack());

/**
 * The playground with the task pane open, once the pane has registered the block put in on open:
 * the block then shows the aliases the meeting service minted (in place of the placeholders).
 */
async function openRegistered() {
  const p = await outlook.openPlayground();
  await p.pane.waitForSelector('#provisioning[data-state="ok"]', { timeout: 10_000 });
  return p;
}

describe('Send and a subject typed after the block went in', () => {
  it('the send check writes the subject into the block before the meeting goes, and the meeting service holds it', async () => {
    const p = await openRegistered();
    const { page } = p;
    // The admin requires an access code: the block went in when the meeting opened, before any subject.
    const opened = await p.bodyText();
    expect(blockCount(opened)).toBe(1);
    expect(opened).not.toContain('Meeting:');
    const code = /Access code: ([0-9]+)/.exec(opened)?.[1] as string;

    await page.type('#subject', SUBJECT);
    expect(await p.send()).toBeNull();
    const sent = await page.$eval('#sent-body', (el) => el.textContent ?? '');
    expect(sent).toContain(`Meeting: ${SUBJECT}`);
    expect(blockCount(sent)).toBe(1);
    expect(sent).toContain(`Access code: ${code}`);
    expect(await p.bodyText()).toContain(`Meeting: ${SUBJECT}`);
    // The subject stays text in the invite.
    expect(await page.evaluate(() => (document.getElementById('body-view') as HTMLIFrameElement).contentDocument?.querySelector('b') ?? null)).toBeNull();
    const stored = await outlook.service.storedMeeting(aliasIn(sent));
    expect(stored.status).toBe(200);
    expect(stored.body.subject).toBe(SUBJECT);
    expect(stored.body.room.sent).toBe(true);
    // The invite carries the aliases the service minted.
    expect(stored.body.room.accessCode.code).toBe(code);
    await page.close();
  });

  it('a new subject together with a changed access-code digit is refused with the code\'s message, and nothing is rewritten', async () => {
    const p = await openRegistered();
    const { page } = p;
    const code = /Access code: ([0-9]+)/.exec(await p.bodyText())?.[1] as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    await p.editBody((html) => html.replace(code, changed));
    await page.type('#subject', 'Budget');

    const message = await p.send();
    expect(message).toBe('SecureJoin: The access code in the invite differs from the one set for this meeting. Open SecureJoin and press "Update block", then send again.');
    const body = await p.bodyText();
    expect(body).toContain(`Access code: ${changed}`);
    expect(body).not.toContain('Meeting:');
    await page.close();
  });
});
