/**
 * Builds the Outlook add-in into a folder:
 * - `taskpane.html` + `taskpane.js` (+ `taskpane.css`, `chunks/`): the Preact task pane (browser,
 *   ES2020; the sign-in library is a chunk loaded only when the policy names a meeting service);
 * - `commands.html` + `runtime.js` (an ES module; the sign-in library in `chunks/`): the event
 *   runtime page for web, new Outlook and Mac;
 * - `commands.js`: the same handlers as ONE classic script for classic Outlook on Windows
 *   (ES2016, IIFE, no imports: its JS runtime loads no modules and no Office.onReady), signing in
 *   with Office SSO (`Office.auth.getAccessToken`) instead of MSAL;
 * - `manifest.xml` for the host URL, `policy.json` (default examples/policy.json), icons, and
 *   `.well-known/microsoft-officeaddins-allowed.json` naming the JS runtime file.
 * Run `tsx scripts/build/outlookAddin.ts --root-manifest` to rewrite the committed root manifest.xml.
 */
import { build, transform } from 'esbuild';
import type { BuildOptions, Plugin } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { ADDIN_FILES, normaliseHostUrl, renderManifest } from '../../outlook-addin/manifest/render';
import type { ManifestOptions } from '../../outlook-addin/manifest/render';
import { domAnchorReaderEsbuild } from '../domAnchorReader';
import { parsePolicyJson } from '../../core/policy';
import { compactEntityDecoder, HTMLPARSER2_TOKENIZER } from './entitiesDecode';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The add-in's sources. */
const ADDIN = join(ROOT, 'outlook-addin');
/** Host URL of the committed root manifest.xml (development sideloading). */
export const ROOT_MANIFEST_HOST = 'https://localhost:3000';
/** Where the committed root manifest lives. */
export const ROOT_MANIFEST_PATH = join(ROOT, 'manifest.xml');
/** esbuild target of the classic-Windows runtime file. */
export const CLASSIC_TARGET = 'es2016';

/** Options for {@link buildAddin}. */
export interface BuildAddinOptions {
  /** Where the add-in is served (https; http only on loopback). */
  hostUrl: string;
  id?: ManifestOptions['id'];
  version?: ManifestOptions['version'];
  /** policy.json to ship beside the add-in; default examples/policy.json. */
  policyText?: string;
  /** Minify the scripts; default true. */
  minify?: boolean;
}

/** What {@link buildAddin} wrote: file name -> size in bytes, and parts skipped (with why). */
export interface BuildAddinResult {
  files: Record<string, number>;
  skipped: string[];
}

/**
 * zod's namespaces (classic `z` and `zod/mini`'s `locales`) re-export every error-message locale
 * (~260 KB minified). The add-in's code uses zod/mini's functions, which esbuild tree-shakes, but
 * should any import pull the namespace in, only English may come with it: the locales index is
 * replaced by English alone.
 */
export const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * htmlparser2's tokenizer alone, for the classic-Windows file, which reads invite HTML with it
 * (core/html/readAnchors.ts). htmlparser2's index also re-exports its DOM handler, DomUtils and
 * serializer, which esbuild keeps, and with them a second, older copy of the `entities` tables
 * (~75 KiB minified, ~30 KiB gzipped): the package is resolved to its tokenizer module instead.
 * Anything else imported from it fails the build (no such export), never silently.
 */
export const htmlparser2TokenizerOnly: Plugin = {
  name: 'htmlparser2-tokenizer-only',
  setup(b) {
    const tokenizer = join(ROOT, 'node_modules', ...HTMLPARSER2_TOKENIZER);
    b.onResolve({ filter: /^htmlparser2$/ }, () => ({ path: 'htmlparser2', namespace: 'htmlparser2-tokenizer' }));
    b.onLoad({ filter: /.*/, namespace: 'htmlparser2-tokenizer' }, () => {
      if (!existsSync(tokenizer)) return { errors: [{ text: `htmlparser2's tokenizer is not at ${tokenizer} (did its package layout change?)` }] };
      return { contents: `export { default as Tokenizer } from ${JSON.stringify(tokenizer)};\n`, resolveDir: dirname(tokenizer), loader: 'js' };
    });
  },
};

/**
 * Office single sign-on in place of MSAL, for the classic-Windows file only: auth/tokenSource.ts
 * imports `./msalTokenSource` on the first token request; here that import resolves to
 * auth/officeSsoTokenSource.ts (`Office.auth.getAccessToken`, Microsoft's documented sign-in for
 * event runtimes on classic Windows; the same `createSignInTokenSource` export), so MSAL (~85 KiB
 * gzipped) is not in commands.js at all. The development host's token hook is still asked first.
 * Any other importer of `./msalTokenSource` fails the build, never silently gets the swap.
 */
