/**
 * The policy as browser managed storage (`storage.managed`): the JSON schema the extension's
 * manifest declares as `storage.managed_schema`, derived from the zod schema, and the way back
 * from what the browser hands the extension to a Policy.
 *
 * Chrome validates `managed_schema` strictly (components/policy/core/common/schema.cc): an
 * unknown attribute, a type list or `additionalProperties: false` stops the extension from
 * loading. The allowed attributes differ per type and are listed in CHROME_SCHEMA_ATTRIBUTES.
 */
import { toJSONSchema } from 'zod/mini';
import type { Issue, Result } from '../types';
import { policyDescription } from './descriptions';
import { DEFAULT_POLICY, parsePolicy } from './parse';
import type { Policy } from './schema';
import { PolicySchema } from './schema';

/** A JSON schema node as Chrome's managed_schema accepts it. */
export type ChromeSchema = { [key: string]: unknown };

/**
 * Attributes Chrome accepts per schema type (Chromium schema.cc `kAttributesAndTypesFor*`),
 * minus `required`, `patternProperties` and `sensitiveValue`, which SecureJoin does not use.
 * Note: `minimum`/`maximum` only for integers, `enum` only for strings and integers.
 */
export const CHROME_SCHEMA_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  array: ['type', 'title', 'description', 'id', 'items'],
  boolean: ['type', 'title', 'description', 'id'],
  integer: ['type', 'title', 'description', 'id', 'enum', 'minimum', 'maximum'],
  number: ['type', 'title', 'description', 'id'],
  object: ['type', 'title', 'description', 'id', 'properties', 'additionalProperties'],
  string: ['type', 'title', 'description', 'id', 'enum', 'pattern'],
};
const REF_ATTRIBUTES = ['$ref', 'title', 'description'];
const INT32_MAX = 2 ** 31 - 1;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Rewrites one z.toJSONSchema node into Chrome's dialect, recursively, with the field's words
 * from descriptions.ts (`field`: its path as descriptions.ts names it, '' at the top). Throws on
 * what Chrome cannot express.
 */
function toChrome(node: Record<string, unknown>, path: string, field: string): ChromeSchema {
  if (typeof node.$ref === 'string') return { $ref: node.$ref };
  const source: Record<string, unknown> = { ...node };
  const description = field === '' ? '' : policyDescription(field);
  if (description) source.description = description;
  if ('const' in source) {
    // z.literal(1) becomes { type: 'number', const: 1 }; Chrome has no const, but integer/string enums.
    const value = source.const;
    delete source.const;
    if (typeof value === 'number' && Number.isInteger(value)) Object.assign(source, { type: 'integer', enum: [value] });
    else if (typeof value === 'string') Object.assign(source, { type: 'string', enum: [value] });
    else if (typeof value === 'boolean') source.type = 'boolean';
  }
  const type = source.type;
  if (typeof type !== 'string' || !(type in CHROME_SCHEMA_ATTRIBUTES)) {
    throw new Error(`managedStorageSchema: ${path} has no single Chrome type (got ${JSON.stringify(type ?? Object.keys(node))}); avoid unions there`);
  }
  const allowed = CHROME_SCHEMA_ATTRIBUTES[type] ?? [];
  const out: ChromeSchema = {};
  for (const key of allowed) {
    const value = source[key];
    if (value === undefined) continue;
    if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toChrome(v as Record<string, unknown>, `${path}.${k}`, field ? `${field}.${k}` : k)]));
    } else if (key === 'items' && isObject(value)) {
      out.items = toChrome(value, `${path}[]`, `${field}[]`);
    } else if (key === 'additionalProperties') {
      // `false` (zod's strict objects) is not a schema: Chrome rejects it. Unknown keys are
      // dropped by Chrome and rejected by parsePolicy anyway.
      if (isObject(value)) out.additionalProperties = toChrome(value, `${path}.*`, `${field}.*`);
    } else if ((key === 'minimum' || key === 'maximum') && (typeof value !== 'number' || Math.abs(value) > INT32_MAX)) {
      continue; // Chrome stores integer bounds as int32
    } else {
      out[key] = value;
    }
  }
  return out;
}

