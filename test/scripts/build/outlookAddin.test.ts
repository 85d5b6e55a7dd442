import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { parse } from 'acorn';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildAddin, buildClassicRuntime, buildTaskpane, buildTaskpaneFiles, taskpaneFirstPaintFiles } from '../../../scripts/build/outlookAddin';
import { launchFunctionNames, manifestProblems } from '../../../outlook-addin/manifest';
import { compactReadAnchors, entities } from '../../support/compactEntities';

/** ES2018 regex literals from core/codes/email.ts (reported to core's owner: they throw in ES2016 engines). */
let classic: string;
let outDir: string;
let built: Awaited<ReturnType<typeof buildAddin>>;
beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'securejoin-addin-test-'));
  [classic, built] = await Promise.all([buildClassicRuntime('https://addins.example.com/policy.json'), buildAddin(outDir, { hostUrl: 'https://addins.example.com/sj', minify: false })]);
  // Six esbuild bundles: about 5 s on an idle 2-core box, past vitest's 10 s hook default under load (a hang detector, as in vitest.config.ts).
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('classic-Windows commands.js', () => {
  it('is one ES2016 classic script: no import, no syntax newer than ES2016', () => {
    // acorn checks syntax, regex literals included (\p{...} needs ES2018 there). esbuild lowers
    // syntax to ES2016 but turns a regex literal it cannot lower (lookbehind) into a load-time
    // `new RegExp("...")` acorn cannot see, so look for lookbehinds in the text too. (zod keeps
    // its emoji pattern as a string compiled only when .emoji() is used: not at load time.)
    expect(() => parse(classic, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
    expect(classic.match(/\(\?<[!=]/g) ?? []).toEqual([]);
    // (Not a property or a longer name: a library's crypto.subtle.importKey is no import.)
    expect(/(?<![.\w$])import\s*[({"'*]|(?<![.\w$])import\s+[\w$]/.test(classic), 'import in commands.js').toBe(false);
    expect(/(?<![.\w$])export\s*[{*]|(?<![.\w$])export\s+[\w$]/.test(classic), 'export in commands.js').toBe(false);
  });

  it('associates every LaunchEvent FunctionName of the manifest when loaded, without Office.onReady', () => {
    const associated: string[] = [];
    const Office = { context: { mailbox: { item: null } }, actions: { associate: (name: string, fn: unknown) => typeof fn === 'function' && associated.push(name) } };
    runInNewContext(classic, { Office, console, Intl, fetch: undefined });
    const manifest = readFileSync(join(outDir, 'manifest.xml'), 'utf8');
    expect(associated.sort()).toEqual(launchFunctionNames(manifest).sort());
    expect(associated).toHaveLength(5);
  });

  // Issue 21: MSAL (~85 KiB gzipped) made commands.js 157.9 KiB gzipped; Office SSO in its place: 73.4 KiB;
  // the compact entity table instead of entities' trie: 59.8 KiB. The size is deterministic, so it is held here
  // as well as in `npm run bench`'s table.
  it('signs in with Office SSO, not MSAL: no MSAL text in it, and at most 60 KiB gzipped', async () => {
    // (Booleans, not the texts: a failure would print the whole minified file.)
    expect(/msal/i.test(classic), 'msal in commands.js').toBe(false);
    expect(classic.includes('createNestablePublicClientApplication'), 'MSAL NAA in commands.js').toBe(false);
    expect(classic.includes('nestedAppAuthBridge'), 'the NAA bridge in commands.js').toBe(false);
    expect(classic.includes('getAccessToken'), 'Office SSO in commands.js').toBe(true);
    const unminified = readFileSync(join(outDir, 'commands.js'), 'utf8');
    expect(/msal/i.test(unminified.replace(/\/\/ [^\n]*\n/g, '\n')), 'msal in the unminified commands.js (outside path comments)').toBe(false);
    const kib = gzipSync(classic).length / 1024;
    console.info(`commands.js: ${kib.toFixed(1)} KiB gzipped (${(classic.length / 1024).toFixed(1)} KiB minified)`);
    // Issue 21's budget. Over it? See ARCHITECTURE.md ("Classic Outlook on Windows' commands.js").
    expect(kib).toBeLessThanOrEqual(60);
  });

  it('carries the policy URL it was built for', () => {
    expect(classic).toContain('https://addins.example.com/policy.json');
  });

  it("carries htmlparser2's tokenizer without its DOM helpers and their second copy of the entity tables", () => {
    // dom-serializer's SVG attribute names; the first test above proves the handlers still run.
    expect(classic.includes('clipPathUnits'), 'dom-serializer in commands.js').toBe(false);
    expect(classic.includes('onattribdata'), "htmlparser2's tokenizer callbacks in commands.js").toBe(true);
  });

  it("decodes character references from the compact name table, not entities' base64 trie, and reads them right without a DOM", async () => {
    // The trie's first bytes as its generated module spells them (base64 of the little-endian words).
    const tree = entities.htmlDecodeTree;
    const trieMarker = Buffer.from(tree.buffer, tree.byteOffset, 30).toString('base64');
    const withTrie = await build({ entryPoints: ['entities/decode'], absWorkingDir: join(process.cwd(), 'node_modules', 'htmlparser2'), bundle: true, write: false, logLevel: 'silent' });
    expect(withTrie.outputFiles[0]!.text, 'the marker is how entities ships its trie').toContain(trieMarker);
    expect(classic.includes(trieMarker), "entities' decode trie in commands.js").toBe(false);
    expect(classic).toContain('NotNestedGreaterGreater');
    // (The load test above runs commands.js in a context without atob: nothing decodes base64 at load.)
    const read = await compactReadAnchors();
    expect(read('<p><a href="https://x.example/m?a=1&amp;b=2&NotNestedGreaterGreater;">Join &amp; &NotNestedGreaterGreater;</a>')).toEqual([
      { href: 'https://x.example/m?a=1&b=2\u2aa2\u0338', text: 'Join & \u2aa2\u0338' },
    ]);
  });
});

describe('buildAddin', () => {
  it('writes the runtime page and scripts, a valid manifest for the host, policy, icons and the allowed-JS list', () => {
    for (const name of ['commands.html', 'runtime.js', 'commands.js', 'manifest.xml', 'policy.json', 'assets/icon-80.png', '.well-known/microsoft-officeaddins-allowed.json']) {
      expect(built.files[name], name).toBeGreaterThan(0);
    }
    const manifest = readFileSync(join(outDir, 'manifest.xml'), 'utf8');
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest).toContain('https://addins.example.com/sj/commands.js');
    expect(JSON.parse(readFileSync(join(outDir, '.well-known/microsoft-officeaddins-allowed.json'), 'utf8'))).toEqual({ allowed: ['https://addins.example.com/sj/commands.js'] });
    expect(readFileSync(join(outDir, 'commands.html'), 'utf8')).toMatch(/office\.js"><\/script>\s*<script type="module" src="runtime\.js">/);
    // The web runtime loads MSAL (sign-in) only by dynamic import, from a chunk.
    const runtime = readFileSync(join(outDir, 'runtime.js'), 'utf8');
    expect(runtime.includes('nestedAppAuthBridge'), 'MSAL in runtime.js').toBe(false);
    expect(/import\("\.\/chunks\/msalTokenSource-[A-Za-z0-9]+\.js"\)/.test(runtime), 'dynamic import of the MSAL chunk').toBe(true);
    expect(readFileSync(join(outDir, 'assets/icon-16.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('leaves zod\'s foreign-language locales out of the bundles', () => {
    expect(classic).not.toMatch(/Ungültige Eingabe|Entrada inválida/);
  });
});

describe('task pane bundle', () => {
  it('keeps MSAL (sign-in) out of the first paint: a chunk loaded by dynamic import only when the policy names a meeting service', async () => {
    const files = await buildTaskpaneFiles(true);
    const entry = files['taskpane.js']!;
    // (Booleans, not the texts: a failure would print hundreds of KiB of minified code.)
    expect(entry.includes('nestedAppAuthBridge'), 'MSAL in taskpane.js').toBe(false);
    expect(/import\("\.\/chunks\/msalTokenSource-[A-Z0-9]+\.js"\)/.test(entry), 'dynamic import of the MSAL chunk').toBe(true);
    const msal = Object.entries(files).find(([name]) => name.startsWith('chunks/msalTokenSource-'));
    expect(msal?.[1].includes('nestedAppAuthBridge'), 'MSAL NAA in its chunk').toBe(true);
    // buildAddin writes the chunks beside taskpane.js.
    expect(Object.keys(built.files).some((n) => n.startsWith('chunks/msalTokenSource-'))).toBe(true);
  });

  it('loads a broken policy\'s plain-words problems (JSON positions, earlier-format advice) by dynamic import only, from one self-contained chunk', async () => {
    const files = await buildTaskpaneFiles(true);
    const entry = files['taskpane.js']!;
    // (Texts of core/policy/jsonError.ts and parse.ts.)
    expect(entry.includes('unterminated string'), 'JSON syntax locator in taskpane.js').toBe(false);
    expect(entry.includes('no longer read'), 'earlier-format advice in taskpane.js').toBe(false);
    const match = /import\("\.\/(chunks\/policyFile-[A-F0-9]+\.js)"\)/.exec(entry);
    expect(match, 'dynamic import of the policy problems chunk').not.toBeNull();
    const chunk = files[match![1]!] ?? '';
    expect(chunk.includes('unterminated string')).toBe(true);
    // Self-contained: it imports no chunk (so nothing it needs is moved into the first paint).
    expect(/(?:^|[;}])import[^(]*from\s*"/.test(chunk), 'static import in the policy problems chunk').toBe(false);
    // buildAddin writes it beside taskpane.js (built unminified there: another hash).
    expect(Object.keys(built.files).some((n) => n.startsWith('chunks/policyFile-'))).toBe(true);
  });

  // Issue 10 added 1.1 KiB (personal aliases, the 409 redraw, phone steps); importing core/invite's
  // modules instead of its index (whose paste parser carries six languages' labels) paid for it.
  // Issue 13: the budget counts what the pane loads before it can paint (taskpane.js, the chunks it
  // imports statically and taskpane.css), each file gzipped as it is served.
  // Issue 22 (52 KiB, from 49.1): per-invitee delivery state, the sent-invite status and the question before new codes
  // for a sent meeting are first-paint UI (sending itself and the Graph calls load on first use: chunks/sendPersonal).
  // Issue 23 (53 KiB, 52.3 measured with issue 22's): the Attendance section's button and list (its fetch, grouping and
  // CSV load on first use: chunks/attendance).
  it('leaves out zod classic, JSON-schema conversion and the paste parser, and its first paint stays under its 53 KiB gzip budget', async () => {
    const taskpane = await buildTaskpane(true);
    // The conversion carries the draft URLs; classic zod its `.superRefine` method table.
    expect(taskpane).not.toContain('json-schema.org');
    expect(taskpane).not.toContain('superRefine');
    // core/invite/labels.ts (pasted invites in six languages) is the extension's, not the pane's.
    expect(taskpane).not.toContain('zugangscode');
    // Nor the activation and series sentence readers (they try every Outlook language).
    expect(taskpane).not.toContain('sr-Latn-RS');
    // core/policy/descriptions.ts (POLICY.md and the managed-storage schema) is not the pane's either.
    expect(taskpane.includes('Manifest format version'), 'policy descriptions in taskpane.js').toBe(false);
    // Words for broken files and saved defaults (issues.ts, jsonDuplicates.ts) load with the problems chunk.
    expect(taskpane.includes('text in quotes'), 'zod issue words in taskpane.js').toBe(false);
    expect(taskpane.includes('JSON readers keep only one'), 'duplicate-key locator in taskpane.js').toBe(false);
    const firstPaint = await taskpaneFirstPaintFiles(true);
    expect(Object.keys(firstPaint)).toEqual(expect.arrayContaining(['taskpane.js', 'taskpane.css']));
    expect(Object.keys(firstPaint).some((name) => name.startsWith('chunks/msalTokenSource-') || name.startsWith('chunks/policyFile-'))).toBe(false);
    const kib = Object.values(firstPaint).reduce((sum, text) => sum + gzipSync(text).length, 0) / 1024;
    expect(kib).toBeLessThan(53);
  });
});
