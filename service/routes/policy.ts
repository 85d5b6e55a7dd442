/**
 * Pexip Infinity's External Policy API (platform facts §6): `GET /policy/v1/service/configuration`
 * and `GET /policy/v1/participant/properties`, HTTP Basic. The decisions are core/infinity's;
 * this shell authenticates, looks the alias up and counts participants. A database failure
 * escapes to the error handler (503 at once): Infinity then falls back to its own database, where
 * SecureJoin's aliases do not exist, so nothing opens on a guess.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTINUE,
  REJECT,
  conferenceName,
  decideServiceConfiguration,
  displayName,
  namedParticipant,
  normaliseLocalAlias,
  openWindow,
  parseParticipantPropertiesQuery,
  parseServiceConfigurationQuery,
} from '../../core/infinity';
import type { Clock } from '../../core/types';
import { basicAuthChecker } from '../auth/basic';
import type { BasicCredentials } from '../auth/basic';
import type { ServiceContext } from '../context';
import { countedDecision } from '../metrics/registry';
import { findByAlias } from '../store/aliases';
import { participantOrdinal } from '../store/participantNames';

export const SERVICE_CONFIGURATION_PATH = '/policy/v1/service/configuration';
export const PARTICIPANT_PROPERTIES_PATH = '/policy/v1/participant/properties';

/** Registers the policy routes (only called when credentials are configured). */
export function policyRoutes(app: FastifyInstance, ctx: ServiceContext, credentials: BasicCredentials, clock: Clock): void {
  const authorised = basicAuthChecker(credentials);
  const onRequest = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (authorised(request.headers.authorization)) return;
    await reply.code(401).header('www-authenticate', 'Basic realm="securejoin-policy", charset="UTF-8"').send({ status: 'failed', error: 'unauthorized' });
  };
  // Infinity must never cache an answer: the window and the names change by the minute.
  const send = (reply: FastifyReply, body: unknown): FastifyReply => reply.header('cache-control', 'no-store').send(body);

  app.get(SERVICE_CONFIGURATION_PATH, { onRequest }, async (request, reply) => {
    const query = parseServiceConfigurationQuery(request.query);
    if (!query) return send(reply, countedDecision(REJECT));
    const found = await findByAlias(ctx.db, ctx.cipher, normaliseLocalAlias(query.local_alias));
    return send(reply, countedDecision(decideServiceConfiguration(found, clock())));
  });

  app.get(PARTICIPANT_PROPERTIES_PATH, { onRequest }, async (request, reply) => {
    const query = parseParticipantPropertiesQuery(request.query);
    const named = query ? namedParticipant(query) : null;
    if (!query || !named) return send(reply, CONTINUE);
    const found = await findByAlias(ctx.db, ctx.cipher, normaliseLocalAlias(named.localAlias));
    if (!found || found.inviteeIndex === null) return send(reply, CONTINUE);
    if (query.service_name && query.service_name !== conferenceName(found.meetingId)) return send(reply, CONTINUE);
    const invitee = found.room.invitees[found.inviteeIndex];
    const window = openWindow(found, clock());
    if (!invitee || !window) return send(reply, CONTINUE);
    // One count per invitee per occurrence: the occurrence is named by its window's opening.
    const key = `${found.meetingId}:${found.inviteeIndex}:${window.opensAt}`;
    const ordinal = await participantOrdinal(ctx.db, key, named.participant, window.closesAt);
    return send(reply, { status: 'success', action: 'continue', result: { remote_display_name: displayName(invitee.name, ordinal) } });
  });
}
