import { describe, expect, it } from 'vitest';
import { applySecurity, checkBeforeSend, createSecurity, MAX_SEND_MESSAGE, organizerSettings } from '../../../outlook-addin/logic';
import type { MeetingSecurity } from '../../../outlook-addin/logic';
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
    const message = denied(checkBeforeSend(meeting(), null, POLICY, SETTINGS));
    expect(message).toBe('SecureJoin: Your administrator requires an access code, and this invite has no SecureJoin block. Open SecureJoin and press "Insert block", then send again.');
    expect(message).toMatch(/press "Insert block", then send again\.$/);
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
    expect(denied(checkBeforeSend(messy, other, POLICY, SETTINGS)).endsWith('Open SecureJoin and press "Update block", then send again.')).toBe(true);
  });
});

describe('checkBeforeSend without sessionData (a reopened meeting)', () => {
  /** A body whose block was written for `change`d security, as sent with sessionData lost. */
  function reopened(change: Partial<MeetingSecurity>) {
    const m = meeting();
    const security = { ...createSecurity(m, SETTINGS.choices, SETTINGS, POLICY), ...change };
    return { ...m, bodyHtml: applySecurity(m, security, SETTINGS).bodyHtml };
  }

  it('refuses a block whose link leads to a look-alike node, naming the node and the button', () => {
    for (const nodeOrigin of ['https://meet.example.com.evil.example', 'https://meet-example.com', 'https://rneet.example.com', 'https://meet.example.com:8443', 'https://xn--meet-exmple-fcb.com']) {
      const message = denied(checkBeforeSend(reopened({ nodeOrigin }), null, POLICY, SETTINGS));
      expect(message).toContain(`points to ${nodeOrigin}, which is not one of your administrator's conference nodes`);
      expect(message).toMatch(/cannot confirm the block\. Open SecureJoin and press "Update block", then send again\.$/);
    }
  });

  it('refuses a block whose link shows the right node but leads to a look-alike, with or without sessionData', () => {
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const bodyHtml = applySecurity(m, security, SETTINGS).bodyHtml;
    const hidden = { ...m, bodyHtml: bodyHtml.replace('href="https://meet.example.com/', 'href="https://meet.example.com.evil.example/') };
    expect(hidden.bodyHtml).not.toBe(bodyHtml);
    expect(denied(checkBeforeSend(hidden, null, POLICY, SETTINGS))).toMatch(/leads to another address than the one it shows/);
    expect(denied(checkBeforeSend(hidden, security, POLICY, SETTINGS))).toMatch(/leads to another address than the one it shows/);
  });

  it('refuses a block whose link carries the real URL only in another attribute (title, data-href), with or without sessionData (issue 24)', () => {
    const { m, security } = secured();
    const url = /href="(https:\/\/meet\.example\.com\/[^"]+)"/.exec(m.bodyHtml)?.[1] ?? '';
    expect(url).not.toBe('');
    for (const attrs of [`title='href="${url}"' href="https://evil.example/steal"`, `data-href="${url}" href="https://evil.example/steal"`]) {
      const tampered = { ...m, bodyHtml: m.bodyHtml.replace(`href="${url}"`, attrs) };
      expect(tampered.bodyHtml).not.toBe(m.bodyHtml);
      expect(denied(checkBeforeSend(tampered, security, POLICY, SETTINGS))).toMatch(/leads to another address than the one it shows/);
      expect(denied(checkBeforeSend(tampered, null, POLICY, SETTINGS))).toMatch(/leads to another address than the one it shows/);
    }
  });

  it("refuses a policy node's origin with another web app path", () => {
    expect(denied(checkBeforeSend(reopened({ webAppPath: 'webapp' }), null, POLICY, SETTINGS))).toMatch(/web app path "\/webapp", which is not the one your administrator set for https:\/\/meet\.example\.com/);
  });

  it("accepts a block on any of the policy's nodes, exactly as the policy writes it", () => {
    expect(checkBeforeSend(reopened({}), null, POLICY, SETTINGS)).toEqual({ allow: true });
    const us = POLICY.nodes[1]!;
    expect(checkBeforeSend(reopened({ nodeOrigin: us.origin, webAppPath: us.webAppPath }), null, POLICY, SETTINGS)).toEqual({ allow: true });
    // With sessionData the block is compared with the meeting's own codes: a look-alike is a link mismatch.
    const m = meeting();
    const security = createSecurity(m, SETTINGS.choices, SETTINGS, POLICY);
    const evil = applySecurity(m, { ...security, nodeOrigin: 'https://meet.example.com.evil.example' }, SETTINGS).bodyHtml;
    expect(denied(checkBeforeSend({ ...m, bodyHtml: evil }, security, POLICY, SETTINGS))).toMatch(/join link in the invite differs/);
  });
});
