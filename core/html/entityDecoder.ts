/**
 * A drop-in for `entities/decode` as htmlparser2's Tokenizer uses it (the classic Windows event
 * runtime's build resolves that import here: scripts/build/entitiesDecode.ts). It decodes like
 * entities' `EntityDecoder`, from the compact name table in ./namedEntities.ts instead of
 * entities' binary trie (~21 KiB gzipped, decoded from base64 at load).
 *
 * The same decoding, written out: numeric references as entities reads them (digits without a
 * ';' end them in text and attributes, not in strict mode; 0, surrogates and > 0x10FFFF become
 * U+FFFD; the C1 table below); named references by the HTML spec's longest match, a legacy name
 * (no ';') kept while a longer name may still match, in an attribute not decoded when followed by
 * '=' or an alphanumeric. Also two of entities' own ways, so that every runtime reads an invite
 * alike: in an attribute, a legacy match is decoded when the longer name it ran into breaks off
 * at a prefix that is itself a name (`&notin<` reads `¬in<`), or inside one of entities' compact
 * runs (ATTRIBUTE_RUN_PREFIXES). One difference: entities misreads its trie after a leaf whose
 * value is stored inline (`&acy1;` gives U+0102); this decoder reads no such name, as the spec
 * and browsers do.
 *
 * Values are emitted as UTF-16 code units, one call each (an astral character as its two
 * surrogates), as entities does; the Tokenizer's callbacks join them back.
 */
import { ATTRIBUTE_RUN_PREFIXES, namedEntities } from './namedEntities';

/** How references may end (entities' numbering). */
export enum DecodingMode {
  /** Text: legacy names and numbers without ';' decode. */
  Legacy = 0,
  /** Only references ending in ';' (XML). */
  Strict = 1,
  /** Attribute values: as Legacy, but a legacy name before '=' or an alphanumeric stays text. */
  Attribute = 2,
}

/**
 * Which table to decode with. entities passes its binary tries here; the Tokenizer only hands the
 * one it imported back to the constructor, so tokens are enough: HTML's named references, or
 * XML's five.
 */
export type DecodeTree = 'html' | 'xml';
export const htmlDecodeTree: DecodeTree = 'html';
export const xmlDecodeTree: DecodeTree = 'xml';

/** The optional error sink of entities' decoder (htmlparser2's Tokenizer passes none). */
export interface EntityErrorProducer {
  missingSemicolonAfterCharacterReference(): void;
  absenceOfDigitsInNumericCharacterReference(consumedCharacters: number): void;
  validateNumericCharacterReference(code: number): void;
}

/** Numeric references to C1 controls (and 0) that decode as Windows-1252 does, per the spec. */
const C1 = new Map<number, number>([[0, 0xfffd], [128, 8364], [130, 8218], [131, 402], [132, 8222], [133, 8230], [134, 8224], [135, 8225], [136, 710], [137, 8240], [138, 352], [139, 8249], [140, 338], [142, 381], [145, 8216], [146, 8217], [147, 8220], [148, 8221], [149, 8226], [150, 8211], [151, 8212], [152, 732], [153, 8482], [154, 353], [155, 8250], [156, 339], [158, 382], [159, 376]]);

