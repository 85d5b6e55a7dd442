/** Issue 22: personal messages through Microsoft Graph, pure parts and the flow over a memory port and a fetch that answers as Graph documents. */
import { describe, expect, it } from 'vitest';
import { createSecurity, personalMessages } from '../../../outlook-addin/logic';
import { deliveryWarning, NO_DELIVERIES, parseDeliveries, undelivered, wasDelivered, withDelivery } from '../../../outlook-addin/logic/delivery';
import { retryAfterSeconds, sendMailBody, sendMailOutcome } from '../../../outlook-addin/logic/graphMail';
import type { ItemPort } from '../../../outlook-addin/logic/port';
import { deliverPersonalMessages, sendPersonalMessages } from '../../../outlook-addin/logic/sendPersonal';
import type { ProvisionFetch } from '../../../outlook-addin/logic/serviceCalls';
import { meeting, POLICY, SETTINGS } from './fixtures';

const m = meeting({ attendees: [{ email: 'ana@example.com', name: 'Ana <b>Lima</b>' }, { email: 'bo@example.com', name: 'Bo Chen' }] });
const security = createSecurity(m, { accessCode: true, passcodeMode: 'per-invitee' }, SETTINGS, POLICY);
const [ana, bo] = security.roster!.invitees as [NonNullable<typeof security.roster>['invitees'][number], NonNullable<typeof security.roster>['invitees'][number]];
const messages = personalMessages(m, security, SETTINGS);

/** An ItemPort with only sessionData (what the flow uses), in memory. */
function memoryPort(): ItemPort & { data: Map<string, string>; opened: string[] } {
  const data = new Map<string, string>();
  const opened: string[] = [];
  const port: Pick<ItemPort, 'getSessionData' | 'setSessionData' | 'openMessage'> = {
    getSessionData: async (k) => data.get(k) ?? null,
    setSessionData: async (k, v) => {
      data.set(k, v);
      return true;
    },
    openMessage: async (to) => void opened.push(to.email),
  };
  return Object.assign(port as ItemPort, { data, opened });
}

/** A fetch answering in turn with `statuses` (then 202), recording each request. */
function graph(statuses: Array<[number, Record<string, string>?, string?]>) {
  const calls: Array<{ url: string; auth: string; body: { message: { toRecipients: Array<{ emailAddress: { address: string } }>; body: { content: string } } } }> = [];
  const fetch: ProvisionFetch = async (url, init) => {
    calls.push({ url, auth: init.headers.authorization ?? '', body: JSON.parse(init.body ?? '{}') });
    const [status, headers = {}, text = ''] = statuses.shift() ?? [202];
    return { status, headers: { get: (n: string) => headers[n.toLowerCase()] ?? null }, text: async () => text };
  };
  return { fetch, calls };
}
const tokens = { token: async () => 'graph-token' };

describe('Graph sendMail (documented shape and answers)', () => {
  it('sends plain text to the invitee alone, kept in Sent Items', () => {
    const body = JSON.parse(sendMailBody(messages[0]!));
    expect(body).toEqual({
      message: { subject: messages[0]!.subject, body: { contentType: 'Text', content: messages[0]!.text }, toRecipients: [{ emailAddress: { address: 'ana@example.com', name: 'Ana <b>Lima</b>' } }] },
      saveToSentItems: true,
    });
  });
  it('reads 202, 429 with Retry-After, 401/403 (a refusal: open the messages instead) and others', () => {
    expect(sendMailOutcome(202, null, '')).toEqual({ state: 'delivered' });
    expect(sendMailOutcome(429, '7', '')).toMatchObject({ state: 'throttled', retryAfterSeconds: 7 });
    expect(retryAfterSeconds(null)).toBe(5);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:00 GMT')).toBe(5);
    expect(sendMailOutcome(403, null, '{"error":{"code":"ErrorAccessDenied","message":"Access is denied."}}')).toEqual({ state: 'failed', refused: true, message: 'Microsoft 365 did not let SecureJoin send mail as you (403: Access is denied.).' });
    expect(sendMailOutcome(0, null, 'Failed to fetch')).toMatchObject({ state: 'failed', refused: false });
    expect(sendMailOutcome(503, null, 'x')).toMatchObject({ state: 'failed', refused: false, message: 'Microsoft 365 answered 503; try again.' });
  });
});

