/**
 * Checks that the ports `npm start` will listen on are free before it prints or starts anything,
 * so a busy port ends the start with one sentence naming the flag to change, not with a bare
 * EADDRINUSE after the demo codes were printed.
 */
import { createServer } from 'node:net';

/** A port to check, and how the user changes it. */
export interface WantedPort {
  port: number;
  host: string;
  /** What listens there, e.g. "the Outlook add-in". */
  what: string;
  flag: string;
  envName: string;
}

/** The sentence for a port that cannot be used. */
export function portProblem(wanted: WantedPort, code: string | undefined): string {
  const change = `pick another with ${wanted.flag} N (or ${wanted.envName}=N; 0 = any free port)`;
  if (code === 'EADDRINUSE') return `Port ${wanted.port} for ${wanted.what} is in use on ${wanted.host}: stop what uses it, or ${change}.`;
  if (code === 'EACCES') return `Port ${wanted.port} for ${wanted.what} needs privileges on ${wanted.host}: ${change}.`;
  return `Port ${wanted.port} for ${wanted.what} cannot be used on ${wanted.host} (${code ?? 'unknown error'}): ${change}.`;
}

/** Binds and releases `port` on `host` the way the servers will; resolves with the error code, or null when free. */
function tryListen(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'unknown'));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(null)));
  });
}

/**
 * Every problem with the wanted ports (in use, not allowed, the same port twice), as sentences
 * naming the flags; empty when all can be used. Port 0 (any free port) always can.
 */
export async function portProblems(wanted: readonly WantedPort[]): Promise<string[]> {
  const problems: string[] = [];
  const fixed = wanted.filter((w) => w.port !== 0);
  for (const [i, w] of fixed.entries()) {
    const twin = fixed.slice(0, i).find((other) => other.port === w.port);
    if (twin) problems.push(`${twin.flag} and ${w.flag} are both ${w.port}: give ${w.what} another port with ${w.flag} N.`);
  }
  if (problems.length > 0) return problems;
  for (const w of fixed) {
    const code = await tryListen(w.port, w.host);
    if (code !== null) problems.push(portProblem(w, code));
  }
  return problems;
}

/** Whether an error is a listen failure on a port (a race with another program after the check). */
export function listenErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EADDRINUSE' || code === 'EACCES' ? code : undefined;
}
