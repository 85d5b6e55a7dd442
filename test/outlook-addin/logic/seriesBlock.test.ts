/**
 * Issue 13: a series block now states its rule in words, so blocks inserted by an earlier
 * version are out of date once. The pane and the send check say so plainly, naming the line
 * and the button that fixes it (Update block), and the update makes the block current.
 */
import { describe, expect, it } from 'vitest';
import { SERIES_STALE } from '../../../core/invite/check';
import { renderInviteBlock } from '../../../core/invite/render';
import { upsertInviteBlock } from '../../../core/invite/upsert';
import { applySecurity, blockInput, blockProblems, checkBeforeSend, createSecurity, paneTruth } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

const series = { start: START, end: START + 3_600_000, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const, daysOfWeek: ['TU' as const, 'TH' as const] } };
const m = meeting({ recurrence: series });
const security = createSecurity(m, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);

/** The block as the add-in wrote it before issue 13: "For this recurring series, the code is active ..." without the rule. */
function olderBlockBody(): string {
  const { recurrence: _rule, ...input } = blockInput(m, security, SETTINGS);
  return upsertInviteBlock(m.bodyHtml, renderInviteBlock({ ...input, recurring: true }), 'html');
}

describe('a series block inserted before the rule was in words', () => {
  it('is out of date with one plain sentence about the series line, in the pane and at send', () => {
    const old = { ...m, bodyHtml: olderBlockBody() };
    expect(blockProblems(old, security, SETTINGS)).toEqual([{ kind: 'series_stale', message: SERIES_STALE }]);
    expect(SERIES_STALE).toBe('The series line in the invite does not say how the series repeats now.');
    const decision = checkBeforeSend(old, security, POLICY, SETTINGS);
    if (decision.allow) throw new Error('the send check let an out-of-date series block through');
    expect(decision.message).toContain(SERIES_STALE);
    expect(decision.message).toMatch(/Open SecureJoin and .*Update block.*, then send again\.$/);
  });

  it('the pane\'s top says it plainly, with Update block (not as a hand edit: a move may still update it)', () => {
    const old = { ...m, bodyHtml: olderBlockBody() };
    const truth = paneTruth({ meeting: old, security, settings: SETTINGS, written: true, registration: { state: 'not-configured', text: '', registered: undefined } });
    expect(truth).toMatchObject({ state: 'stale', headline: 'The block in the invite is out of date:', action: 'Update block' });
    expect(truth.drifts).toEqual([{ kind: 'time', text: SERIES_STALE, action: 'Update block' }]);
  });

  it('is current after Update block (the block is rewritten with the rule), and a changed rule is reported the same way', () => {
    const updated = { ...m, bodyHtml: applySecurity({ ...m, bodyHtml: olderBlockBody() }, security, SETTINGS).bodyHtml };
    expect(blockProblems(updated, security, SETTINGS)).toEqual([]);
    expect(checkBeforeSend(updated, security, POLICY, SETTINGS)).toEqual({ allow: true });
    // The organizer drops Thursdays: the series line no longer says how it repeats.
    const tuesdays = { ...updated, recurrence: { ...series, rule: { frequency: 'weekly' as const, daysOfWeek: ['TU' as const] } } };
    expect(blockProblems(tuesdays, security, SETTINGS)).toEqual([{ kind: 'series_stale', message: SERIES_STALE }]);
  });

  it('a moved first occurrence still reads as a changed activation time', () => {
    const updated = { ...m, bodyHtml: applySecurity(m, security, SETTINGS).bodyHtml };
    const moved = { ...updated, start: START + 3_600_000, end: START + 7_200_000, recurrence: { ...series, start: START + 3_600_000, end: START + 7_200_000 } };
    expect(blockProblems(moved, security, SETTINGS).map((p) => p.message)).toEqual(['The activation time in the invite no longer matches the meeting time.']);
  });
});
