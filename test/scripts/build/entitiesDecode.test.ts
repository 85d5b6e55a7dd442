/**
 * The classic runtime's plugin that hands htmlparser2's Tokenizer the compact entity decoder
 * fails the build, loudly, when what the Tokenizer imports from `entities` changes, or when
 * anything else imports `entities` (checked with real esbuild builds of small trees on disk).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPACT_ENTITY_DECODER, compactEntityDecoder, entitiesImports, TOKENIZER_ENTITY_IMPORTS } from '../../../scripts/build/entitiesDecode';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Bundles `entry` of a tree written from `files` with the plugin; the build's error text or the output. */
async function bundleTree(files: Record<string, string>, entry: string): Promise<{ error?: string; text?: string }> {
  const root = mkdtempSync(join(tmpdir(), 'securejoin-entities-'));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  try {
    const out = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, logLevel: 'silent', format: 'esm', plugins: [compactEntityDecoder] });
    return { text: out.outputFiles[0]!.text };
  } catch (e) {
    return { error: String(e) };
  }
}

const TOKENIZER = 'node_modules/htmlparser2/dist/esm/Tokenizer.js';

describe('compactEntityDecoder (esbuild plugin)', () => {
  it("matches what htmlparser2's installed Tokenizer imports from entities", () => {
    const source = readFileSync(join(process.cwd(), TOKENIZER), 'utf8');
    expect(Object.fromEntries(entitiesImports(source))).toEqual({ 'entities/decode': TOKENIZER_ENTITY_IMPORTS });
  });

  it("resolves the Tokenizer's entities/decode to core/html/entityDecoder.ts", async () => {
    const out = await bundleTree({ [TOKENIZER]: 'import { EntityDecoder, DecodingMode, htmlDecodeTree, xmlDecodeTree } from "entities/decode";\nexport default [EntityDecoder, DecodingMode, htmlDecodeTree, xmlDecodeTree];\n' }, TOKENIZER);
    expect(out.error).toBeUndefined();
    expect(out.text).toContain('entityDecoder.ts');
    expect(COMPACT_ENTITY_DECODER.endsWith(join('core', 'html', 'entityDecoder.ts'))).toBe(true);
  });

  it('fails the build when the Tokenizer imports more, or something else, from entities', async () => {
    const more = await bundleTree({ [TOKENIZER]: 'import { EntityDecoder, DecodingMode, htmlDecodeTree, xmlDecodeTree, decodeHTML } from "entities/decode";\nexport default [EntityDecoder, DecodingMode, htmlDecodeTree, xmlDecodeTree, decodeHTML];\n' }, TOKENIZER);
    expect(more.error).toMatch(/Tokenizer now imports .*decodeHTML.*update TOKENIZER_ENTITY_IMPORTS/);
    const other = await bundleTree({ [TOKENIZER]: 'import { EntityDecoder, DecodingMode, htmlDecodeTree, xmlDecodeTree } from "entities/decode";\nimport { escape } from "entities/escape";\nexport default [EntityDecoder, DecodingMode, htmlDecodeTree, xmlDecodeTree, escape];\n' }, TOKENIZER);
    expect(other.error).toMatch(/entities\/escape: escape/);
  });

  it('fails the build when a module other than the Tokenizer imports entities', async () => {
    const out = await bundleTree({ 'src/a.js': 'import { decodeHTML } from "entities";\nexport default decodeHTML;\n' }, 'src/a.js');
    expect(out.error).toMatch(/imports entities: only htmlparser2's Tokenizer may/);
  });
});