/**
 * The Chrome/Edge `storage.managed_schema` for the policy, derived from {@link PolicySchema}
 * (types, integer bounds, enums, patterns) with the texts of descriptions.ts. Bounds Chrome cannot
 * express (number ranges, string and list lengths, cross-field rules) are still enforced by
 * {@link parsePolicy} when the extension reads the policy. Returns a fresh object each call.
 */
export function managedStorageSchema(): ChromeSchema {
  const json = toJSONSchema(PolicySchema, { io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  const schema = toChrome(json, '(root)', '');
  // Top level: Chrome forbids additionalProperties there (its properties are the policy names).
  delete schema.additionalProperties;
  return schema;
}

/**
 * Checks a schema against Chrome's managed_schema rules (type per node, allowed attributes per
 * type, non-empty typed enums, items for arrays, object top level without additionalProperties).
 * Returns the problems; empty means Chrome will load it.
 */
export function checkChromeManagedSchema(schema: unknown): Issue[] {
  const issues: Issue[] = [];
  const visit = (node: unknown, path: string): void => {
    if (!isObject(node)) {
      issues.push({ path, message: 'schema must be an object' });
      return;
    }
    if ('$ref' in node) {
      for (const key of Object.keys(node)) if (!REF_ATTRIBUTES.includes(key)) issues.push({ path, message: `attribute "${key}" is not allowed beside $ref` });
      return;
    }
    const type = node.type;
    if (typeof type !== 'string' || !(type in CHROME_SCHEMA_ATTRIBUTES)) {
      issues.push({ path, message: `needs exactly one type of ${Object.keys(CHROME_SCHEMA_ATTRIBUTES).join('/')}, got ${JSON.stringify(type)}` });
      return;
    }
    const allowed = CHROME_SCHEMA_ATTRIBUTES[type] ?? [];
    for (const key of Object.keys(node)) if (!allowed.includes(key)) issues.push({ path, message: `attribute "${key}" is not allowed for type ${type}` });
    if (node.enum !== undefined) {
      const itemType = type === 'integer' ? (v: unknown) => Number.isInteger(v) : (v: unknown) => typeof v === 'string';
      if (!Array.isArray(node.enum) || node.enum.length === 0 || !node.enum.every(itemType)) issues.push({ path, message: `enum must be a non-empty list of ${type} values` });
    }
    if (type === 'array') visit(node.items, `${path}[]`);
    if (type === 'object') {
      if (node.properties !== undefined) {
        if (!isObject(node.properties)) issues.push({ path, message: 'properties must be an object' });
        else for (const [k, v] of Object.entries(node.properties)) visit(v, path === '(root)' ? k : `${path}.${k}`);
      }
      if (node.additionalProperties !== undefined) visit(node.additionalProperties, `${path}.*`);
    }
  };
  if (isObject(schema) && schema.type !== 'object') issues.push({ path: '(root)', message: 'top-level type must be object' });
  if (isObject(schema) && 'additionalProperties' in schema) issues.push({ path: '(root)', message: 'top level must not have additionalProperties' });
  visit(schema, '(root)');
  return issues;
}

/**
 * The policy as it is deployed to managed storage: plain JSON with every default written out,
 * so what the browser shows at chrome://policy is exactly what applies.
 */
export function policyToManaged(policy: Policy): Record<string, unknown> {
  return JSON.parse(JSON.stringify(policy)) as Record<string, unknown>;
}

/**
 * Turns what `storage.managed.get()` returned into a Policy. No policy deployed (undefined,
 * null or `{}`) gives {@link DEFAULT_POLICY}; anything else goes through {@link parsePolicy},
 * so an invalid managed policy is an error the caller must answer by failing closed (the
 * extension then fills nowhere and saves nothing: extension/policy/managedPolicy.ts), never by
 * guessing or by the defaults, which would drop the admin's nodes and locks.
 */
export function policyFromManaged(managed: unknown): Result<Policy> {
  if (managed === undefined || managed === null || (isObject(managed) && Object.keys(managed).length === 0)) {
    return { ok: true, value: DEFAULT_POLICY };
  }
  return parsePolicy(managed);
}
