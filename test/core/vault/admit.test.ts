/** One rule for keeping a record, whatever way it came in: policy nodes, retention, a broken policy. */
import { describe, expect, it } from 'vitest';
import { admitMeeting } from '../../../core/vault/admit';
import { exportVault, importVault } from '../../../core/vault/transfer';
import { meeting, T0 } from './support';

const DAY = 86_400_000;
const rules = { retentionDays: 30, policyOrigins: null };

describe('admitMeeting', () => {
  it('keeps a record on an allowed node within retention, with or without times', () => {
    expect(admitMeeting(meeting(), rules, T0)).toEqual({ verdict: 'keep' });
    expect(admitMeeting(meeting({ startsAt: T0 + DAY, endsAt: T0 + DAY + 3_600_000 }), { ...rules, policyOrigins: ['https://meet.example.com'] }, T0)).toEqual({ verdict: 'keep' });
  });
  it('refuses under retention 0, on a node the policy does not name, and under a broken policy; paths name the field', () => {
    expect(admitMeeting(meeting(), { ...rules, retentionDays: 0 }, T0)).toMatchObject({ verdict: 'refused', errors: [{ path: 'record', message: expect.stringMatching(/retention 0/) }] });
    expect(admitMeeting(meeting(), { ...rules, policyOrigins: [] }, T0, 'meetings[2]')).toMatchObject({ verdict: 'refused', errors: [{ path: 'meetings[2].origin' }] });
    expect(admitMeeting(meeting(), { ...rules, policyBroken: true }, T0)).toMatchObject({ verdict: 'refused', errors: [{ message: expect.stringMatching(/policy is broken/) }] });
  });
  it('calls a record past its retention expired (it would be deleted at once)', () => {
    const over = meeting({ startsAt: T0 - 40 * DAY, endsAt: T0 - 40 * DAY + 3_600_000 });
    expect(admitMeeting(over, rules, T0)).toMatchObject({ verdict: 'expired', errors: [{ path: 'endsAt' }] });
  });
});

describe('importVault under keep rules', () => {
  const file = exportVault(
    [meeting({ id: 'a' }), meeting({ id: 'b', alias: 'past', startsAt: T0 - 40 * DAY, endsAt: T0 - 40 * DAY + 3_600_000 }), meeting({ id: 'c', alias: 'other', origin: 'https://other.example.com' })],
    T0,
  );
  it('refuses the whole file when a record is on a node the policy does not allow, or under retention 0 (nothing half-applied)', () => {
    expect(importVault(file, [], T0, { rules: { ...rules, policyOrigins: ['https://meet.example.com'] } })).toMatchObject({ ok: false, errors: [{ path: 'meetings[2].origin' }] });
    const zero = importVault(file, [], T0, { rules: { ...rules, retentionDays: 0 } });
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.errors).toHaveLength(3);
  });
  it('leaves out records already past retention and counts them', () => {
    const r = importVault(file, [], T0, { rules });
    expect(r).toMatchObject({ ok: true, value: { added: 2, expired: 1 } });
    if (r.ok) expect(r.value.meetings.map((m) => m.id)).toEqual(['a', 'c']);
  });
});
