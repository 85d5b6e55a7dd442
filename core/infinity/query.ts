/**
 * The query strings Pexip Infinity's External Policy API sends (platform facts §6), as typed
 * requests. Every parameter is optional except `local_alias` for service configuration; unknown
 * ones are ignored (zod strips them), so a newer Infinity adding parameters never fails a call.
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

/** Parses a service-configuration query; null when it has no usable `local_alias`. */
export function parseServiceConfigurationQuery(query: unknown): ServiceConfigurationQuery | null {
  const r = serviceConfigurationQuerySchema.safeParse(query ?? {});
  return r.success ? r.data : null;
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
