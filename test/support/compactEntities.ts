/**
 * For the tests of the compact entity decoder (core/html/entityDecoder.ts): core's htmlparser2
 * anchor reader built as the classic Windows runtime builds it, and where entities' own decoder
 * misreads its trie (the one place the two decoders differ on purpose).
 */
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import type { AnchorReader } from '../../core/html/anchors';
import { namedEntities } from '../../core/html/namedEntities';
import { htmlparser2Entities } from '../../scripts/build/namedEntities';
import { CLASSIC_PLUGINS } from '../../scripts/build/outlookAddin';

export const entities = htmlparser2Entities().module;

/** core/html/readAnchors.ts bundled with the classic runtime's plugins, run in a context without a DOM. */
export async function compactReadAnchors(): Promise<AnchorReader> {
  const out = await build({ entryPoints: [new URL('../../core/html/readAnchors.ts', import.meta.url).pathname], bundle: true, write: false, format: 'iife', globalName: 'SecureJoinHtml', target: 'es2016', platform: 'browser', logLevel: 'silent', plugins: CLASSIC_PLUGINS });
  const context: { SecureJoinHtml?: { readAnchors: AnchorReader } } = {};
  runInNewContext(out.outputFiles[0]!.text, context);
  const reader = context.SecureJoinHtml?.readAnchors;
  if (!reader) throw new Error('the bundled reader exports no readAnchors');
  // Plain objects of this realm, so toEqual compares them with the real reader's.
  return (html) => JSON.parse(JSON.stringify(reader(html))) as ReturnType<AnchorReader>;
}

let prefixes: Set<string> | undefined;

/**
 * True when entities' decoder, reading the reference at `text[at]` (just after its '&'), goes on
 * past the longest prefix of a real name: after a leaf whose value its trie stores inline it takes
 * the value's low bits for a branch, and may then decode characters no name has (`&acy1;` gives
 * U+0102). The compact decoder, like the spec and browsers, stops there.
 */
export function entitiesMisreadsAt(text: string, at: number): boolean {
  if (!prefixes) {
    prefixes = new Set();
    for (const name of namedEntities().keys()) for (let i = 1; i <= name.length; i++) prefixes.add(name.slice(0, i));
  }
  let end = at;
  while (end < text.length && prefixes.has(text.slice(at, end + 1))) end++;
  if (end >= text.length || end === at) return false;
  const decoder = new entities.EntityDecoder(entities.htmlDecodeTree, () => {});
  decoder.startEntity(entities.DecodingMode.Strict);
  return decoder.write(text.slice(at, end + 1), 0) === -1;
}

/** True when some reference in `html` is one entities' decoder misreads (see {@link entitiesMisreadsAt}). */
export function entitiesMisreadsIn(html: string): boolean {
  for (let i = html.indexOf('&'); i >= 0; i = html.indexOf('&', i + 1)) if (entitiesMisreadsAt(html, i + 1)) return true;
  return false;
}