describe('delivery record', () => {
  it('counts a message for the codes it carried: new codes make it undelivered', () => {
    const record = withDelivery(NO_DELIVERIES, ana, 1000);
    expect(wasDelivered(record, ana)).toBe(true);
    expect(undelivered(security, record).map((i) => i.email)).toEqual(['bo@example.com']);
    expect(wasDelivered(record, { ...ana, alias: 'another0alias0here00' })).toBe(false);
    expect(parseDeliveries(JSON.stringify(record))).toEqual(record);
    expect(parseDeliveries('{"version":1,"invitees":{"a":1}}')).toEqual(NO_DELIVERIES);
    expect(parseDeliveries('not json')).toEqual(NO_DELIVERIES);
  });
  it('warns at Send only once messages went out and someone has none, naming them and the button', () => {
    expect(deliveryWarning(security, NO_DELIVERIES)).toBeNull();
    expect(deliveryWarning(security, withDelivery(withDelivery(NO_DELIVERIES, ana, 1), bo, 1))).toBeNull();
    const warning = deliveryWarning(security, withDelivery(NO_DELIVERIES, ana, 1)) as string;
    expect(warning).toBe('SecureJoin: Bo Chen has no personal message with their link and passcode yet, so they cannot join. Open SecureJoin and press "Send personal messages", then send again.');
    expect(deliveryWarning({ ...security, passcodeMode: 'shared' }, withDelivery(NO_DELIVERIES, ana, 1))).toBeNull();
  });
});

describe('sending personal messages', () => {
  it('sends each invitee their own message with the token, records each at once, and retries a short 429 once', async () => {
    const port = memoryPort();
    const { fetch, calls } = graph([[429, { 'retry-after': '2' }]]);
    const waits: number[] = [];
    const run = await sendPersonalMessages(port, { fetch, tokens, root: 'https://graph.example/v1.0', now: () => 5, wait: async (ms) => void waits.push(ms) }, security, messages);
    expect(run).toEqual({ state: 'sent', results: [{ email: 'ana@example.com', state: 'delivered' }, { email: 'bo@example.com', state: 'delivered' }] });
    expect(waits).toEqual([2000]);
    expect(calls.map((c) => [c.url, c.auth, c.body.message.toRecipients[0]?.emailAddress.address])).toEqual([
      ['https://graph.example/v1.0/me/sendMail', 'Bearer graph-token', 'ana@example.com'],
      ['https://graph.example/v1.0/me/sendMail', 'Bearer graph-token', 'ana@example.com'],
      ['https://graph.example/v1.0/me/sendMail', 'Bearer graph-token', 'bo@example.com'],
    ]);
    expect(calls[2]?.body.message.body.content).toContain(bo.passcode);
    expect(calls[2]?.body.message.body.content).not.toContain(ana.passcode);
    expect(undelivered(security, parseDeliveries(port.data.get('securejoin.delivered') ?? null))).toEqual([]);
  });
  it('reports a long 429 per invitee without waiting, and sends only the missing ones next time', async () => {
    const port = memoryPort();
    const { fetch } = graph([[202], [429, { 'retry-after': '120' }]]);
    const out = await deliverPersonalMessages(port, { fetch, tokens, root: 'https://g/v1.0', now: () => 1, wait: async () => expect.fail('no wait') }, security, messages);
    expect(out.text).toBe('1 of 2 personal messages sent; 1 failed (see the list).');
    expect(out.results[1]).toMatchObject({ email: 'bo@example.com', state: 'throttled', retryAfterSeconds: 120 });
    const again = graph([]);
    expect((await deliverPersonalMessages(port, { fetch: again.fetch, tokens, root: 'https://g/v1.0', now: () => 2 }, security, messages)).text).toBe('1 personal message sent.');
    expect(again.calls.map((c) => c.body.message.toRecipients[0]?.emailAddress.address)).toEqual(['bo@example.com']);
  });
  it('without Graph (no token, or a refusal) opens the prefilled messages instead', async () => {
    const port = memoryPort();
    const noToken = await deliverPersonalMessages(port, { fetch: graph([]).fetch, tokens: { token: async () => Promise.reject(new Error('no consent')) }, root: 'https://g', now: () => 1 }, security, messages);
    expect(noToken.text).toMatch(/SecureJoin opened 2 prefilled messages instead: send each one\.$/);
    expect(port.opened).toEqual(['ana@example.com', 'bo@example.com']);
    const refused = memoryPort();
    const out = await deliverPersonalMessages(refused, { fetch: graph([[403]]).fetch, tokens, root: 'https://g', now: () => 1 }, security, messages);
    expect(out.text).toMatch(/^Microsoft 365 did not let SecureJoin send mail as you \(403\)\. SecureJoin opened 2 prefilled messages/);
    expect(refused.opened).toEqual(['ana@example.com', 'bo@example.com']);
  });
});