export const officeSsoInsteadOfMsal: Plugin = {
  name: 'office-sso-instead-of-msal',
  setup(b) {
    const tokenSource = join(ADDIN, 'auth', 'tokenSource.ts');
    const sso = join(ADDIN, 'auth', 'officeSsoTokenSource.ts');
    b.onResolve({ filter: /^\.\/msalTokenSource$/ }, (args) => {
      if (resolve(args.importer) !== tokenSource) return { errors: [{ text: `only auth/tokenSource.ts may import ./msalTokenSource in the classic runtime (imported by ${args.importer})` }] };
      return { path: sso };
    });
  },
};

/** One bundle as text (esbuild, in memory). */
async function bundle(entry: string, opts: BuildOptions): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', logLevel: 'silent', legalComments: 'none', plugins: [zodEnglishOnly], ...opts });
  return result.outputFiles?.[0]?.text ?? '';
}

/**
 * esbuild plugins of the classic-Windows file: English-only zod, htmlparser2's tokenizer alone,
 * its entity decoder from the compact table (scripts/build/entitiesDecode.ts), ~14 KiB gzip
 * less than entities' trie, which was also decoded from base64 at load, and Office SSO in place
 * of MSAL. So the file needs no `atob` (a JavaScript-only runtime is not promised one).
 */
export const CLASSIC_PLUGINS: Plugin[] = [zodEnglishOnly, htmlparser2TokenizerOnly, compactEntityDecoder, officeSsoInsteadOfMsal];

/** The classic-Windows runtime file: every handler in one ES2016 IIFE, signing in with Office SSO (no MSAL). */
export function buildClassicRuntime(policyUrl: string, minify = true): Promise<string> {
  return bundle(join(ADDIN, 'events', 'runtime.ts'), {
    format: 'iife',
    target: CLASSIC_TARGET,
    plugins: CLASSIC_PLUGINS,
    minify,
    define: { __SECUREJOIN_POLICY_URL__: JSON.stringify(policyUrl) },
  });
}

/** Split-bundle output: file name -> text, and file name -> the files it imports statically. */
interface SplitFiles {
  files: Record<string, string>;
  staticImports: Record<string, string[]>;
}

/** One ES-module bundle with split chunks (dynamic imports land in `chunks/`). */
async function splitBundle(name: string, entry: string, opts: BuildOptions): Promise<SplitFiles> {
  const outdir = resolve(ROOT, '.split-build');
  const result = await build({
    entryPoints: { [name]: entry },
    bundle: true,
    write: false,
    platform: 'browser',
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [zodEnglishOnly],
    format: 'esm',
    splitting: true,
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    // ES2022 kept as written (not lowered): these modules run only in evergreen engines (WebView2 in
    // Windows Outlook, WKWebView on supported macOS, the browsers Outlook on the web supports);
    // classic Windows' old runtime gets its own ES2016 file (buildClassicRuntime).
    target: 'es2022',
    metafile: true,
    ...opts,
  });
  const nameOf = (path: string): string => relative(outdir, resolve(ROOT, path)).split(sep).join('/');
  const staticImports = Object.fromEntries(
    Object.entries(result.metafile?.outputs ?? {}).map(([path, output]) => [nameOf(path), output.imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => nameOf(i.path))]),
  );
  return { files: Object.fromEntries((result.outputFiles ?? []).map((f) => [relative(outdir, f.path).split(sep).join('/'), f.text])), staticImports };
}

/**
 * The web runtime's scripts for commands.html (`runtime.js`, an ES module, plus `chunks/`): the
 * sign-in library is a chunk loaded only when the policy names a meeting service. (The classic
 * Windows file cannot load chunks: it signs in with Office SSO instead, see officeSsoInsteadOfMsal.)
 */
export function buildWebRuntimeFiles(policyUrl: string, minify = true): Promise<Record<string, string>> {
  // commands.html is a page: the browser's own HTML parser reads the invite (core/html); the
  // classic Windows file has no DOM and carries htmlparser2's tokenizer instead.
  return splitBundle('runtime', join(ADDIN, 'events', 'runtime.ts'), { minify, plugins: [zodEnglishOnly, domAnchorReaderEsbuild], define: { __SECUREJOIN_POLICY_URL__: JSON.stringify(policyUrl) } }).then((out) => out.files);
}

