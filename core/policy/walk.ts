/**
 * Small read-only walks over the policy's zod schema, so docs, typo hints and the list of
 * user-facing settings are derived from the schema instead of being kept by hand.
 */
import type { $ZodType } from 'zod/v4/core';

type Def = { type: string; innerType?: $ZodType; element?: $ZodType; shape?: Record<string, $ZodType>; in?: $ZodType };

const defOf = (schema: $ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Strips default/prefault/optional/nullable/readonly wrappers (and the input side of pipes). */
export function unwrap(schema: $ZodType): $ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.innerType) current = def.innerType;
    else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

/** The fields of an object schema (after unwrapping), or null when it is not an object. */
export function shapeOf(schema: $ZodType): Record<string, $ZodType> | null {
  const def = defOf(unwrap(schema));
  return def.type === 'object' && def.shape ? def.shape : null;
}

/** The schema found by following `path` (numbers step into arrays), or null. */
export function schemaAt(root: $ZodType, path: ReadonlyArray<PropertyKey>): $ZodType | null {
  let current: $ZodType | null = root;
  for (const key of path) {
    if (!current) return null;
    const def = defOf(unwrap(current));
    if (typeof key === 'number') current = def.type === 'array' && def.element ? def.element : null;
    else current = def.type === 'object' && def.shape ? def.shape[String(key)] ?? null : null;
  }
  return current;
}

/** The keys an object accepts at `path`; empty when there is no object there. */
export function keysAt(root: $ZodType, path: ReadonlyArray<PropertyKey>): string[] {
  const at = schemaAt(root, path);
  const shape = at ? shapeOf(at) : null;
  return shape ? Object.keys(shape) : [];
}

/** True for a `{ value, locked }` setting object. */
export function isSettingSchema(schema: $ZodType): boolean {
  const shape = shapeOf(schema);
  return shape !== null && Object.keys(shape).sort().join(',') === 'locked,value';
}

/** One leaf or setting found by {@link listFields}. */
export interface FieldInfo {
  /** Dotted path, arrays as `[]` (e.g. `nodes[].origin`). */
  path: string;
  schema: $ZodType;
  /** True for a `{ value, locked }` setting (listed once, not as two leaves). */
  setting: boolean;
}

/** Every setting and plain leaf of an object schema, depth first, in declaration order. */
export function listFields(root: $ZodType, prefix = ''): FieldInfo[] {
  const out: FieldInfo[] = [];
  const shape = shapeOf(root);
  if (!shape) return out;
  for (const [key, child] of Object.entries(shape)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const def = defOf(unwrap(child));
    if (isSettingSchema(child)) out.push({ path, schema: child, setting: true });
    else if (def.type === 'object') out.push({ path, schema: child, setting: false }, ...listFields(child, path));
    else if (def.type === 'array' && def.element && shapeOf(def.element)) {
      out.push({ path, schema: child, setting: false }, ...listFields(def.element, `${path}[]`));
    } else out.push({ path, schema: child, setting: false });
  }
  return out;
}
