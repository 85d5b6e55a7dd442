/**
 * `securejoin dev-issuer`: runs the local token issuer on loopback until SIGTERM/SIGINT and
 * prints how to start the meeting service against it and how to get a token. For trying the
 * service alone on a laptop; never for a deployment (it signs a token for any name).
 */
import { DEFAULT_PORT as SERVICE_PORT } from '../service/options';
import { LOCAL_AUDIENCES, LOCAL_AUTH, LOCAL_SCOPES } from '../service/auth/localAuth';
import { intOption, parseOptions } from './args';
import { EXIT, UsageError } from './errors';
import type { CliIo } from './io';
import { isLoopbackHost, startDevIssuerServer } from './devIssuerServer';
import type { DevIssuerServer } from './devIssuerServer';

/** The issuer's default port (the service's is 8444, the reference node's 8443). */
export const DEFAULT_DEV_ISSUER_PORT = 8445;

export const DEV_ISSUER_HELP = `Usage: securejoin dev-issuer [--port N] [--host H]

Runs a local token issuer (development only) so "securejoin service" can be tried without
Entra ID. It signs a token for any user name, so it listens on loopback only: --host must be
127.0.0.1 (default), ::1 or localhost; any other address is refused. Stops on Ctrl-C or SIGTERM.

  --port N   TCP port (default ${DEFAULT_DEV_ISSUER_PORT}; 0 picks a free one)
  --host H   loopback address to listen on (default 127.0.0.1)

It prints the "securejoin service" command that trusts it and a curl command for a token:
  POST /dev-issuer/token {"username":"olga@example.com"} -> {"access_token": ..., "expires_in": 3600}
       (add "for":"office-sso" for a token shaped like Office single sign-on's: audience the
       add-in's client id, scope access_as_user, as classic Outlook's event runtime sends)
  GET  /dev-issuer/jwks.json                               the keys the service checks tokens with
The key pair is new at every start: tokens from an earlier run are refused.
`;

/** What to do next, printed once the issuer listens. */
export function devIssuerInstructions(issuer: Pick<DevIssuerServer, 'url' | 'jwksUrl' | 'tokenUrl'>): string {
  const service = `http://127.0.0.1:${SERVICE_PORT}`;
  return [
    `Local token issuer (development only) on ${issuer.url}/ - loopback only; Ctrl-C stops it.`,
    '',
    'In another terminal, run the meeting service against it (embedded database in .data/service):',
    `  npx securejoin service --issuer ${LOCAL_AUTH.issuer} --audience ${LOCAL_AUDIENCES.join(',')} \\`,
    `    --scope ${LOCAL_SCOPES.join(',')} --tenant ${LOCAL_AUTH.tenant} --jwks-url ${issuer.jwksUrl}`,
    '',
    'Get a token (valid 1 hour) for an organizer, and call the service with it:',
    `  TOKEN=$(curl -s -X POST -H 'content-type: application/json' -d '{"username":"olga@example.com"}' ${issuer.tokenUrl} | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')`,
    `  curl -H "authorization: Bearer $TOKEN" ${service}/api/v1/meetings`,
    '',
  ].join('\n');
}

/** Starts the issuer and returns at once (the process then lives until a signal). */
export function devIssuerCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseOptions(args, { port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, 'dev-issuer');
  if (values.help) return io.out(DEV_ISSUER_HELP), EXIT.ok;
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, 'dev-issuer');
  const host = values.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new UsageError(`--host ${host} is not a loopback address: the local issuer signs tokens for anyone who asks, so it listens on 127.0.0.1, ::1 or localhost only`, 'dev-issuer');
  const port = intOption(values.port, '--port', 0, 65535, 'dev-issuer') ?? DEFAULT_DEV_ISSUER_PORT;
  startDevIssuerServer({ host, port }).then(
    (server) => {
      const stop = (signal: string): void => {
        io.err(`dev-issuer: ${signal}, stopping\n`);
        void server.close();
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      io.out(devIssuerInstructions(server));
    },
    (error: unknown) => {
      io.err(`securejoin dev-issuer: cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.input;
    },
  );
  return EXIT.ok;
}