/**
 * Modules the task pane imports only dynamically, each built apart as one self-contained chunk:
 * the sign-in library (MSAL, only when the policy names a meeting service), a broken
 * policy.json's (or saved defaults') plain-words problems, withdrawing a meeting from the
 * meeting service when its block is removed, the writing of a registration (the PUT, and taking
 * the aliases the service minted into the item), the roster's CSV export, the attendance record (its fetch, grouping and CSV), and sending personal messages through Microsoft Graph. (Chunks split by esbuild would leave what they share with
 * the pane, the policy schema, zod, esbuild's helpers, in shared chunks the pane imports at first
 * paint, costing more gzip than one file; duplicates in a lazy chunk cost nothing at first paint.)
 * `specifier`: how the pane's source imports it.
 */
const TASKPANE_LAZY = [
  { specifier: './msalTokenSource', entry: join(ADDIN, 'auth', 'msalTokenSource.ts'), name: 'msalTokenSource' },
  { specifier: './policyFile', entry: join(ADDIN, 'logic', 'policyFile.ts'), name: 'policyFile' },
  { specifier: './withdraw', entry: join(ADDIN, 'logic', 'withdraw.ts'), name: 'withdraw' },
  { specifier: './register', entry: join(ADDIN, 'logic', 'register.ts'), name: 'register' },
  { specifier: '../logic/rosterCsv', entry: join(ADDIN, 'logic', 'rosterCsv.ts'), name: 'rosterCsv' },
  { specifier: '../logic/attendance', entry: join(ADDIN, 'logic', 'attendance.ts'), name: 'attendance' },
  { specifier: '../logic/sendPersonal', entry: join(ADDIN, 'logic', 'sendPersonal.ts'), name: 'sendPersonal' },
] as const;

/**
 * The task pane's scripts (Preact, automatic JSX runtime) as an ES module: `taskpane.js` is what
 * the page loads first; the modules of {@link TASKPANE_LAZY} land in `chunks/`, outside the first
 * paint. Returns file name (relative to the add-in folder) -> text.
 */
export async function buildTaskpaneFiles(minify = true): Promise<Record<string, string>> {
  return (await taskpaneBuild(minify)).files;
}

