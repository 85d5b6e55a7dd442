/**
 * The query strings Pexip Infinity's External Policy API sends (platform facts §6), as typed
 * requests. Every parameter is optional except `local_alias` for service configuration; unknown
 * ones are ignored (zod strips them), so a newer Infinity adding parameters never fails a call.
 *
 * Service configuration is parsed by hand (issue 19: it is the hot path, and the schema's parse
 * cost as much as the rest of the answer); the zod schema stays the definition it is tested
 * against, input for input (test/core/infinity/query.test.ts).
 */
import { z } from 'zod';

/** Longest value kept from a query parameter (Infinity's own values are far shorter). */
const MAX = 1000;
const text = z.string().max(MAX).optional();

/** First value of a repeated parameter (`?a=1&a=2` arrives as an array from Fastify's parser). */
const single = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema);

export const serviceConfigurationQuerySchema = z.object({
  local_alias: single(z.string().min(1).max(MAX)),
  remote_alias: single(text),
  remote_display_name: single(text),
  remote_address: single(text),
  call_direction: single(text),
  protocol: single(text),
  trigger: single(text),
});

export const participantPropertiesQuerySchema = z.object({
  local_alias: single(text),
  participant_uuid: single(text),
  call_uuid: single(text),
  participant_type: single(text),
  service_tag: single(text),
  service_name: single(text),
  unique_service_name: single(text),
  call_direction: single(text),
});

export type ServiceConfigurationQuery = z.output<typeof serviceConfigurationQuerySchema>;
export type ParticipantPropertiesQuery = z.output<typeof participantPropertiesQuerySchema>;

const OPTIONAL_SERVICE_KEYS = ['remote_alias', 'remote_display_name', 'remote_address', 'call_direction', 'protocol', 'trigger'] as const;

/** Code points in `s` (a surrogate pair is one; a lone surrogate counts alone), as zod measures `max`. */
function codePoints(s: string): number {
  let count = s.length;
  for (let i = 0; i < s.length - 1; i += 1) {
    if ((s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      i += 1;
    }
  }
  return count;
}

/** Longer than MAX code points (a string within MAX UTF-16 units is within MAX code points: no count needed). */
const tooLong = (s: string): boolean => s.length > MAX && codePoints(s) > MAX;

/** A parameter's value as the schema's `single` takes it: the first of a repeated one. */
const firstOf = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/**
 * Parses a service-configuration query; null when it has no usable `local_alias` or any known
 * parameter is not a string of at most 1000 code points (exactly what
 * `serviceConfigurationQuerySchema` accepts, without building its parse).
 */
export function parseServiceConfigurationQuery(query: unknown): ServiceConfigurationQuery | null {
  const q = query ?? {};
  if (typeof q !== 'object' || Array.isArray(q)) return null;
  const fields = q as Record<string, unknown>;
  const alias = firstOf(fields.local_alias);
  if (typeof alias !== 'string' || alias.length < 1 || tooLong(alias)) return null;
  const out: ServiceConfigurationQuery = { local_alias: alias };
  for (const key of OPTIONAL_SERVICE_KEYS) {
    const value = firstOf(fields[key]);
    if (value === undefined) continue;
    if (typeof value !== 'string' || tooLong(value)) return null;
    out[key] = value;
  }
  return out;
}

/** Parses a participant-properties query; null only when a parameter is absurdly long. */
export function parseParticipantPropertiesQuery(query: unknown): ParticipantPropertiesQuery | null {
  const r = participantPropertiesQuerySchema.safeParse(query ?? {});
  return r.success ? r.data : null;
}

/**
 * The alias key a `local_alias` names: without a `sip:`/`sips:`/`h323:`/`tel:` scheme, without an
 * `@domain` when the user part is numeric (a dial-in `sip:123456789@example.com`), lower-cased as
 * the store keys aliases. A web alias keeps its `@` (aliases like `a@b.c` are allowed).
 */
export function normaliseLocalAlias(localAlias: string): string {
  const bare = localAlias.trim().replace(/^(?:sips?|h323|tel):/i, '');
  const at = bare.indexOf('@');
  const user = at >= 0 ? bare.slice(0, at) : bare;
  return (/^\+?[0-9]+$/.test(user) ? user.replace(/^\+/, '') : bare).toLowerCase();
}
