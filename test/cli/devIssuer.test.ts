import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startDevIssuerServer, isLoopbackHost } from '../../cli/devIssuerServer';
import type { DevIssuerServer } from '../../cli/devIssuerServer';
import { devIssuerInstructions } from '../../cli/devIssuerCommand';
import { serviceOptions } from '../../cli/serviceCommand';
import { startMeetingService } from '../../service';
import { createAuthenticator } from '../../service/auth/verifier';
import { DEFAULT_ADMIN_ROLE, DEFAULT_SCOPE } from '../../service/options';
import type { MeetingService, MeetingServiceOptions } from '../../service';
import { LOCAL_AUTH } from '../../service/auth/localAuth';
import { runIn } from './support';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function token(tokenUrl: string, username = 'olga@example.com', extra: Record<string, unknown> = {}): Promise<string> {
  const res = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, ...extra }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** The `securejoin service` command the instructions print, as arguments (the line continuation joined). */
function printedServiceArgs(text: string): string[] {
  const command = /npx securejoin service (.*?)\n\n/s.exec(text)?.[1];
  if (!command) throw new Error(`no service command in:\n${text}`);
  return command.replace(/\\\n\s*/g, ' ').trim().split(/\s+/);
}

/** Starts the service exactly as the printed command configures it (port 0, database in memory). */
async function serviceFromInstructions(text: string): Promise<MeetingService> {
  const opts = serviceOptions(printedServiceArgs(text), {}) as MeetingServiceOptions;
  const service = await startMeetingService({ ...opts, port: 0, dataDir: null, logLevel: 'silent' });
  cleanups.push(() => service.close());
  return service;
}

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', '::ffff:127.0.0.1'])('%s is loopback', (host) => expect(isLoopbackHost(host)).toBe(true));
  it.each(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.com', 'localhost.example.com', '128.0.0.1', ''])('%s is not', (host) => expect(isLoopbackHost(host)).toBe(false));
});

describe('the local token issuer', () => {
  it('refuses to listen anywhere but loopback', async () => {
    for (const host of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      await expect(startDevIssuerServer({ host, port: 0 })).rejects.toThrow(/is not a loopback address/);
    }
  });

  it('issues tokens that the meeting service, started as its instructions say, accepts', async () => {
    const issuer: DevIssuerServer = await startDevIssuerServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => issuer.close());
    expect(issuer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dev-issuer$/);
    // The service first: its start takes seconds, longer than the issuer keeps an idle connection,
    // and a request sent on a connection the server is just closing fails with ECONNRESET.
    const service = await serviceFromInstructions(devIssuerInstructions(issuer));
    const jwks = (await (await fetch(issuer.jwksUrl)).json()) as { keys: Array<{ kty: string; d?: string }> };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.d).toBeUndefined(); // the public half only
    const bearer = await token(issuer.tokenUrl);
    const signedIn = await fetch(`${service.url}/api/v1/meetings`, { headers: { authorization: `Bearer ${bearer}` } });
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ meetings: [] });
    expect((await fetch(`${service.url}/api/v1/meetings`)).status).toBe(401);
    // An Office SSO-shaped token (classic Outlook's event runtime): the add-in app's audience and access_as_user.
    const sso = await token(issuer.tokenUrl, 'olga@example.com', { for: 'office-sso' });
    expect(JSON.parse(Buffer.from(sso.split('.')[1] as string, 'base64url').toString())).toMatchObject({ aud: LOCAL_AUTH.clientId, scp: 'access_as_user' });
    expect((await fetch(`${service.url}/api/v1/meetings`, { headers: { authorization: `Bearer ${sso}` } })).status).toBe(200);
    // A token from another issuer run (another key pair) is refused.
    const other = await startDevIssuerServer({ host: '127.0.0.1', port: 0 });
    cleanups.push(() => other.close());
    expect((await fetch(`${service.url}/api/v1/meetings`, { headers: { authorization: `Bearer ${await token(other.tokenUrl)}` } })).status).toBe(401);
    // A real service start (embedded PGlite) takes ~20 s on this loaded 2-core machine: the timeout is a hang detector.
  }, 90_000);

  it('answers 404 elsewhere and refuses bad token requests', async () => {
    const issuer = await startDevIssuerServer({ host: 'localhost', port: 0 });
    cleanups.push(() => issuer.close());
    expect((await fetch(issuer.url.replace('/dev-issuer', '/'))).status).toBe(404);
    expect((await fetch(issuer.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"not an email"}' })).status).toBe(400);
    expect((await fetch(issuer.tokenUrl, { method: 'POST', body: 'username=olga@example.com' })).status).toBe(415);
    expect((await fetch(issuer.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"olga@example.com","for":"graph"}' })).status).toBe(400);
  });
});

describe('securejoin dev-issuer', () => {
  it('refuses a non-loopback --host and a bad --port on the command line (exit 2)', () => {
    expect(runIn({}, 'dev-issuer', '--host', '0.0.0.0')).toMatchObject({ code: 2, stderr: expect.stringContaining('--host 0.0.0.0 is not a loopback address') });
    expect(runIn({}, 'dev-issuer', '--host', '192.168.1.10')).toMatchObject({ code: 2 });
    expect(runIn({}, 'dev-issuer', '--port', '70000')).toMatchObject({ code: 2, stderr: expect.stringContaining('--port must be a whole number from 0 to 65535') });
    expect(runIn({}, 'dev-issuer', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('loopback only') });
  });

  it('runs as a process, prints how to use it, serves its keys and stops on SIGTERM', async () => {
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['bin/securejoin.js', 'dev-issuer', '--port', '0'], { cwd: process.cwd() });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no instructions within 20 s; stderr: ${stderr}`)), 20_000);
      child.stdout.on('data', (c: Buffer) => {
        stdout += c.toString();
        if (stdout.includes('/api/v1/meetings')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const jwksUrl = /--jwks-url (\S+)/.exec(stdout)?.[1] ?? '';
    expect(jwksUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dev-issuer\/jwks\.json$/);
    expect(((await (await fetch(jwksUrl)).json()) as { keys: unknown[] }).keys).toHaveLength(1);
    const tokenUrl = jwksUrl.replace('jwks.json', 'token');
    expect(stdout).toContain(tokenUrl);
    // The service's own token check, configured by the printed command, accepts the token (the
    // whole service against an issuer is the test above: one PGlite start is enough on 2 cores).
    const opts = serviceOptions(printedServiceArgs(stdout), {}) as MeetingServiceOptions;
    // As service/index.ts builds it: the options, defaults filled.
    const authenticate = createAuthenticator({ ...opts.auth, scope: opts.auth.scope ?? DEFAULT_SCOPE, adminRole: opts.auth.adminRole ?? DEFAULT_ADMIN_ROLE });
    expect(await authenticate(`Bearer ${await token(tokenUrl, 'bo@example.com')}`)).toMatchObject({ ok: true });
    expect(await authenticate('Bearer not-a-token')).toMatchObject({ ok: false });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('dev-issuer: SIGTERM, stopping');
  });
});