async function taskpaneBuild(minify: boolean): Promise<SplitFiles> {
  const lazy = await Promise.all(
    TASKPANE_LAZY.map(async (module) => {
      const text = await bundle(module.entry, { format: 'esm', target: 'es2020', minify, plugins: [zodEnglishOnly, domAnchorReaderEsbuild] });
      return { ...module, text, file: `chunks/${module.name}-${createHash('sha256').update(text).digest('hex').slice(0, 8).toUpperCase()}.js` };
    }),
  );
  // The dynamic imports land in taskpane.js (nothing else is split off), so paths are relative to it.
  const lazyApart: Plugin = {
    name: 'taskpane-lazy-apart',
    setup(b) {
      for (const module of lazy) {
        const filter = new RegExp(`^${module.specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
        b.onResolve({ filter }, (args) => (args.kind === 'dynamic-import' ? { path: `./${module.file}`, external: true } : undefined));
      }
    },
  };
  const split = await splitBundle('taskpane', join(ADDIN, 'taskpane', 'main.tsx'), { minify, jsx: 'automatic', jsxImportSource: 'preact', plugins: [zodEnglishOnly, domAnchorReaderEsbuild, lazyApart] });
  return {
    files: { ...split.files, ...Object.fromEntries(lazy.map((m) => [m.file, m.text])) },
    staticImports: { ...split.staticImports, ...Object.fromEntries(lazy.map((m) => [m.file, []])) },
  };
}

/** The task pane's first-paint script, `taskpane.js` (see {@link buildTaskpaneFiles}). */
export async function buildTaskpane(minify = true): Promise<string> {
  return (await buildTaskpaneFiles(minify))['taskpane.js'] ?? '';
}

/** The task pane's style sheet as served: taskpane.css, minified (its comments are for its readers). */
export async function buildTaskpaneCss(minify = true): Promise<string> {
  const source = readFileSync(join(ADDIN, 'taskpane', 'taskpane.css'), 'utf8');
  return minify ? (await transform(source, { loader: 'css', minify: true })).code : source;
}

/**
 * Everything taskpane.html loads before the pane can paint: `taskpane.css`, `taskpane.js` and
 * every chunk it imports statically (transitively); file name -> content. Chunks loaded by
 * dynamic import (sign-in, a broken policy's problems) are not in it.
 */
export async function taskpaneFirstPaintFiles(minify = true): Promise<Record<string, string>> {
  const { files, staticImports } = await taskpaneBuild(minify);
  const out: Record<string, string> = { 'taskpane.css': await buildTaskpaneCss(minify) };
  const visit = (name: string): void => {
    if (name in out) return;
    out[name] = files[name] ?? '';
    for (const next of staticImports[name] ?? []) visit(next);
  };
  visit('taskpane.js');
  return out;
}

/**
 * Builds everything into `outDir` (created if needed). The task pane is skipped (and listed in
 * `skipped`) while its source `outlook-addin/taskpane/main.tsx` does not exist. Throws on a bad
 * host URL or a failed bundle.
 */
export async function buildAddin(outDir: string, opts: BuildAddinOptions): Promise<BuildAddinResult> {
  const base = normaliseHostUrl(opts.hostUrl);
  const minify = opts.minify ?? true;
  const files: Record<string, number> = {};
  const skipped: string[] = [];
  const put = (name: string, content: string | Uint8Array): void => {
    const path = join(outDir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    files[name] = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  };
  const policyUrl = `${base}/policy.json`;
  const [classic, web] = await Promise.all([buildClassicRuntime(policyUrl, minify), buildWebRuntimeFiles(policyUrl, minify)]);
  put(ADDIN_FILES.runtimeScript, classic);
  for (const [name, text] of Object.entries(web)) put(name, text);
  put(ADDIN_FILES.runtimePage, readFileSync(join(ADDIN, 'events', 'commands.html'), 'utf8'));

  const taskpaneDir = join(ADDIN, 'taskpane');
  if (existsSync(join(taskpaneDir, 'main.tsx'))) {
    for (const [name, text] of Object.entries(await buildTaskpaneFiles(minify))) put(name, text);
    put('taskpane.html', readFileSync(join(taskpaneDir, 'taskpane.html')));
    put('taskpane.css', await buildTaskpaneCss(minify));
  } else skipped.push('taskpane: outlook-addin/taskpane/main.tsx does not exist yet');

  const policyText = opts.policyText ?? readFileSync(join(ROOT, 'examples', 'policy.json'), 'utf8');
  put('manifest.xml', renderManifest({ hostUrl: base, id: opts.id, version: opts.version, ...ssoFor(policyText) }));
  put('policy.json', policyText);
  for (const [size, name] of Object.entries(ADDIN_FILES.icons)) put(name, iconPng(Number(size)));
  put('.well-known/microsoft-officeaddins-allowed.json', `${JSON.stringify({ allowed: [`${base}/${ADDIN_FILES.runtimeScript}`] }, null, 2)}\n`);
  return { files, skipped };
}

/**
 * The manifest's Office SSO input from the build's policy: its meeting service (the manifest then
 * names the app registration in WebApplicationInfo), none for a policy without one or an invalid
 * one (the add-in then applies the secure defaults, which name no service).
 */
function ssoFor(policyText: string): Pick<ManifestOptions, 'meetingService'> {
  const parsed = parsePolicyJson(policyText);
  return parsed.ok && parsed.value.meetingService ? { meetingService: parsed.value.meetingService } : {};
}

/** The root manifest.xml's expected text (for https://localhost:3000). */
export function rootManifestText(): string {
  return renderManifest({ hostUrl: ROOT_MANIFEST_HOST });
}

// ---- icons: a small solid PNG, so the build needs no binary assets ----

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A `size`x`size` PNG: a blue square with a white "lock" bar, good enough for a ribbon button. */
export function iconPng(size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < size; x++) {
      const bar = y > size * 0.45 && y < size * 0.75 && x > size * 0.25 && x < size * 0.75;
      rows.push(...(bar ? [255, 255, 255] : [43, 108, 176]));
    }
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', new Uint8Array(0))]);
}

// ---- command line: `tsx scripts/build/outlookAddin.ts [outDir] [--host URL]` or `--root-manifest` ----

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--root-manifest')) {
    writeFileSync(ROOT_MANIFEST_PATH, rootManifestText());
    console.log(`wrote ${ROOT_MANIFEST_PATH}`);
  } else {
    const hostAt = args.indexOf('--host');
    const hostUrl = hostAt >= 0 ? (args[hostAt + 1] ?? '') : ROOT_MANIFEST_HOST;
    const outDir = resolve(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--host') ?? join(ROOT, '.output', 'outlook-addin'));
    const result = await buildAddin(outDir, { hostUrl });
    for (const [name, bytes] of Object.entries(result.files)) console.log(`${name.padEnd(50)} ${(bytes / 1024).toFixed(1)} KiB`);
    for (const s of result.skipped) console.log(`skipped ${s}`);
    console.log(`add-in built into ${outDir} for ${hostUrl}`);
  }
}
