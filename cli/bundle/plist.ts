/**
 * A small XML property-list writer for macOS configuration profiles (.mobileconfig). Property
 * lists tell integers from reals, where JSON does not: a number is written as <integer> unless it
 * is wrapped in {@link PlistReal} (or not whole), so a policy value the managed schema types as
 * `number` stays a real even when it happens to be whole, and Chrome's type check keeps it.
 */
import { escapeXml } from '../../outlook-addin/manifest/render';

/** A number to be written as <real>. */
export class PlistReal {
  constructor(readonly value: number) {}
}

/** What a property list holds (no dates or data: profiles here need neither). */
export type PlistValue = string | number | boolean | PlistReal | PlistValue[] | { [key: string]: PlistValue };

function render(value: PlistValue, indent: string): string[] {
  if (typeof value === 'string') return [`${indent}<string>${escapeXml(value)}</string>`];
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (value instanceof PlistReal || typeof value === 'number') {
    const n = value instanceof PlistReal ? value.value : value;
    if (!Number.isFinite(n)) throw new RangeError(`a property list cannot hold ${n}`);
    return value instanceof PlistReal || !Number.isInteger(n) ? [`${indent}<real>${n}</real>`] : [`${indent}<integer>${n}</integer>`];
  }
  if (Array.isArray(value)) return [`${indent}<array>`, ...value.flatMap((v) => render(v, `${indent}  `)), `${indent}</array>`];
  return [`${indent}<dict>`, ...Object.entries(value).flatMap(([k, v]) => [`${indent}  <key>${escapeXml(k)}</key>`, ...render(v, `${indent}  `)]), `${indent}</dict>`];
}

/** The XML property list document holding `root`. */
export function plistXml(root: PlistValue): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...render(root, ''),
    '</plist>',
    '',
  ].join('\n');
}

/** A JSON schema node as far as typing goes. */
interface SchemaNode {
  type?: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
}

/**
 * `value` (plain JSON) as property-list values typed by `schema` (the managed storage schema):
 * numbers the schema calls `number` become reals. Nulls cannot be written and are refused.
 */
export function typedBySchema(value: unknown, schema: SchemaNode | undefined): PlistValue {
  if (value === null || value === undefined) throw new RangeError('a property list cannot hold null');
  if (typeof value === 'number') return schema?.type === 'number' ? new PlistReal(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => typedBySchema(v, schema?.items));
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, typedBySchema(v, schema?.properties?.[k] ?? schema?.additionalProperties)]));
}
