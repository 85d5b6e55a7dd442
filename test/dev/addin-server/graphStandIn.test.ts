/** The Microsoft Graph stand-in (issue 22) over real HTTP on loopback: answers as Graph documents sendMail, records what it accepted. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphStandIn } from '../../../dev/addin-server/graphStandIn';

const graph = createGraphStandIn();
const server = createServer((req, res) => void graph.handle(new URL(req.url ?? '/', 'http://x').pathname, req, res).then((handled) => handled || (res.writeHead(418), res.end())));
let root = '';
beforeAll(async () => {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/v1.0`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const token = `x.${Buffer.from(JSON.stringify({ preferred_username: 'olga@example.com' })).toString('base64url')}.y`;
const mail = { message: { subject: 'Hi', body: { contentType: 'Text', content: 'Your passcode' }, toRecipients: [{ emailAddress: { address: 'ana@example.com', name: 'Ana' } }] }, saveToSentItems: true };
const post = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }) => fetch(`${root}/me/sendMail`, { method: 'POST', headers, body: JSON.stringify(body) });

describe('Graph stand-in', () => {
  it('202 with no body, and records the message with its sender', async () => {
    const res = await post(mail);
    expect(res.status).toBe(202);
    expect(await res.text()).toBe('');
    expect(graph.sent.at(-1)).toEqual({ from: 'olga@example.com', to: [{ address: 'ana@example.com', name: 'Ana' }], subject: 'Hi', contentType: 'Text', content: 'Your passcode', saveToSentItems: true });
  });
  it('401 without a token, 400 for a body Graph refuses, 429 with Retry-After while throttling, 404 elsewhere; nothing recorded', async () => {
    const before = graph.sent.length;
    expect((await post(mail, { 'content-type': 'application/json' })).status).toBe(401);
    const bad = await post({ message: { ...mail.message, toRecipients: [] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/toRecipients/);
    graph.throttle(1, 3);
    const throttled = await post(mail);
    expect([throttled.status, throttled.headers.get('retry-after')]).toEqual([429, '3']);
    expect((await fetch(`${root}/me/messages`)).status).toBe(404);
    expect(graph.sent.length).toBe(before);
    expect((await post(mail)).status).toBe(202);
  });
});
