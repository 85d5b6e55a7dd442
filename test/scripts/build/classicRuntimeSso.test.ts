/**
 * Classic Outlook on Windows end to end, with Office single sign-on: the BUILT commands.js (no
 * MSAL in it) runs in a Node `vm` context with no DOM, over the playground's fake Office built
 * into that same context (so its Dates and errors are the runtime's own, as office.js's are),
 * whose `Office.auth.getAccessToken` gives tokens from the local issuer shaped like Office SSO's
 * (the add-in's client id as audience, `access_as_user`), against a real meeting service on
 * 127.0.0.1 (PGlite) that lists that audience and scope beside its API's. The new-appointment
 * handler registers the meeting with the SSO token; without sign-in to Office (13001) every
 * handler still completes, with the plain words, and the send is refused with them.
 * (Beside outlookAddin.test.ts, which checks the file's shape: this one runs it.)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleDevIssuer } from '../../../cli/devIssuerRoutes';
import { fetchDevSsoToken } from '../../../dev/outlook-playground/devTokens';
import { createPlaygroundHost } from '../../../dev/outlook-playground/hostState';
import type { PlaygroundHost, PlaygroundItem } from '../../../dev/outlook-playground/hostState';
import { playgroundItem } from '../../support/playgroundItem';
import { buildClassicRuntime } from '../../../scripts/build/outlookAddin';
import { LOCAL_AUTH } from '../../../service/auth/localAuth';
import { startTestStack } from '../../outlook-addin/support/meetingService';
import type { TestStack } from '../../outlook-addin/support/meetingService';

const START = Date.UTC(2031, 4, 6, 8, 0);
const item = (): PlaygroundItem => playgroundItem({ subject: 'Board review', start: START, end: START + 3_600_000 });

let stack: TestStack;
let origin: string;
let closeServer: () => Promise<void>;
let classic: string;
let fakeOfficeScript: string;
/** The tokens Office SSO handed out, to check their shape. */
const handedOut: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ node: false });
  // What the add-in's host serves: policy.json (naming the service) and the local issuer's routes.
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/policy.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(stack.policyText);
    void handleDevIssuer(stack.issuer, path, req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeServer = () => new Promise<void>((ok) => server.close(() => ok()));
  // The fake office.js for a JS-only runtime: the playground's fake over a host handed in.
  const fake = await build({
    stdin: {
      contents: "import { createFakeOffice } from './fakeOffice';\nconst g = globalThis;\ng.Office = createFakeOffice(g.__playgroundHost, { accessToken: g.__ssoToken });\n",
      resolveDir: join(process.cwd(), 'dev', 'outlook-playground'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    logLevel: 'silent',
  });
  fakeOfficeScript = fake.outputFiles[0]?.text ?? '';
  classic = await buildClassicRuntime(`${origin}/policy.json`);
}, 120_000);

afterAll(async () => {
  await closeServer?.();
  await stack?.close();
});

/** commands.js loaded as classic Outlook loads it: a context with no DOM and no window, Office first. */
function loadClassic(host: PlaygroundHost): { logged: string[] } {
  const logged: string[] = [];
  const context = createContext({
    __playgroundHost: host,
    __ssoToken: async () => {
      const token = await fetchDevSsoToken(origin, host);
      handedOut.push(token);
      return token;
    },
    console: { error: (...args: unknown[]) => logged.push(args.map(String).join(' ')), log: () => undefined, warn: () => undefined, info: () => undefined },
    fetch,
    setTimeout,
    clearTimeout,
    crypto,
    URL,
    TextEncoder,
    TextDecoder,
  });
  runInContext(fakeOfficeScript, context);
  runInContext(classic, context);
  return { logged };
}

const claimsOf = (token: string): Record<string, unknown> => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
const NOT_FINISHED = /did not finish/;

describe('classic commands.js with Office SSO against a real meeting service', () => {
  it('registers a new meeting with the SSO token, writes the minted aliases, and lets the invite go', async () => {
    const host = createPlaygroundHost(item(), { launchTimeoutMs: 30_000 });
    const { logged } = loadClassic(host);
    const created = await host.action('onNewAppointmentOrganizer')!({ type: 'newAppointmentOrganizer' });
    expect(created.errorMessage ?? '').not.toMatch(NOT_FINISHED);
    expect(logged).toEqual([]);
    // The token came from Office SSO: the add-in's app as audience, its access_as_user scope.
    expect(handedOut.length).toBeGreaterThan(0);
    expect(claimsOf(handedOut[0] as string)).toMatchObject({ aud: LOCAL_AUTH.clientId, scp: LOCAL_AUTH.ssoScope, preferred_username: 'olga@example.com' });
    // The block shows the alias the service minted and holds.
    const body = host.readItem().bodyHtml;
    const alias = /meet\.example\.com\/webapp3\/m\/([^"?&<\s/]+)/.exec(body)?.[1] ?? /conference=([^"&<\s]+)/.exec(body)?.[1];
    expect(alias, 'a join link in the block').toBeTruthy();
    expect(await stack.storedRoom(decodeURIComponent(alias as string))).not.toBeNull();
    const sent = await host.action('onAppointmentSend')!({ type: 'appointmentSend' });
    expect(sent).toEqual({ allowEvent: true });
  }, 60_000);

  it('without sign-in to Office (13001) completes every handler, logs the plain words and refuses the send with them', async () => {
    const host = createPlaygroundHost(item(), { launchTimeoutMs: 30_000, signIn: 'refused' });
    const { logged } = loadClassic(host);
    const created = await host.action('onNewAppointmentOrganizer')!({ type: 'newAppointmentOrganizer' });
    expect(created.errorMessage ?? '').not.toMatch(NOT_FINISHED);
    expect(logged.join('\n')).toMatch(/onNewAppointmentOrganizer: You are not signed in to Office, so SecureJoin cannot sign in to its meeting service here/);
    const sent = await host.action('onAppointmentSend')!({ type: 'appointmentSend' });
    expect(sent.allowEvent).toBe(false);
    expect(sent.errorMessage).toMatch(/You are not signed in to Office, so SecureJoin cannot sign in to its meeting service here\. Open SecureJoin and press "Sign in to the meeting service", then send again\./);
    expect(sent.errorMessage).not.toMatch(NOT_FINISHED);
  }, 60_000);
});