/** entities' replaceCodePoint: surrogates and > 0x10FFFF become U+FFFD, then the table above. */
export function replaceCodePoint(cp: number): number {
  if ((cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return 0xfffd;
  return C1.get(cp) ?? cp;
}

const XML = new Map([['amp;', '&'], ['apos;', "'"], ['gt;', '>'], ['lt;', '<'], ['quot;', '"']]);

/** A table with its name prefixes, for the longest-match walk. */
interface Table {
  names: Map<string, string>;
  prefixes: Set<string>;
}
const tables: Partial<Record<DecodeTree, Table>> = {};

function tableFor(tree: DecodeTree): Table {
  const cached = tables[tree];
  if (cached) return cached;
  const names = tree === 'xml' ? XML : namedEntities();
  const prefixes = new Set<string>();
  for (const name of names.keys()) for (let i = 1; i < name.length; i++) prefixes.add(name.slice(0, i));
  return (tables[tree] = { names, prefixes });
}

const runPrefixes = new Set(ATTRIBUTE_RUN_PREFIXES);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
const isAlphanumeric = (c: number): boolean => isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 122);

const enum State {
  Start,
  NumericStart,
  Decimal,
  Hex,
  Named,
}

/** Decodes one reference at a time, written in as many pieces as the Tokenizer has. */
export class EntityDecoder {
  private state = State.Start;
  private mode = DecodingMode.Strict;
  /** Characters of the reference so far, the '&' included (numeric references). */
  private consumed = 1;
  private result = 0;
  /** The name read so far (named references). */
  private name = '';
  /** The longest legacy name matched so far, if any. */
  private legacy = '';
  private readonly table: () => Table;

  constructor(
    tree: DecodeTree,
    private readonly emitCodePoint: (cp: number, consumed: number) => void,
    private readonly errors?: EntityErrorProducer,
  ) {
    // The table is built on the first named reference, not when htmlparser2 builds its Tokenizer.
    this.table = () => tableFor(tree);
  }

  /** Starts a reference (the '&' was read). */
  startEntity(mode: DecodingMode): void {
    this.mode = mode;
    this.state = State.Start;
    this.consumed = 1;
    this.result = 0;
    this.name = '';
    this.legacy = '';
  }

  /** Reads from `offset`: characters consumed (the '&' included), 0 for none, -1 for more input. */
  write(input: string, offset: number): number {
    if (this.state === State.Start) {
      if (input.charCodeAt(offset) === 35 /* # */) {
        this.state = State.NumericStart;
        this.consumed++;
        offset++;
      } else this.state = State.Named;
    }
    if (this.state === State.NumericStart) {
      if (offset >= input.length) return -1;
      if ((input.charCodeAt(offset) | 32) === 120 /* x */) {
        this.state = State.Hex;
        this.consumed++;
        offset++;
      } else this.state = State.Decimal;
    }
    return this.state === State.Named ? this.named(input, offset) : this.numeric(input, offset);
  }

  /** The input ended inside a reference: what it decodes to then. */
  end(): number {
    switch (this.state) {
      case State.Named:
        return this.legacy && (this.mode !== DecodingMode.Attribute || this.name === this.legacy) ? this.emitLegacy() : 0;
      case State.Decimal:
        return this.emitNumeric(0, 2);
      case State.Hex:
        return this.emitNumeric(0, 3);
      case State.NumericStart:
        this.errors?.absenceOfDigitsInNumericCharacterReference(this.consumed);
        return 0;
      default:
        return 0;
    }
  }

  private numeric(input: string, offset: number): number {
    const hex = this.state === State.Hex;
    for (; offset < input.length; offset++) {
      const c = input.charCodeAt(offset);
      if (!(hex ? isHex(c) : isDigit(c))) return this.emitNumeric(c, hex ? 3 : 2);
      this.result = this.result * (hex ? 16 : 10) + (c <= 57 ? c - 48 : (c | 32) - 87);
      this.consumed++;
    }
    return -1;
  }

  /** `minimum`: characters before the first digit ("&#" or "&#x"); none after them is no reference. */
  private emitNumeric(last: number, minimum: number): number {
    if (this.consumed <= minimum) {
      this.errors?.absenceOfDigitsInNumericCharacterReference(this.consumed);
      return 0;
    }
    if (last === 59 /* ; */) this.consumed++;
    else if (this.mode === DecodingMode.Strict) return 0;
    this.emitCodePoint(replaceCodePoint(this.result), this.consumed);
    if (this.errors) {
      if (last !== 59) this.errors.missingSemicolonAfterCharacterReference();
      this.errors.validateNumericCharacterReference(this.result);
    }
    return this.consumed;
  }

  private named(input: string, offset: number): number {
    const { names, prefixes } = this.table();
    for (; offset < input.length; offset++) {
      const c = input.charCodeAt(offset);
      const next = this.name + input[offset];
      if (c === 59 && names.has(next)) return this.emit(names.get(next) as string, next.length + 1);
      if (!prefixes.has(next)) {
        if (!this.legacy) return 0;
        // The attribute rule as entities applies it: it looks at the name where the match broke
        // off (not at the legacy name), and not at all inside its compact runs.
        const brokeAtName = names.has(`${this.name};`);
        if (this.mode === DecodingMode.Attribute && !runPrefixes.has(this.name) && (!brokeAtName || c === 61 || isAlphanumeric(c))) return 0;
        return this.emitLegacy();
      }
      this.name = next;
      if (this.mode !== DecodingMode.Strict && names.has(next)) this.legacy = next;
    }
    return -1;
  }

  private emitLegacy(): number {
    const consumed = this.emit(this.table().names.get(this.legacy) as string, this.legacy.length + 1);
    this.errors?.missingSemicolonAfterCharacterReference();
    return consumed;
  }

  private emit(value: string, consumed: number): number {
    for (let i = 0; i < value.length; i++) this.emitCodePoint(value.charCodeAt(i), consumed);
    return consumed;
  }
}
