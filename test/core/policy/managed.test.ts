import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHROME_SCHEMA_ATTRIBUTES,
  DEFAULT_POLICY,
  checkChromeManagedSchema,
  managedStorageSchema,
  parsePolicyJson,
  policyFromManaged,
  policyToManaged,
} from '../../../core/policy';
import type { ChromeSchema } from '../../../core/policy';

/** What Chrome does with a managed value: keep it only when it matches the schema (type, enum, range, pattern). */
function chromeAccepts(value: unknown, schema: ChromeSchema, path = '(root)'): string[] {
  const problems: string[] = [];
  const type = schema.type;
  const typeOk =
    type === 'integer' ? Number.isInteger(value) :
    type === 'number' ? typeof value === 'number' :
    type === 'array' ? Array.isArray(value) :
    type === 'object' ? value !== null && typeof value === 'object' && !Array.isArray(value) :
    typeof value === type;
  if (!typeOk) return [`${path}: ${JSON.stringify(value)} is not ${String(type)}`];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path}: not in enum`);
  if (typeof schema.minimum === 'number' && (value as number) < schema.minimum) problems.push(`${path}: below minimum`);
  if (typeof schema.maximum === 'number' && (value as number) > schema.maximum) problems.push(`${path}: above maximum`);
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value as string)) problems.push(`${path}: pattern`);
  if (type === 'array') (value as unknown[]).forEach((item, i) => problems.push(...chromeAccepts(item, schema.items as ChromeSchema, `${path}[${i}]`)));
  if (type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, ChromeSchema>;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const sub = properties[key];
      if (!sub) problems.push(`${path}.${key}: unknown key (Chrome drops it)`);
      else problems.push(...chromeAccepts(child, sub, `${path}.${key}`));
    }
  }
  return problems;
}

function collectKeys(node: unknown, into: Set<string>, inProperties = false): Set<string> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, child] of Object.entries(node)) {
      if (!inProperties) into.add(key);
      collectKeys(child, into, key === 'properties' && !inProperties);
    }
  }
  return into;
}

const example = (() => {
  const result = parsePolicyJson(readFileSync('examples/policy.json', 'utf8'));
  if (!result.ok) throw new Error('example invalid');
  return result.value;
})();

describe('managedStorageSchema', () => {
  const schema = managedStorageSchema();

  it('uses only keywords Chrome accepts, per type', () => {
    expect(checkChromeManagedSchema(schema)).toEqual([]);
    const allowed = new Set(['type', 'properties', 'items', 'title', 'description', 'id', '$ref', 'minimum', 'maximum', 'enum', 'pattern', 'additionalProperties']);
    expect([...collectKeys(schema, new Set())].filter((k) => !allowed.has(k))).toEqual([]);
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
  });

  it('is derived from the zod schema: types, bounds, enums and descriptions', () => {
    const properties = schema.properties as Record<string, ChromeSchema>;
    expect(Object.keys(properties)).toEqual(['version', 'organizer', 'attendee', 'attempts', 'nodes', 'meetingService', 'attendance', 'assumedMeetingMinutes', 'maxActivationWindowHours', 'assumedRoomDays', 'assumedInvitees', 'maxGuessProbability']);
    expect(properties.version).toMatchObject({ type: 'integer', enum: [1] });
    expect(properties.maxGuessProbability).toEqual({ type: 'number', description: expect.any(String) });
    const length = JSON.parse(JSON.stringify(properties.organizer)).properties.accessCode.properties.length;
    expect(length.properties.value).toEqual({ type: 'integer', minimum: 6, maximum: 15 });
    const mode = JSON.parse(JSON.stringify(properties.attendee)).properties.autofill.properties.mode.properties.value;
    expect(mode).toEqual({ type: 'string', enum: ['off', 'fill', 'fill-and-join'] });
  });

  it('catches what would stop Chrome loading the extension', () => {
    expect(checkChromeManagedSchema({ type: 'object', additionalProperties: false })).not.toEqual([]);
    expect(checkChromeManagedSchema({ type: 'object', properties: { a: { type: 'number', minimum: 0 } } })).toEqual([{ path: 'a', message: 'attribute "minimum" is not allowed for type number' }]);
    expect(checkChromeManagedSchema({ type: 'object', properties: { a: { type: ['string', 'null'] } } })[0]?.path).toBe('a');
    expect(checkChromeManagedSchema({ type: 'object', properties: { a: { type: 'array' } } })[0]?.path).toBe('a[]');
    expect(Object.keys(CHROME_SCHEMA_ATTRIBUTES).sort()).toEqual(['array', 'boolean', 'integer', 'number', 'object', 'string']);
  });

  it('accepts every value of the deployed representation, so Chrome drops nothing', () => {
    expect(chromeAccepts(policyToManaged(example), schema)).toEqual([]);
    expect(chromeAccepts(policyToManaged(DEFAULT_POLICY), schema)).toEqual([]);
  });
});

describe('policyFromManaged', () => {
  it('round-trips a policy through its managed representation', () => {
    expect(policyFromManaged(policyToManaged(example))).toEqual({ ok: true, value: example });
  });

  it('gives DEFAULT_POLICY when nothing is deployed', () => {
    for (const none of [undefined, null, {}]) expect(policyFromManaged(none)).toEqual({ ok: true, value: DEFAULT_POLICY });
  });

  it('rejects an invalid managed policy instead of guessing (caller falls back to DEFAULT_POLICY)', () => {
    const managed = policyToManaged(example);
    delete managed.version; // e.g. Chrome dropped a wrongly typed value
    expect(policyFromManaged(managed)).toEqual({ ok: false, errors: [{ path: 'version', message: expect.any(String) }] });
  });
});
