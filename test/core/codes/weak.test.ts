import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWeakCode } from '../../../core/codes';

describe('isWeakCode', () => {
  it.each([
    ['1111', 'one digit'], ['00000000', 'one digit'],
    ['123456', 'ascending run'], ['98765432', 'descending run'], ['7890123', 'wrap-around run'],
    ['3210987', 'descending wrap-around'], ['13579', 'constant step 2'], ['0369258147', 'constant step 3 mod 10'],
    ['121212', 'repeated pair'], ['123123', 'repeated triple'], ['1231231', 'repeated block, partial tail'],
    ['112233', 'doubled digits'], ['111222', 'tripled digits'], ['11223344', 'doubled digits'],
    ['123321', 'mirrored'], ['12321', 'palindrome'], ['4554', 'palindrome'],
    ['123987', 'two runs'], ['11112222', 'two runs'],
    ['10101101', 'two distinct digits in 8'], ['1211', 'few distinct'], ['90090990', 'two distinct digits'],
    ['19851231', 'YYYYMMDD'], ['31121985', 'DDMMYYYY'], ['12311985', 'MMDDYYYY'],
    ['311285', 'DDMMYY'], ['123185', 'MMDDYY'], ['851231', 'YYMMDD'],
    ['1985', 'year'], ['2024', 'year'], ['0229', 'MMDD leap day'], ['3112', 'DDMM'],
    ['2580', 'keypad column'], ['147258369', 'keypad walk'], ['QWERTY', 'keyboard row, any case'],
    ['abcdef', 'letter run'], ['AAAAAA', 'one letter'], ['fedcba', 'descending letters'],
    ['1111#', 'trailing # ignored'], ['123', 'too short'], ['', 'empty'],
  ])('%s is weak (%s)', (code) => {
    expect(isWeakCode(code)).toBe(true);
  });

  it.each(['48213907', '5830', '7203', '941527', '260815793', '83920471', 'X7KQ2M9P', '48213907#', '6047'])(
    '%s is not weak',
    (code) => {
      expect(isWeakCode(code)).toBe(false);
    },
  );

  it('rejects only a modest share of each code space (entropy cost is small)', () => {
    // Fixed sample: every 97th code of the 4- and 6-digit spaces.
    for (const [length, maxShare] of [[4, 0.13], [6, 0.11], [8, 0.01]] as const) {
      let weak = 0;
      let total = 0;
      for (let n = 0; n < 10 ** length; n += length === 8 ? 9973 : 97) {
        total++;
        if (isWeakCode(String(n).padStart(length, '0'))) weak++;
      }
      expect(weak / total).toBeLessThan(maxShare);
    }
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (s) => typeof isWeakCode(s) === 'boolean'));
  });

  it('is unchanged by a trailing # on digit codes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{4,12}$/), (s) => isWeakCode(s) === isWeakCode(`${s}#`)),
    );
  });
});
