/**
 * core/html/readAnchors.ts as the classic Windows runtime carries it (htmlparser2's Tokenizer with
 * the compact entity decoder, bundled with the runtime's plugins, run without a DOM) reads the
 * same anchors as the real one on generated HTML heavy in character references: every name with
 * and without ';', cut short, followed by '=', letters, digits, '<' or the end; numbers valid and
 * not; in text and in attributes of every quoting.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnchorReader } from '../../../core/html/anchors';
import { namedEntities } from '../../../core/html/namedEntities';
import { readAnchors } from '../../../core/html/readAnchors';
import { compactReadAnchors, entitiesMisreadsIn } from '../../support/compactEntities';

let compact: AnchorReader;
beforeAll(async () => {
  compact = await compactReadAnchors();
}, 30_000);

const names = [...namedEntities().keys()];
const named = fc.tuple(fc.constantFrom(...names), fc.nat(), fc.boolean()).map(([name, cut, whole]) => `&${whole ? name : name.slice(0, 1 + (cut % name.length))}`);
const numeric = fc.tuple(fc.constantFrom('&#', '&#x', '&#X'), fc.constantFrom('', '0', '38', '65', '128', '150', 'D800', 'dfff', '1114111', '1114112', '110000', '99999999999', 'fffd', '1F600', 'zz'), fc.constantFrom('', ';'));
const follower = fc.constantFrom('', ';', '=', 'a', 'Z', '0', '7', '<', '&', ' ', '"', "'", '>', '/', 'x=');
const reference = fc.tuple(fc.oneof(named, numeric.map((p) => p.join(''))), follower).map(([r, f]) => r + f);
const chunk = fc.oneof({ weight: 3, arbitrary: reference }, { weight: 1, arbitrary: fc.constantFrom('https://meet.example.com/x', 'Join', ' ', '-', '?a=1', 'b') });
const content = fc.array(chunk, { maxLength: 5 }).map((a) => a.join(''));
const attribute = fc.tuple(fc.constantFrom('href', 'title', 'HREF'), content, fc.constantFrom('double', 'single', 'unquoted')).map(([name, v, quoting]) =>
  quoting === 'double' ? ` ${name}="${v.replace(/"/g, '&quot;')}"` : quoting === 'single' ? ` ${name}='${v.replace(/'/g, '&#39;')}'` : ` ${name}=${v.replace(/[\s"'<>=`]/g, '') || 'x'}`,
);
const anchor = fc.tuple(fc.array(attribute, { maxLength: 3 }), content).map(([attrs, text]) => `<a${attrs.join('')}>${text}</a>`);
const html = fc.tuple(content, fc.array(anchor, { minLength: 1, maxLength: 3 }), content).map(([a, anchors, b]) => a + anchors.join(' ') + b);

describe('readAnchors with the compact entity decoder', () => {
  it('reads &amp; and a two-code-point name, without a DOM', () => {
    const doc = '<a href="https://x.example/?a=1&amp;b=2&NotNestedGreaterGreater;">A&amp;B &NotNestedGreaterGreater; &notin; &not x</a>';
    expect(compact(doc)).toEqual([{ href: 'https://x.example/?a=1&b=2\u2aa2\u0338', text: 'A&B \u2aa2\u0338 \u2209 \u00ac x' }]);
    expect(compact(doc)).toEqual(readAnchors(doc));
  });

  it('reads the same anchors as the real reader on generated HTML heavy in references', () => {
    fc.assert(
      fc.property(html, (doc) => {
        // Where entities misreads its own trie (`&acy1;`), the compact decoder reads as browsers do.
        fc.pre(!entitiesMisreadsIn(doc));
        expect(compact(doc)).toEqual(readAnchors(doc));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 1500), seed: Number(process.env.FC_SEED ?? 20_261_207) },
    );
  });

  it("differs from the real reader only where entities misreads its trie: there it reads as the spec does", () => {
    const doc = '<a href="x&acy1;">&acy2;</a>';
    expect(entitiesMisreadsIn(doc)).toBe(true);
    expect(compact(doc)).toEqual([{ href: 'x&acy1;', text: '&acy2;' }]);
    expect(readAnchors(doc)).not.toEqual(compact(doc));
  });
});
