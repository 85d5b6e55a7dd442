import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64UrlDecode, base64UrlDecodeText, base64UrlEncode, base64UrlEncodeText, utf8Decode, utf8Encode } from '../../../core/links/base64url';

describe('utf8 and base64url by hand', () => {
  it('matches the platform encoders (TextEncoder, Buffer base64url) on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const bytes = utf8Encode(s);
        expect([...bytes]).toEqual([...new TextEncoder().encode(s)]);
        expect(base64UrlEncode(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64UrlDecodeText(base64UrlEncodeText(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
  it('encodes lone surrogates as U+FFFD like TextEncoder', () => {
    expect([...utf8Encode('\ud800x')]).toEqual([...new TextEncoder().encode('\ud800x')]);
  });
  it('decodes strictly: bad characters, lengths, padding bits and UTF-8 give null', () => {
    expect(base64UrlDecode('AB+/')).toBeNull();
    expect(base64UrlDecode('A')).toBeNull();
    expect(base64UrlDecode('AB==')).toBeNull();
    expect(base64UrlDecode('AB')).toBeNull(); // non-zero leftover bits
    expect([...(base64UrlDecode('AA') ?? [])]).toEqual([0]);
    expect(utf8Decode(Uint8Array.from([0xc0, 0x80]))).toBeNull(); // overlong
    expect(utf8Decode(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull(); // surrogate
    expect(utf8Decode(Uint8Array.from([0xe2, 0x82]))).toBeNull(); // truncated
    expect(utf8Decode(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBeNull(); // > U+10FFFF
    expect(utf8Decode(Uint8Array.from([0xf0, 0x9f, 0x98, 0x80]))).toBe('😀');
  });
  it('agrees with Buffer on which byte strings are valid', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        const ours = utf8Decode(bytes);
        const theirs = (() => {
          try {
            return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            return null;
          }
        })();
        expect(ours).toBe(theirs);
      }),
      { numRuns: 2000 },
    );
  });
});
