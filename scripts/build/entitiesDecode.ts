/**
 * For the classic Windows runtime only (buildClassicRuntime): htmlparser2's Tokenizer gets its
 * entity decoder from core/html/entityDecoder.ts, which reads the compact name table of
 * core/html/namedEntities.ts, instead of `entities/decode`, whose binary trie costs ~21 KiB gzipped
 * and is decoded from base64 when the script loads.
 *
 * The build fails, never silently decodes otherwise, when the Tokenizer's import of
 * `entities/decode` names anything but what the compact decoder stands in for, or when anything
 * else in the bundle imports `entities` (a new htmlparser2 that uses more of it needs a look).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

/** The compact decoder's file. */
export const COMPACT_ENTITY_DECODER = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'core', 'html', 'entityDecoder.ts');

/** What htmlparser2's Tokenizer imports from `entities/decode`, and the compact decoder exports. */
export const TOKENIZER_ENTITY_IMPORTS = ['DecodingMode', 'EntityDecoder', 'htmlDecodeTree', 'xmlDecodeTree'];

/** The names a module's source imports from `entities...` specifiers: specifier -> names. */
export function entitiesImports(source: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of source.matchAll(/\b(?:import|export)\s*(?:\{([^}]*)\}|[^'";]*?)\s*from\s*["'](entities(?:\/[^"']*)?)["']|\brequire\(\s*["'](entities(?:\/[^"']*)?)["']\s*\)|\bimport\(\s*["'](entities(?:\/[^"']*)?)["']\s*\)/g)) {
    const specifier = m[2] ?? m[3] ?? m[4] ?? '';
    const names = m[1] === undefined ? ['*'] : m[1].split(',').map((n) => n.trim()).filter(Boolean);
    out.set(specifier, [...(out.get(specifier) ?? []), ...names].sort());
  }
  return out;
}

/** htmlparser2's Tokenizer module inside node_modules: the one place its path is written (htmlparser2TokenizerOnly bundles it). */
export const HTMLPARSER2_TOKENIZER = ['htmlparser2', 'dist', 'esm', 'Tokenizer.js'] as const;

const isTokenizer = (path: string): boolean => path.split(sep).join('/').endsWith(`/${HTMLPARSER2_TOKENIZER.join('/')}`);

export const compactEntityDecoder: Plugin = {
  name: 'compact-entity-decoder',
  setup(b) {
    b.onResolve({ filter: /^entities(?:\/|$)/ }, (args) => {
      if (!isTokenizer(args.importer)) return { errors: [{ text: `${args.importer} imports ${args.path}: only htmlparser2's Tokenizer may (the classic runtime decodes entities with core/html/entityDecoder.ts)` }] };
      const imports = entitiesImports(readFileSync(resolve(args.importer), 'utf8'));
      const expected = `entities/decode: ${TOKENIZER_ENTITY_IMPORTS.join(', ')}`;
      const found = [...imports].map(([specifier, names]) => `${specifier}: ${names.join(', ')}`).join('; ');
      if (found !== expected) {
        return { errors: [{ text: `htmlparser2's Tokenizer now imports { ${found} }, not { ${expected} }: check core/html/entityDecoder.ts still stands in for what it uses, then update TOKENIZER_ENTITY_IMPORTS` }] };
      }
      return { path: COMPACT_ENTITY_DECODER };
    });
  },
};
