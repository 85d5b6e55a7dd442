/** The popup's list names each meeting by its label, else the invite's subject, else its alias; rows stored without a subject still list. */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { draftsFromInvite, draftToInput } from '../../../extension/popup/forms';
import { NODE, popupSender, T0, testContext } from '../support';
import type { TestContext } from '../support';

let ctx: TestContext;
beforeEach(() => {
  ctx = testContext();
});
const names = async () => ((await handleMessage({ type: 'meetings:list' }, popupSender, ctx)) as { meetings: Array<{ alias: string; name: string; label: string | null }> }).meetings.map((m) => [m.alias, m.name]);

describe('meetings:list names', () => {
  it('a pasted invite\'s meeting by its subject; the user\'s label wins; clearing it brings the subject back', async () => {
    const invite = `Subject: Quarterly review\n\nJoin: ${NODE}/webapp3/m/q4-review?role=guest\nGuest PIN: 24681357`;
    const [choice] = draftsFromInvite(invite, T0);
    if (!choice) throw new Error('no draft found');
    const added = (await handleMessage({ type: 'meetings:add', input: draftToInput(choice) }, popupSender, ctx)) as { ok: true; id: string };
    expect(await names()).toEqual([['q4-review', 'Quarterly review']]);
    await handleMessage({ type: 'meetings:update', id: added.id, changes: { label: 'Q4' } }, popupSender, ctx);
    expect(await names()).toEqual([['q4-review', 'Q4']]);
    await handleMessage({ type: 'meetings:update', id: added.id, changes: { label: null } }, popupSender, ctx);
    expect(await names()).toEqual([['q4-review', 'Quarterly review']]);
  });

  it('a row an earlier version stored (no subject) still lists, by its alias', async () => {
    await ctx.db.meetings.put({ id: 'old1', origin: NODE, path: 'webapp3', alias: 'weekly-ops', role: 'guest', pin: '13572468', source: 'capture', createdAt: T0, updatedAt: T0 });
    expect(await names()).toEqual([['weekly-ops', 'weekly-ops']]);
  });
});
