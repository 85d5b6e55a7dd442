/**
 * The hand parse of service configuration (issue 19's hot path) against its zod schema, which
 * stays the definition: for every query shape Fastify can hand over, and shapes it cannot, both
 * accept the same and give the same.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseServiceConfigurationQuery, serviceConfigurationQuerySchema } from '../../../core/infinity';

const bySchema = (query: unknown) => {
  const r = serviceConfigurationQuerySchema.safeParse(query ?? {});
  return r.success ? r.data : null;
};

const KEYS = ['local_alias', 'remote_alias', 'remote_display_name', 'remote_address', 'call_direction', 'protocol', 'trigger', 'bandwidth', 'node_ip', 'vendor'];
/** Strings around the limits: empty, short, 1000 and 1001 characters, astral ones (two UTF-16 units, one code point each), lone surrogates. */
const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('', 'a', 'x'.repeat(1000), 'x'.repeat(1001), '😀'.repeat(500), '😀'.repeat(1000), '😀'.repeat(1001), `${'x'.repeat(1000)}\ud800`, `\udc00${'😀'.repeat(999)}\ud83d`),
);
/** What a query parser hands over for one parameter: a value, a repeated one, or (not from a parser) anything. */
const value = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.array(text, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, null, 7, true, {}, [['nested']], [7]) },
);
const query = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: KEYS.length });

describe('parseServiceConfigurationQuery', () => {
  it('accepts and gives exactly what the zod schema does', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(parseServiceConfigurationQuery(q)).toEqual(bySchema(q));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on what is not a query object at all', () => {
    for (const q of [undefined, null, 'local_alias=x', 7, [], [{ local_alias: 'x' }], Object.assign(Object.create(null), { local_alias: 'x', trigger: 'web' })]) {
      expect(parseServiceConfigurationQuery(q)).toEqual(bySchema(q));
    }
  });

  it('takes the first of a repeated parameter and drops unknown ones', () => {
    expect(parseServiceConfigurationQuery({ local_alias: ['a', 'b'], trigger: ['web', 'invite'], novel: 'y' })).toEqual({ local_alias: 'a', trigger: 'web' });
    expect(parseServiceConfigurationQuery({ local_alias: '', trigger: 'web' })).toBeNull();
    expect(parseServiceConfigurationQuery({ local_alias: 'a', remote_address: 'x'.repeat(1001) })).toBeNull();
  });
});
