/**
 * `securejoin service` flags for production serving: the built Outlook add-in at the service's
 * public URL, origins allowed to frame it, and the credentials of `/metrics`. Kept apart from
 * serviceCommand.ts, which holds the meeting service's own flags.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePolicyJson } from '../core/policy';
import type { MeetingServiceOptions } from '../service';
import { InputError, UsageError } from './errors';
import { readText } from './io';

/**
 * The production add-in build: `dist/addin` in the package. This file runs from `cli/` (tsx) or
 * bundled as `dist/securejoin.js`: both are one folder below the package, so one path fits both.
 */
export const DEFAULT_ADDIN_DIR = fileURLToPath(new URL('../dist/addin', import.meta.url));

export const SERVE_FLAGS = {
  'public-url': { type: 'string' },
  'addin-dir': { type: 'string' },
  'frame-ancestor': { type: 'string', multiple: true },
  'metrics-username': { type: 'string' },
  'metrics-password': { type: 'string' },
} as const;

export const SERVE_HELP = `Outlook add-in (served at the root of the service: /taskpane.html, /manifest.xml, ...):
  --public-url URL       the https origin Outlook reaches this service at (SECUREJOIN_PUBLIC_URL);
                         with it the service serves the add-in built by npm run build, for that URL,
                         and the --admin-policy file (required with it) as /policy.json for the add-in
  --addin-dir DIR        the add-in build (SECUREJOIN_ADDIN_DIR; default ${DEFAULT_ADDIN_DIR})
  --frame-ancestor ORIGIN  an origin that may frame the add-in besides Outlook on the web's own
                         (an on-premises Outlook on the web); repeatable
Metrics (GET /metrics, Prometheus text format, HTTP Basic; without both values the route is 404):
  --metrics-username U   (SECUREJOIN_METRICS_USERNAME)
  --metrics-password P   (SECUREJOIN_METRICS_PASSWORD; prefer the variable)
`;

type ServeValues = { [K in keyof typeof SERVE_FLAGS]?: (typeof SERVE_FLAGS)[K] extends { multiple: true } ? string[] : string } & { 'admin-policy'?: string };
type Env = Record<string, string | undefined>;

/** An https origin (http on loopback only, for tests), without path, query or credentials. */
function originOption(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${name} must be a URL like https://securejoin.example.com, got "${value}"`, 'service');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new UsageError(`${name} must be https (Outlook loads add-ins only over https)`, 'service');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new UsageError(`${name} must be an origin only (scheme, host, port), got "${value}"`, 'service');
  }
  return url.origin;
}

/** HTTP Basic credentials from `--<flag>-username`/`--<flag>-password` (both or neither). @throws UsageError */
export function credentialPair(user: string | undefined, password: string | undefined, flag: string): { username: string; password: string } | undefined {
  if (Boolean(user) !== Boolean(password)) throw new UsageError(`--${flag}-username and --${flag}-password (or their variables) go together`, 'service');
  if (user?.includes(':')) throw new UsageError(`--${flag}-username must not contain ":" (HTTP Basic separates it from the password with one)`, 'service');
  return user && password ? { username: user, password } : undefined;
}

/** The serving options from flags and environment. @throws UsageError naming the flag, InputError naming a policy's problems. */
export function serveOptions(values: ServeValues, env: Env, cwd: string): Pick<MeetingServiceOptions, 'addin' | 'frameAncestors' | 'metrics'> {
  const publicUrl = values['public-url'] ?? env.SECUREJOIN_PUBLIC_URL;
  // One policy file: the one the service enforces on every write is the one the add-in reads.
  const policyFile = values['admin-policy'] ?? env.SECUREJOIN_ADMIN_POLICY;
  const dir = values['addin-dir'] ?? env.SECUREJOIN_ADDIN_DIR;
  if (!publicUrl && dir) throw new UsageError('--addin-dir needs --public-url (or SECUREJOIN_PUBLIC_URL)', 'service');
  let addin: MeetingServiceOptions['addin'];
  if (publicUrl) {
    const origin = originOption(publicUrl, '--public-url');
    if (!policyFile) throw new UsageError('--public-url needs --admin-policy FILE (or SECUREJOIN_ADMIN_POLICY): the policy the service enforces, served as the add-in\'s policy.json', 'service');
    const policyText = readText(resolve(cwd, policyFile), 'policy');
    const parsed = parsePolicyJson(policyText);
    if (!parsed.ok) throw new InputError(`${policyFile} is not a valid policy:\n${parsed.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    addin = { dir: dir ? resolve(cwd, dir) : DEFAULT_ADDIN_DIR, publicUrl: origin, policyText };
  }
  const frameAncestors = (values['frame-ancestor'] ?? []).map((o) => originOption(o, '--frame-ancestor'));
  const metrics = credentialPair(values['metrics-username'] ?? env.SECUREJOIN_METRICS_USERNAME, values['metrics-password'] ?? env.SECUREJOIN_METRICS_PASSWORD, 'metrics');
  return { ...(addin ? { addin } : {}), ...(frameAncestors.length > 0 ? { frameAncestors } : {}), ...(metrics ? { metrics } : {}) };
}
