/**
 * `npm start` as a supervisor sees it: a busy port ends the start with a sentence naming the flag
 * before anything is printed, and SIGTERM to the npm process leaves no process and no port behind.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyCodeLengths } from '../../core/policy/codeLengths';
import type { Policy } from '../../core/policy/schema';
import { validPolicyJson } from '../../core/policy/valid';

const wxtOut = mkdtempSync(join(tmpdir(), 'securejoin-start-wxt-'));
afterAll(() => rmSync(wxtOut, { recursive: true, force: true }));

/**
 * The environment without npm's variables, with the extension built into a temporary folder and
 * the meeting service on any free port with its database in a temporary folder.
 */
function env(): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD' && !k.startsWith('SECUREJOIN_')));
  return { ...clean, SECUREJOIN_WXT_OUT_DIR: wxtOut, SECUREJOIN_SERVICE_PORT: '0', SECUREJOIN_DATA_DIR: join(wxtOut, 'service-data') };
}

function listen(port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A port that was free a moment ago. */
async function freePort(host: string): Promise<number> {
  const server = await listen(0, host);
  const { port } = server.address() as { port: number };
  await close(server);
  return port;
}

/** Whether `port` can be bound on `host` now. */
const isFree = (port: number, host: string) => listen(port, host).then(close).then(() => true, () => false);

/** Live (not zombie) descendants of `pid`, from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state !== 'Z') parents.set(Number(entry), Number(ppid));
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parents) if (parent === p) out.push(child), walk(child);
  };
  walk(pid);
  return out;
}

const alive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').slice(-100).includes(') Z ');
  } catch {
    return false;
  }
};

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('npm start', () => {
  it('names the flag of a busy port and prints nothing else first', async () => {
    const busy = await listen(0, 'localhost');
    try {
      const port = (busy.address() as { port: number }).port;
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-browser', '--node-port', '0', '--addin-port', String(port)], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(`npm start: Port ${port} for the Outlook add-in is in use on localhost: stop what uses it, or pick another with --addin-port N (or SECUREJOIN_ADDIN_PORT=N; 0 = any free port).\n`);
    } finally {
      await close(busy);
    }
  });

  it('SIGTERM to the npm process stops every child and frees the ports', { timeout: 90_000 }, async () => {
    const nodePort = await freePort('127.0.0.1');
    const addinPort = await freePort('localhost');
    const npm = spawn('npm', ['start', '--', '--no-browser', '--node-port', String(nodePort), '--addin-port', String(addinPort), '--service-port', '0'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (c: Buffer) => (output += c.toString()));
    npm.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    expect(await until(() => output.includes(`Outlook add-in on https://localhost:${addinPort}`), 60_000), output).toBe(true);
    expect(await isFree(nodePort, '127.0.0.1')).toBe(false);
    expect(await isFree(addinPort, 'localhost')).toBe(false);
    // The node is configured with the service's policy API, and says so.
    const serviceUrl = /Meeting service on (\S+)/.exec(output)?.[1];
    expect(serviceUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(output).toContain(`Every other alias: asks the policy server ${serviceUrl} (/policy/v1/service/configuration)`);
    // The demo room obeys the policy everything runs under (examples/policy.json): the pane's code lengths.
    const demo = /host PIN (\d+), guest PIN (\d+), access code (\d+) .*\n\s+invitee passcodes (\d+) \(Ana Lima\) and (\d+)/.exec(output);
    const lengths = policyCodeLengths((validPolicyJson(readFileSync('examples/policy.json', 'utf8')) as Policy).organizer);
    expect(demo?.slice(1).map((code) => code.length), output).toEqual([lengths.pin, lengths.pin, lengths.accessCode, lengths.passcode, lengths.passcode]);
    expect(lengths).toEqual({ pin: 10, passcode: 10, accessCode: 9 });
    const tree = descendants(npm.pid as number);
    expect(tree.length).toBeGreaterThanOrEqual(2); // the shell npm runs the script in, and the start process (and its build)

    try {
      npm.kill('SIGTERM');
      await exited;
      expect(await until(() => tree.every((pid) => !alive(pid)), 15_000), `left running: ${tree.filter(alive).join(', ')}`).toBe(true);
      expect(await until(async () => (await isFree(nodePort, '127.0.0.1')) && (await isFree(addinPort, 'localhost')), 5_000)).toBe(true);
    } finally {
      for (const pid of tree.filter(alive)) process.kill(pid, 'SIGKILL'); // a failed run leaves nothing behind either
    }
  });
});
