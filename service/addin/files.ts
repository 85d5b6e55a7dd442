/**
 * The built Outlook add-in as the service serves it. `npm run build` builds it once, for a
 * placeholder origin ({@link ADDIN_PLACEHOLDER_URL}), into `dist/addin`; at start the service
 * reads that folder into memory and writes its own public URL where the placeholder stands
 * (manifest.xml, the event runtime's policy URL, the allowed-runtime list), so one build serves
 * any deployment. `policy.json` is the admin's file, given at start; the manifest's Office SSO
 * element follows it (manifestSso.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { withOfficeSso } from './manifestSso';

/** The origin the production build names; replaced by the service's public URL when served. */
export const ADDIN_PLACEHOLDER_URL = 'https://securejoin-service-url.invalid';

/** Files the add-in cannot work without: a folder lacking one is not an add-in build. */
const REQUIRED = ['taskpane.html', 'taskpane.js', 'commands.html', 'commands.js', 'runtime.js', 'manifest.xml'];

/** Content types of the add-in's files (the development server serves the same, plus source maps). */
export const ADDIN_CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};
const TEXT = new Set(['.html', '.js', '.css', '.json', '.xml']);

/** One file ready to send. */
export interface AddinFile {
  body: Buffer;
  type: string;
  /** Strong validator: a hash of the body as served. */
  etag: string;
  /** Hashed names (`chunks/<name>-<HASH>.js`) never change content: cached for a year. */
  immutable: boolean;
}

/** `chunks/msalTokenSource-1A2B3C4D.js`: the build puts a content hash in every chunk's name. */
const HASHED = /^chunks\/[^/]+-[0-9A-Za-z]{8}\.js$/;

function walk(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Reads the add-in folder and makes it the add-in at `publicUrl` (an https origin) with
 * `policyText` as its policy.json. @throws Error naming the folder and the missing file.
 */
export function loadAddinFiles(dir: string, publicUrl: string, policyText: string): Map<string, AddinFile> {
  if (!existsSync(dir)) throw new Error(`the add-in folder ${dir} does not exist (run npm run build, or give --addin-dir)`);
  const missing = REQUIRED.filter((name) => !existsSync(join(dir, name)));
  if (missing.length > 0) throw new Error(`the add-in folder ${dir} is not an add-in build: ${missing.join(', ')} missing`);
  const files = new Map<string, AddinFile>();
  const put = (name: string, body: Buffer): void => {
    const ext = extname(name);
    files.set(name, {
      body,
      type: ADDIN_CONTENT_TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      immutable: HASHED.test(name),
    });
  };
  for (const name of walk(dir)) {
    const raw = readFileSync(join(dir, name));
    const ext = extname(name);
    const text = TEXT.has(ext) ? raw.toString('utf8').replaceAll(ADDIN_PLACEHOLDER_URL, publicUrl) : null;
    // The manifest's single sign-on element names the admin's app registration and this host.
    put(name, text === null ? raw : Buffer.from(name === 'manifest.xml' ? withOfficeSso(text, policyText, publicUrl) : text));
  }
  put('policy.json', Buffer.from(policyText));
  return files;
}
