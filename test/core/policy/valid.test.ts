import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicyJson } from '../../../core/policy';
import { findDuplicateKeys } from '../../../core/policy/jsonDuplicates';
import { hasRepeatedKeys, validPolicyJson } from '../../../core/policy/valid';

const EXAMPLE = readFileSync('examples/policy.json', 'utf8');
const nested = (depth: number, inner: string) => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('hasRepeatedKeys (the task pane\'s check, without the scanner that says where)', () => {
  it('answers as findDuplicateKeys does', () => {
    const texts = [
      EXAMPLE,
      `\uFEFF${EXAMPLE}`,
      '{"a":1,"a":2}',
      '{"a":1,"\\u0061":2}',
      '{"a":{"a":1},"b":[{"a":1},{"a":"x\\"y"}],"c":"{\\"a\\":1,\\"a\\":2}"}',
      '{"a" : 1, "b":{"c":[1,{"d":2,"d":3}]}}',
      '{"k":"v\\\\","k2":"\\":"}',
      '{"__proto__":1,"__proto__":2}',
      '{"__proto__":{"x":1}}',
      '[]',
      '"text"',
      '{"": 1, "": 2}',
      '{\n  "version": 1,\n  "organizer": { "accessCode": { "length": { "value": 12 }, "length": { "value": 6 } } }\n}',
      nested(256, '1'),
      nested(256, '[]'),
      nested(257, '1'),
      nested(257, '[]'),
      nested(100_000, ''),
    ];
    for (const text of texts) {
      expect(hasRepeatedKeys(text, JSON.parse(text.replace(/^\uFEFF/, ''))), text.slice(0, 60)).toBe(findDuplicateKeys(text).length > 0);
    }
  });

  it('makes validPolicyJson refuse exactly what parsePolicyJson refuses', () => {
    for (const text of [EXAMPLE, '{"version": 1, "version": 1}', '{"version": 1, "assumedInvitees": 5, "assumedInvitees": 6}', '{"version": 1}']) {
      const full = parsePolicyJson(text);
      expect(validPolicyJson(text), text.slice(0, 60)).toEqual(full.ok ? full.value : null);
    }
  });
});
