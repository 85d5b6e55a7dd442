/** HTTP Basic for the policy routes: the full check, and the remembered accepted headers (issue 19). */
import { describe, expect, it } from 'vitest';
import { basicAuthChecker, sameText } from '../../../service/auth/basic';

const creds = { username: 'infinity-policy', password: 'correct horse battery staple 7' };
const header = (user: string, pass: string, scheme = 'Basic', gap = ' ') => `${scheme}${gap}${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('basicAuthChecker', () => {
  it('accepts the credentials and refuses anything else, before and after an accepted header is remembered', () => {
    const check = basicAuthChecker(creds);
    const wrong = [undefined, '', 'Basic', 'Bearer x', header('infinity-policy', 'wrong'), header('someone', creds.password), header('infinity-policy', `${creds.password} `), 'Basic !!!!'];
    for (const w of wrong) expect(check(w)).toBe(false);
    expect(check(header(creds.username, creds.password))).toBe(true);
    expect(check(header(creds.username, creds.password))).toBe(true);
    for (const w of wrong) expect(check(w)).toBe(false);
  });

  it('accepts every spelling of the scheme, including past the few it remembers, and remembers no refused one', () => {
    const check = basicAuthChecker(creds);
    const spellings = ['Basic', 'basic', 'BASIC', 'bAsIc', 'BaSiC'].flatMap((scheme) => [header(creds.username, creds.password, scheme), header(creds.username, creds.password, scheme, '  ')]);
    for (let round = 0; round < 2; round++) for (const s of spellings) expect(check(s)).toBe(true);
    for (let i = 0; i < 50; i++) expect(check(header(creds.username, `guess ${i}`))).toBe(false);
    expect(check(header('other', creds.password))).toBe(false);
  });

  it('a password may contain a colon (the header splits at the first one)', () => {
    const check = basicAuthChecker({ username: 'u', password: 'a:b' });
    expect(check(header('u', 'a:b'))).toBe(true);
    expect(check(header('u', 'a'))).toBe(false);
  });

  it('sameText is plain equality, for every length and content', () => {
    const texts = ['', 'a', 'b', 'ab', 'ba', 'abc', 'a\u0000', '\u0000', 'Basic x', 'Basic y', 'basic x', '😀', '😀x'];
    for (const a of texts) for (const b of texts) expect(sameText(a, b)).toBe(a === b);
  });
});
