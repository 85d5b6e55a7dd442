/**
 * Writes core/html/namedEntityData.ts, the data core/html/namedEntities.ts expands: HTML's named character references as htmlparser2's own
 * `entities` package knows them (the copy htmlparser2 imports), in a compact text the classic
 * Windows runtime expands once, on its first named reference (core/html/entityDecoder.ts).
 *
 * The names come from `entities`' decode trie, walked node by node (its format:
 * `entities/dist/esm/internal/bin-trie-flags.js`), so the list is complete by construction; every
 * name is then read back through `entities`' own `EntityDecoder` and must decode to the value the
 * walk found. The trie is walked rather than probed character by character through the decoder
 * because the decoder misreads it: after a leaf whose value is stored inline, it takes the value's
 * low bits for a branch (`&acy1;` decodes to U+0102), so probing would "find" names that are not.
 *
 * `npx tsx scripts/build/namedEntities.ts` rewrites the file; test/scripts/build/namedEntities.test.ts
 * fails when the committed file differs from what this produces (after an `entities` update).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the generated module is committed. */
export const NAMED_ENTITIES_PATH = join(ROOT, 'core', 'html', 'namedEntityData.ts');

/** The part of `entities/decode` this script and its tests use. */
export interface EntitiesDecode {
  EntityDecoder: new (
    tree: Uint16Array,
    emit: (cp: number, consumed: number) => void,
  ) => { startEntity(mode: number): void; write(input: string, offset: number): number; end(): number };
  DecodingMode: { Legacy: number; Strict: number; Attribute: number };
  htmlDecodeTree: Uint16Array;
  xmlDecodeTree: Uint16Array;
}

