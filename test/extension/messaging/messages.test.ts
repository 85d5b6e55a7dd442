/**
 * The message schemas on zod/mini. Imported alone here, so no other zod user has set a locale:
 * the English messages must come from parseRequest itself.
 */
import { describe, expect, it } from 'vitest';
import { contentRequestSchema, guardPushSchema, parseRequest, uiRequestSchema } from '../../../extension/messaging/messages';

const report = {
  pageUrl: 'https://meet.example.com/webapp3/m/room',
  frame: { isTop: true, sandboxed: false, frameOrigin: 'https://meet.example.com' },
  field: { present: true, hasValue: false },
};

describe('parseRequest', () => {
  it('accepts each well-formed request as is', () => {
    expect(parseRequest(contentRequestSchema, { type: 'fill:ask', report })).toEqual({ ok: true, value: { type: 'fill:ask', report } });
    const update = { type: 'meetings:update', id: 'm1', changes: { label: null, role: 'guest', pin: '1234', startsAt: 1, endsAt: null } };
    expect(parseRequest(uiRequestSchema, update)).toEqual({ ok: true, value: update });
    expect(parseRequest(uiRequestSchema, { type: 'meetings:add', input: { pin: '1' } })).toMatchObject({ ok: true });
    expect(parseRequest(guardPushSchema, { type: 'guard:update', warning: null })).toMatchObject({ ok: true });
  });

  it('names the path and the problem in English, never the value', () => {
    expect(parseRequest(uiRequestSchema, { type: 'meetings:delete', id: '' })).toEqual({ ok: false, error: 'invalid message at id: Too small: expected string to have >=1 characters' });
    expect(parseRequest(contentRequestSchema, { type: 'capture:save', url: `https://x.example/${'a'.repeat(5000)}` })).toEqual({
      ok: false,
      error: 'invalid message at url: Too big: expected string to have <=4096 characters',
    });
    const secret = 'SECRET-PIN-9876';
    const wrong = parseRequest(uiRequestSchema, { type: 'meetings:update', id: 'm1', changes: { role: secret } });
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message at changes\.role: Invalid option/) });
    expect(JSON.stringify(wrong)).not.toContain(secret);
  });

  it('refuses unknown types and unknown keys (strict objects)', () => {
    expect(parseRequest(uiRequestSchema, { type: 'vault:wipe' })).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message at type: /) });
    expect(parseRequest(contentRequestSchema, { type: 'fill:ask', report: { ...report, pin: '1234' } })).toEqual({ ok: false, error: 'invalid message at report: Unrecognized key: "pin"' });
    expect(parseRequest(contentRequestSchema, 'fill:ask')).toMatchObject({ ok: false, error: expect.stringMatching(/^invalid message at \(root\): /) });
  });
});
