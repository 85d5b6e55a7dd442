import { describe, expect, it } from 'vitest';
import { deleteIntent, etagOf, putIntent, versionFromIfMatch } from '../../../core/meeting';

describe('versions and preconditions', () => {
  it('an ETag is the version quoted, and If-Match reads it back (weak or strong)', () => {
    expect(etagOf(3)).toBe('"3"');
    expect(versionFromIfMatch('"3"')).toBe(3);
    expect(versionFromIfMatch('W/"12"')).toBe(12);
    for (const bad of [undefined, '*', '3', '"0"', '"1", "2"', '"abc"', '"99999999999"']) expect(versionFromIfMatch(bad)).toBeNull();
  });

  it('a PUT creates with If-None-Match: *, replaces with If-Match, and needs one of them', () => {
    expect(putIntent(undefined, '*')).toEqual({ kind: 'create' });
    expect(putIntent('"4"', undefined)).toEqual({ kind: 'replace', version: 4 });
    expect(putIntent(undefined, undefined)).toMatchObject({ kind: 'refuse', status: 428 });
    expect(putIntent('"4"', '*')).toMatchObject({ kind: 'refuse', status: 400 });
    expect(putIntent(undefined, '"4"')).toMatchObject({ kind: 'refuse', status: 400 });
    expect(putIntent('4', undefined)).toMatchObject({ kind: 'refuse', status: 400 });
  });

  it('a DELETE names its version; only an admin may delete without one', () => {
    expect(deleteIntent('"2"', false)).toEqual({ kind: 'delete', version: 2 });
    expect(deleteIntent(undefined, true)).toEqual({ kind: 'delete', version: null });
    expect(deleteIntent(undefined, false)).toMatchObject({ kind: 'refuse', status: 428 });
    expect(deleteIntent('x', true)).toMatchObject({ kind: 'refuse', status: 400 });
  });
});
