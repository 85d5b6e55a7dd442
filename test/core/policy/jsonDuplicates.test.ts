import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../core/policy/jsonDuplicates';

describe('findDuplicateKeys', () => {
  it('names each duplicated key by path and where both occurrences are', () => {
    const text = '{\n  "version": 1,\n  "organizer": { "accessCode": { "length": { "value": 12 }, "length": { "value": 6 } } },\n  "nodes": [{ "origin": "https://a.example" }, { "origin": "https://b.example", "origin": "https://c.example" }],\n  "version": 1\n}';
    const issues = findDuplicateKeys(text);
    expect(issues.map((i) => i.path)).toEqual(['organizer.accessCode.length', 'nodes[1].origin', 'version']);
    expect(issues[0]?.message).toMatch(/^duplicate key "length" at line 3, column \d+ \(first at line 3, column \d+\)/);
    expect(issues[2]?.message).toContain('at line 5, column 3 (first at line 2, column 3)');
  });

  it('compares keys after unescaping and ignores equal keys in different objects', () => {
    expect(findDuplicateKeys('{"a":1,"\\u0061":2}').map((i) => i.path)).toEqual(['a']);
    expect(findDuplicateKeys('\ufeff{"a":{"a":1},"b":[{"a":1},{"a":"x\\"y"}],"c":"{\\"a\\":1,\\"a\\":2}"}')).toEqual([]);
  });

  it('reports absurd nesting instead of overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(findDuplicateKeys(deep)).toEqual([{ path: '(root)', message: expect.stringContaining('nested more than') }]);
  });
});
