/**
 * The committed core/html/namedEntityData.ts is what scripts/build/namedEntities.ts makes from the
 * `entities` htmlparser2 imports today, and its loader expands to exactly those references.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { namedEntities } from '../../../core/html/namedEntities';
import { htmlparser2Entities, NAMED_ENTITIES_PATH, namedEntitiesSource, namedReferences } from '../../../scripts/build/namedEntities';

describe('core/html/namedEntityData.ts', () => {
  it("is the generator's output for the installed entities (regenerate after an update)", () => {
    expect(
      readFileSync(NAMED_ENTITIES_PATH, 'utf8') === namedEntitiesSource(),
      `core/html/namedEntityData.ts is stale for entities@${htmlparser2Entities().version}: run \`npx tsx scripts/build/namedEntities.ts\` and commit the result`,
    ).toBe(true);
  });

  it("expands to every named reference of entities' trie, 2,231 (106 legacy), with their values", () => {
    const expected = namedReferences(htmlparser2Entities().module);
    const table = namedEntities();
    expect(table.size).toBe(2231);
    expect([...table.keys()].filter((k) => !k.endsWith(';'))).toHaveLength(106);
    expect(new Map([...table].sort())).toEqual(new Map([...expected].sort()));
    expect(table.get('NotNestedGreaterGreater;')).toBe('\u2aa2\u0338');
    expect(table.get('Afr;')).toBe('\u{1d504}');
    expect(table.get('amp')).toBe('&');
  });
});
