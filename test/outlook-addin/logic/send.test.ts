import { describe, expect, it } from 'vitest';
import { applySecurity, checkBeforeSend, createSecurity, MAX_SEND_MESSAGE, organizerSettings } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

function secured() {
  const m = meeting();
  const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
  const applied = applySecurity(m, security, SETTINGS);
  return { m: { ...m, bodyHtml: applied.bodyHtml }, security: applied.security };
}

const denied = (d: ReturnType<typeof checkBeforeSend>): string => {
  if (d.allow) throw new Error('expected the send to be blocked');
  expect(d.message.length).toBeLessThanOrEqual(MAX_SEND_MESSAGE);
  return d.message;
};

describe('checkBeforeSend', () => {
  it('allows a meeting whose block matches', () => {
    const { m, security } = secured();
    expect(checkBeforeSend(m, security, POLICY, SETTINGS)).toEqual({ allow: true });
  });

  it('blocks a missing block when the policy requires an access code', () => {
    expect(denied(checkBeforeSend(meeting(), null, POLICY, SETTINGS))).toMatch(/requires a one-time access code/);
  });

  it('allows no block when neither the policy nor the organizer wants a code', () => {
    const policy = { ...POLICY, organizer: { ...POLICY.organizer, accessCode: { ...POLICY.organizer.accessCode, required: { value: false, locked: false } } } };
    expect(checkBeforeSend(meeting(), null, policy, organizerSettings(policy, null))).toEqual({ allow: true });
  });

  it('blocks a stale block after the meeting moved', () => {
    const { m, security } = secured();
    const moved = { ...m, start: START + 3_600_000, end: START + 7_200_000 };
    expect(denied(checkBeforeSend(moved, security, POLICY, SETTINGS))).toMatch(/activation time/);
  });

  it('blocks a block whose access code was replaced by a weak one typed in', () => {
    const { m, security } = secured();
    const tampered = { ...m, bodyHtml: m.bodyHtml.replace(security.accessCode as string, '123456789') };
    const message = denied(checkBeforeSend(tampered, security, POLICY, SETTINGS));
    expect(message).toMatch(/easily guessed/);
    expect(message).toMatch(/differs/);
  });

  it('still finds a weak code and a stale time when sessionData was lost', () => {
    const { m, security } = secured();
    expect(checkBeforeSend(m, null, POLICY, SETTINGS)).toEqual({ allow: true });
    const weak = { ...m, bodyHtml: m.bodyHtml.replace(security.accessCode as string, '111111111') };
    expect(denied(checkBeforeSend(weak, null, POLICY, SETTINGS))).toMatch(/easily guessed/);
    expect(denied(checkBeforeSend({ ...m, start: START - 3_600_000 }, null, POLICY, SETTINGS))).toMatch(/activation time/);
  });

  it('blocks a duplicated block', () => {
    const { m, security } = secured();
    const block = m.bodyHtml.slice(m.bodyHtml.indexOf('<div style'), m.bodyHtml.lastIndexOf('</div>') + 6);
    const doubled = { ...m, bodyHtml: m.bodyHtml.replace('</body>', `${block}</body>`) };
    expect(denied(checkBeforeSend(doubled, security, POLICY, SETTINGS))).toMatch(/2 SecureJoin blocks/);
  });

  it('blocks a block that lost its join link', () => {
    const { m } = secured();
    const broken = { ...m, bodyHtml: m.bodyHtml.replace(/<p><b>Join link:<\/b>.*?<\/p>/, '') };
    expect(denied(checkBeforeSend(broken, null, POLICY, SETTINGS))).toMatch(/damaged/);
  });

  it('keeps long messages within 500 characters', () => {
    const { m, security } = secured();
    const messy = { ...m, start: START + 60_000, end: START + 7_200_000, bodyHtml: m.bodyHtml.replace(security.accessCode as string, '1111') };
    const other = { ...security, alias: 'sj-other', sharedPasscode: null };
    expect(denied(checkBeforeSend(messy, other, POLICY, SETTINGS)).endsWith('before sending.')).toBe(true);
  });
});
