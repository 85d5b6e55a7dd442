/** Two ways to run the CLI in tests: in-process (fast, for the many cases) and as the real child process. */
import { spawnSync } from 'node:child_process';
import { runCli } from '../../cli/run';

/** The real thing: a child process through the bin shim (each spawn costs ~300 ms, so few of these). */
export function spawnCli(...args: string[]) {
  return spawnCliWith({}, ...args);
}

/** {@link spawnCli} with options: the folder, extra environment (npm's variables are removed first) and stdin. */
export function spawnCliWith(opts: { cwd?: string; env?: Record<string, string>; input?: string | Buffer }, ...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD'));
  const result = spawnSync(process.execPath, [`${process.cwd()}/bin/securejoin.js`, ...args], {
    cwd: opts.cwd ?? process.cwd(),
    env: { ...env, ...opts.env },
    ...(opts.input !== undefined ? { input: opts.input } : {}),
    timeout: 20_000,
  });
  return { code: result.status, stdout: result.stdout.toString('utf8'), stdoutBytes: result.stdout, stderr: result.stderr.toString('utf8') };
}

/** In-process, same code path minus the process binding; stdout collected as text and bytes. */
export function runIn(opts: { cwd?: string; stdin?: string }, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const bytes: Uint8Array[] = [];
  const code = runCli(args, {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    outBytes: (b) => void bytes.push(b),
    ...(opts.cwd !== undefined ? { cwd: opts.cwd } : {}),
    ...(opts.stdin !== undefined ? { stdin: (max: number) => Buffer.from(opts.stdin ?? '').subarray(0, max + 1) } : {}),
  });
  const binary = Buffer.concat(bytes);
  return { code, stdout: stdout + (binary.length > 0 && binary[0] !== 0xff ? binary.toString('utf8') : ''), stderr, bytes: binary };
}