/** `entities/decode` as htmlparser2 resolves it (its own nested copy when npm keeps one). */
export function htmlparser2Entities(): { module: EntitiesDecode; version: string } {
  const fromHtmlparser2 = createRequire(join(ROOT, 'node_modules', 'htmlparser2', 'package.json'));
  const module = fromHtmlparser2('entities/decode') as EntitiesDecode;
  // entities exports no package.json: its folder is found from the module's own path.
  let dir = dirname(fromHtmlparser2.resolve('entities/decode'));
  while (!existsSync(join(dir, 'package.json')) || (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name !== 'entities') {
    if (dirname(dir) === dir) throw new Error('entities/decode resolves outside a package named entities');
    dir = dirname(dir);
  }
  return { module, version: (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version };
}

// entities' trie node layout (bin-trie-flags): 15..14 value length (+1), 13 semicolon required
// (with a value) or compact run (without), 12..7 branch count or run length, 6..0 jump offset,
// single branch character or a run's first character. A one-word value lives in bits 12..0.
const VALUE_LENGTH = 0xc000;
const FLAG13 = 0x2000;
const BRANCH_LENGTH = 0x1f80;
const JUMP_TABLE = 0x7f;

/** A reference as the trie holds it: `name` without ';', `semicolon` false for the legacy form. */
interface TrieEntry {
  name: string;
  units: number[];
  semicolon: boolean;
}

/** Every value the trie holds, by walking it from the root. */
export function walkDecodeTree(tree: Uint16Array): TrieEntry[] {
  const out: TrieEntry[] = [];
  const word = (i: number): number => {
    const w = tree[i];
    if (w === undefined) throw new Error(`entities' decode trie: index ${i} is outside the trie (has its format changed?)`);
    return w;
  };
  const visit = (start: number, prefix: string): void => {
    let index = start;
    let node = word(index);
    if ((node & VALUE_LENGTH) === 0 && (node & FLAG13) !== 0) {
      const length = (node & BRANCH_LENGTH) >> 7;
      let run = String.fromCharCode(node & JUMP_TABLE);
      for (let i = 1; i < length; i++) run += String.fromCharCode((word(index + 1 + ((i - 1) >> 1)) >> (((i - 1) % 2) * 8)) & 0xff);
      prefix += run;
      index += 1 + (length >> 1);
      node = word(index);
      if ((node & VALUE_LENGTH) === 0 && (node & FLAG13) !== 0) throw new Error(`entities' decode trie: a run follows a run at "${prefix}" (has its format changed?)`);
    }
    const valueLength = (node & VALUE_LENGTH) >> 14;
    if (valueLength > 0) {
      const units = valueLength === 1 ? [node & ~(VALUE_LENGTH | FLAG13)] : valueLength === 2 ? [word(index + 1)] : [word(index + 1), word(index + 2)];
      if (prefix.endsWith(';')) out.push({ name: prefix.slice(0, -1), units, semicolon: true });
      else out.push({ name: prefix, units, semicolon: (node & FLAG13) !== 0 });
      // A one-word value fills the node: it has no branches.
      if (valueLength === 1) return;
    }
    const next = index + Math.max(1, valueLength);
    const branches = (node & BRANCH_LENGTH) >> 7;
    const jump = node & JUMP_TABLE;
    if (branches === 0) {
      if (jump !== 0) visit(next, prefix + String.fromCharCode(jump));
    } else if (jump !== 0) {
      for (let i = 0; i < branches; i++) if (word(next + i) !== 0) visit(word(next + i) - 1, prefix + String.fromCharCode(jump + i));
    } else {
      const slots = (branches + 1) >> 1;
      for (let i = 0; i < branches; i++) visit(word(next + slots + i), prefix + String.fromCharCode((word(next + (i >> 1)) >> ((i & 1) * 8)) & 0xff));
    }
  };
  visit(0, '');
  return out;
}

/** One decode through entities' own decoder: what it returned (after end() when -1) and emitted. */
function decodeWith(entities: EntitiesDecode, input: string, mode: number): { consumed: number; units: number[] } {
  const units: number[] = [];
  const decoder = new entities.EntityDecoder(entities.htmlDecodeTree, (cp) => units.push(cp));
  decoder.startEntity(mode);
  const written = decoder.write(input, 0);
  return { consumed: written === -1 ? decoder.end() : written, units };
}

/** The references checked against entities' decoder: name (with ';' unless legacy) -> value. */
export function namedReferences(entities: EntitiesDecode): Map<string, string> {
  const refs = new Map<string, string>();
  const { Strict, Legacy } = entities.DecodingMode;
  for (const { name, units, semicolon } of walkDecodeTree(entities.htmlDecodeTree)) {
    const key = semicolon ? `${name};` : name;
    if (!/^[A-Za-z][A-Za-z0-9]*;?$/.test(key)) throw new Error(`entities' decode trie holds an odd name: ${JSON.stringify(key)}`);
    const read = decodeWith(entities, key, semicolon ? Strict : Legacy);
    if (read.consumed !== key.length + 1 || read.units.join() !== units.join()) throw new Error(`entities' decoder reads &${key} as ${JSON.stringify(read)}, its trie holds ${units.join()}`);
    if (refs.has(key)) throw new Error(`entities' decode trie holds &${key} twice`);
    refs.set(key, String.fromCharCode(...units));
  }
  for (const [key, value] of refs) {
    if (!key.endsWith(';') && refs.get(`${key};`) !== value) throw new Error(`legacy &${key} has no &${key}; of the same value (the compact form assumes it)`);
  }
  return refs;
}

/**
 * Prefixes of names, beyond a legacy name, where entities' decoder in an attribute decodes that
 * legacy name even before '=' or an alphanumeric: its trie stores these stretches as compact
 * runs, whose mismatch path skips the attribute rule. Found by asking the decoder, so the compact
 * decoder repeats exactly what htmlparser2 does (`&gtques=` in an attribute reads `>ques=`).
 */
export function attributeRunPrefixes(entities: EntitiesDecode, refs: Map<string, string>): string[] {
  const prefixes = new Set<string>();
  for (const key of refs.keys()) for (let i = 1; i < key.length; i++) prefixes.add(key.slice(0, i));
  return [...prefixes].filter((p) => !refs.has(`${p};`) && decodeWith(entities, `${p}=`, entities.DecodingMode.Attribute).consumed > 0).sort();
}

/** Code points of a value. */
const codePoints = (value: string): number[] => Array.from(value, (c) => c.codePointAt(0) ?? 0);

/**
 * The compact text: references sorted by value, one line per value or per run of consecutive
 * single code points. A line is `<delta> <names> <names>...` where delta (base 36) is the first
 * value's code point minus the previous single code point, and each further space-separated group
 * is the next code point; or `!<cp>.<cp> <names>` for a two-code-point value (hex-free base 36).
 * Names of one value are comma-separated, without ';'; `*` marks a name that also has a legacy
 * form (without ';').
 */
export function compactText(refs: Map<string, string>): string {
  const byValue = new Map<string, string[]>();
  for (const key of refs.keys()) {
    if (!key.endsWith(';')) continue;
    const name = key.slice(0, -1);
    const value = refs.get(key) as string;
    const list = byValue.get(value) ?? [];
    list.push(refs.has(name) ? `${name}*` : name);
    byValue.set(value, list);
  }
  const compare = (a: number[], b: number[]): number => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return a.length - b.length;
  };
  const values = [...byValue.keys()].sort((a, b) => compare(codePoints(a), codePoints(b)));
  let out = '';
  let previous = 0;
  /** The last line is a two-code-point value's (a run of single code points cannot go on there). */
  let afterPair = false;
  for (const value of values) {
    const names = (byValue.get(value) as string[]).sort().join(',');
    const cps = codePoints(value);
    if (cps.length === 1) {
      const cp = cps[0] as number;
      out += cp - previous === 1 && out !== '' && !afterPair ? ` ${names}` : `${out === '' ? '' : '\n'}${(cp - previous).toString(36)} ${names}`;
      previous = cp;
      afterPair = false;
    } else {
      out += `${out === '' ? '' : '\n'}!${cps.map((c) => c.toString(36)).join('.')} ${names}`;
      afterPair = true;
    }
  }
  return out;
}

/** The generated module's text: data only (its reader is core/html/namedEntities.ts, written by hand). */
export function namedEntitiesSource(): string {
  const { module: entities, version } = htmlparser2Entities();
  const refs = namedReferences(entities);
  const text = compactText(refs);
  if (text.includes('`') || text.includes('${') || text.includes('\\')) throw new Error('the compact text cannot sit in a template literal');
  return `/**
 * GENERATED by scripts/build/namedEntities.ts from entities@${version} (the copy htmlparser2
 * imports): do not edit; \`npx tsx scripts/build/namedEntities.ts\` rewrites it.
 *
 * HTML's ${refs.size} named character references (${[...refs.keys()].filter((k) => !k.endsWith(';')).length} of them legacy, without ';') in a compact
 * text (format: compactText in the script), expanded once, on first use, by namedEntities.ts:
 * ~7 KiB gzipped where entities' binary trie costs ~21 KiB in the classic Windows runtime.
 */

export const REFERENCES = \`${text}\`;

/** See attributeRunPrefixes in the script: where htmlparser2 skips the attribute rule. */
export const ATTRIBUTE_RUN_PREFIXES: readonly string[] = ${JSON.stringify(attributeRunPrefixes(entities, refs).join(' '))}.split(' ');
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(NAMED_ENTITIES_PATH, namedEntitiesSource());
  console.log(`wrote ${NAMED_ENTITIES_PATH}`);
}
