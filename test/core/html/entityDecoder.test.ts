/**
 * The compact entity decoder against entities' own (the one htmlparser2 imports): the same return
 * values and the same emitted (code unit, consumed) calls, in all three modes, with the reference
 * written in pieces as the Tokenizer does when its input comes in chunks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodingMode, EntityDecoder, htmlDecodeTree, xmlDecodeTree } from '../../../core/html/entityDecoder';
import { namedEntities } from '../../../core/html/namedEntities';
import { entities, entitiesMisreadsAt } from '../../support/compactEntities';

interface Decoder {
  startEntity(mode: number): void;
  write(input: string, offset: number): number;
  end(): number;
}

/** What a decoder does with `pieces` (the text after '&', cut where the input's chunks end). */
function trace(make: (emit: (cp: number, consumed: number) => void) => Decoder, mode: number, pieces: string[]): string[] {
  const log: string[] = [];
  const decoder = make((cp, consumed) => log.push(`emit ${cp} ${consumed}`));
  decoder.startEntity(mode);
  for (const piece of pieces) {
    const r = decoder.write(piece, 0);
    log.push(`write ${r}`);
    if (r !== -1) return log;
  }
  log.push(`end ${decoder.end()}`);
  return log;
}

const compact = (tree: 'html' | 'xml') => (emit: (cp: number, consumed: number) => void) => new EntityDecoder(tree === 'html' ? htmlDecodeTree : xmlDecodeTree, emit);
const real = (tree: 'html' | 'xml') => (emit: (cp: number, consumed: number) => void) => new entities.EntityDecoder(tree === 'html' ? entities.htmlDecodeTree : entities.xmlDecodeTree, emit);

const names = [...namedEntities().keys()];
/** A name, or a cut of one (so longer names break off), with or without its ';'. */
const named = fc.tuple(fc.constantFrom(...names), fc.nat(), fc.boolean()).map(([name, cut, whole]) => (whole ? name : name.slice(0, 1 + (cut % name.length))));
const numeric = fc.tuple(fc.constantFrom('#', '#x', '#X'), fc.oneof(fc.constantFrom('', '0', '00', '65', '128', '129', '159', 'D800', 'dfff', '55296', '1114111', '1114112', '110000', '10FFFF', '99999999999999999999', 'fffd', 'abc', 'G'), fc.stringMatching(/^[0-9a-fA-F]{1,8}$/)));
const follower = fc.constantFrom('', ';', '=', 'a', 'x', 'Z', '0', '9', '<', '&', '#', ' ', '"', "'", '>', ';;', '=x', 'é', '\u{1d504}');
const reference = fc.tuple(fc.oneof(named, numeric.map(([a, b]) => a + b)), follower, follower).map(([a, b, c]) => a + b + c);
/** `text` cut at up to three places. */
const pieces = (text: string) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { maxLength: 3 }).map((cuts) => {
  const at = [0, ...cuts.filter((c) => c < text.length).sort((a, b) => a - b), text.length];
  return at.slice(1).map((end, i) => text.slice(at[i], end)).filter((p, i, all) => p !== '' || all.length === 1);
});

describe('compact EntityDecoder', () => {
  it('decodes every name and every cut of one as entities does, in every mode, before whatever may follow', () => {
    const cuts = new Set<string>();
    for (const name of names) for (let i = 1; i <= name.length; i++) cuts.add(name.slice(0, i));
    // One decoder of each kind, restarted per case (as the Tokenizer does), and one comparison at
    // the end: ~270,000 cases.
    let log = '';
    const emit = (cp: number, consumed: number): void => void (log += `emit ${cp} ${consumed},`);
    const ours = compact('html')(emit);
    const theirs = real('html')(emit);
    const run = (decoder: Decoder, mode: number, text: string): string => {
      log = '';
      decoder.startEntity(mode);
      const written = decoder.write(text, 0);
      const ended = written === -1 ? decoder.end() : null;
      return `${log}write ${written} end ${ended}`;
    };
    const differ: string[] = [];
    for (const cut of cuts) {
      for (const after of ['', ';', '=', 'x', '1', '<']) {
        const text = cut + after;
        if (entitiesMisreadsAt(text, 0)) continue;
        for (const mode of [DecodingMode.Legacy, DecodingMode.Strict, DecodingMode.Attribute]) {
          if (run(ours, mode, text) !== run(theirs, mode, text)) differ.push(`&${text} (mode ${mode})`);
        }
      }
    }
    expect(differ).toEqual([]);
  });

  it('agrees with entities on generated references (named, cut, numeric, invalid), written in pieces, in all three modes', () => {
    fc.assert(
      fc.property(
        reference.chain((text) => fc.tuple(fc.constant(text), pieces(text), fc.constantFrom(DecodingMode.Legacy, DecodingMode.Strict, DecodingMode.Attribute))),
        ([text, parts, mode]) => {
          fc.pre(!entitiesMisreadsAt(text, 0));
          expect(trace(compact('html'), mode, parts)).toEqual(trace(real('html'), mode, parts));
        },
      ),
      { numRuns: 4000, seed: 20_261_207 },
    );
  });

  it("decodes XML's five names strictly, as entities' XML tree does", () => {
    for (const text of ['amp;', 'apos;x', 'gt', 'lt;', 'quot;', 'nbsp;', 'amp', '#39;', '#x3c;', 'ampx;']) {
      for (const parts of [[text], [text.slice(0, 2), text.slice(2)]]) {
        expect(trace(compact('xml'), DecodingMode.Strict, parts), text).toEqual(trace(real('xml'), DecodingMode.Strict, parts));
      }
    }
  });

  it("reads no name where entities misreads its trie (&acy1; is not Ă), as the spec and browsers do", () => {
    expect(entitiesMisreadsAt('acy1;', 0)).toBe(true);
    expect(trace(real('html'), DecodingMode.Legacy, ['acy1;'])).toEqual(['emit 258 6', 'write 6']);
    expect(trace(compact('html'), DecodingMode.Legacy, ['acy1;'])).toEqual(['write 0']);
  });

  it("keeps entities' two attribute-mode ways (a legacy name before a name that breaks off, and inside its compact runs)", () => {
    // Text after '&': `&notin<` reads `¬in<`, `&gtques=` reads `>ques=`; `&notx=` stays text.
    for (const text of ['notin<', 'gtques=', 'gtquest=', 'notx=', 'notinvb', 'amp=', 'ampx', 'amp<']) {
      expect(trace(compact('html'), DecodingMode.Attribute, [text]), text).toEqual(trace(real('html'), DecodingMode.Attribute, [text]));
    }
    expect(trace(compact('html'), DecodingMode.Attribute, ['gtques='])).toEqual(['emit 62 3', 'write 3']);
  });
});
