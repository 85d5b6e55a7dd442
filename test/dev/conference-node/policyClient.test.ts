/**
 * The node's policy client as an HTTP client: what goes over the wire (GET, path, query, Basic
 * credentials, no redirects) and that every failure (timeout, unreachable, redirect, bad JSON)
 * means "default behaviour". A loopback server records what the client sent.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPolicyClient } from '../../../dev/conference-node/policyClient';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((ok) => (server ? server.close(() => ok()) : ok()));
  server = undefined;
});

/** A loopback server answering with `answer`; returns its origin and the requests it saw. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ url: string; seen: IncomingMessage[] }> {
  const seen: IncomingMessage[] = [];
  server = createServer((req, res) => {
    seen.push(req);
    answer(req, res);
  });
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('policy client', () => {
  it('sends GET <url>/policy/v1/service/configuration with the query and HTTP Basic credentials', async () => {
    const { url, seen } = await serve(json(200, { status: 'success', action: 'continue', result: { service_type: 'conference', name: 'n', service_tag: 't', pin: '1234' } }));
    const client = createPolicyClient({ url: `${url}/`, username: 'node', password: 'pä:ss' });
    const out = await client.serviceConfiguration({ local_alias: 'abc', remote_display_name: 'Ana Lima' });
    expect(out).toMatchObject({ kind: 'conference', conference: { name: 'n', hostPin: '1234' } });
    const req = seen[0]!;
    expect(req.method).toBe('GET');
    const target = new URL(req.url ?? '', url);
    expect(target.pathname).toBe('/policy/v1/service/configuration');
    expect(Object.fromEntries(target.searchParams)).toEqual({ local_alias: 'abc', remote_display_name: 'Ana Lima' });
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('node:pä:ss').toString('base64')}`);
  });

  it('keeps a path prefix of the profile URL and asks participant properties under it', async () => {
    const { url, seen } = await serve(json(200, { status: 'success', action: 'continue', result: { remote_display_name: 'Ana Lima (2)' } }));
    const client = createPolicyClient({ url: `${url}/infinity`, username: 'u', password: 'p' });
    expect(await client.participantProperties({ participant_uuid: 'x' })).toEqual({ kind: 'name', displayName: 'Ana Lima (2)' });
    expect(new URL(seen[0]!.url ?? '', url).pathname).toBe('/infinity/policy/v1/participant/properties');
  });

  it('gives up after the timeout (Infinity: 5 s) and falls back', async () => {
    const { url } = await serve(() => undefined); // never answers
    const client = createPolicyClient({ url, username: 'u', password: 'p', timeoutMs: 200 });
    const started = Date.now();
    expect(await client.serviceConfiguration({ local_alias: 'a' })).toMatchObject({ kind: 'fallback' });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('does not follow redirects, and treats bad JSON, 401 and an unreachable server as default behaviour', async () => {
    const { url } = await serve((req, res) => {
      if (req.url?.includes('redirect')) return void res.writeHead(302, { location: '/elsewhere' }).end();
      if (req.url?.includes('garbage')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{oops');
      res.writeHead(401).end();
    });
    const client = createPolicyClient({ url, username: 'u', password: 'p' });
    expect(await client.serviceConfiguration({ local_alias: 'redirect' })).toEqual({ kind: 'fallback', why: 'HTTP 302' });
    expect(await client.serviceConfiguration({ local_alias: 'garbage' })).toEqual({ kind: 'fallback', why: 'not a policy answer' });
    expect(await client.serviceConfiguration({ local_alias: 'x' })).toEqual({ kind: 'fallback', why: 'HTTP 401' });
    const closed = createPolicyClient({ url: 'http://127.0.0.1:1', username: 'u', password: 'p' });
    expect(await closed.serviceConfiguration({ local_alias: 'x' })).toMatchObject({ kind: 'fallback' });
    expect(await closed.participantProperties({ participant_uuid: 'x' })).toEqual({ kind: 'default' });
  });

  it('refuses a non-http URL and missing credentials', () => {
    expect(() => createPolicyClient({ url: 'ftp://x', username: 'u', password: 'p' })).toThrow(/http\(s\)/);
    expect(() => createPolicyClient({ url: 'nonsense', username: 'u', password: 'p' })).toThrow(/http\(s\) URL/);
    expect(() => createPolicyClient({ url: 'http://127.0.0.1:1', username: '', password: 'p' })).toThrow(/username and password/);
  });
});
