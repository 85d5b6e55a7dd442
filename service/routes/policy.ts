/**
 * Pexip Infinity's External Policy API (platform facts §6): `GET /policy/v1/service/configuration`
 * and `GET /policy/v1/participant/properties`, HTTP Basic. The decisions are core/infinity's;
 * this shell authenticates, looks the alias up and counts participants. A database failure
 * escapes to the error handler (503 at once): Infinity then falls back to its own database, where
 * SecureJoin's aliases do not exist, so nothing opens on a guess.
 *
 * Guessing is shut out (issue 18): a look-up that finds no open meeting counts against the
 * caller's `remote_address` (../store/guesses.ts); an address past the limit is refused
 * everything, a right alias included, until its window passes.
 *
 * While the replica's policy view is current (issue 19, ../view/policyView.ts) the answers come
 * from memory: an unknown and a closed alias are refused by the same few array reads and the same
 * failure count, and an open one is answered from its held room. Otherwise (the view loading, or
 * its listening connection lost) every look-up goes to the database, as the view's fallback.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONTINUE,
  REJECT,
  conferenceName,
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
import { countPolicyDecision } from '../metrics/registry';
import { findByAliasFrom, findByHash } from '../store/aliases';
import type { FoundAlias } from '../store/aliases';
import { countFailure } from '../store/guesses';
import { ShutOutAddresses } from '../store/shutOut';
import { participantOrdinal } from '../store/participantNames';
import { heldOrdinal, holdOrdinal } from './heldOrdinals';
import { JSON_TYPE, REJECT_BODY, serviceConfigurationBody } from './policyBodies';
import type { AnswerBody } from './policyBodies';

export const SERVICE_CONFIGURATION_PATH = '/policy/v1/service/configuration';
export const PARTICIPANT_PROPERTIES_PATH = '/policy/v1/participant/properties';

/** Registers the policy routes (only called when credentials are configured). */
export function policyRoutes(app: FastifyInstance, ctx: ServiceContext, credentials: BasicCredentials, clock: Clock): void {
  const authorised = basicAuthChecker(credentials);
  // Checked first thing in each handler rather than in a route hook: the same order (nothing is
  // looked up before it), one hook fewer for Fastify to run on the hot path.
  const refused = (request: FastifyRequest, reply: FastifyReply): boolean => {
    if (authorised(request.headers.authorization)) return false;
    void reply.code(401).header('www-authenticate', 'Basic realm="securejoin-policy", charset="UTF-8"').send({ status: 'failed', error: 'unauthorized' });
    return true;
  };
  // Infinity must never cache an answer: the window and the names change by the minute.
  const send = (reply: FastifyReply, body: unknown): FastifyReply => reply.header('cache-control', 'no-store').send(body);
  /** A service-configuration answer, counted, as the bytes the serializer would have made. */
  const sendBody = (reply: FastifyReply, answer: AnswerBody): void => {
    countPolicyDecision(answer.action);
    void reply.header('cache-control', 'no-store').header('content-type', JSON_TYPE).send(answer.body);
  };

  const view = ctx.view;
  const shutOut = view?.shutOut ?? new ShutOutAddresses();
  /** The view answers when it is current and holds every shut-out in force. */
  const fromView = (now: number): boolean => view !== null && view.current && shutOut.complete(now);
  /** The view's answer for an alias hash: its meeting when it may open at `now`, else null (closed or unknown, alike). */
  const viewFound = (aliasHash: string, now: number): FoundAlias | null | Promise<FoundAlias | null> => (view!.mayOpen(aliasHash, now) ? view!.found(aliasHash) : null);

  /** Answers what was found; a refusal counts against the address (one database statement) before it is sent. */
  const answer = (request: FastifyRequest, reply: FastifyReply, found: FoundAlias | null, address: string, now: number): void | Promise<void> => {
    const body = serviceConfigurationBody(found, now);
    if (body.action === 'continue') return sendBody(reply, body);
    return countGuess(ctx, request, address, now).then((until) => {
      if (until !== null) shutOut.add(address, until, now);
      sendBody(reply, body);
    });
  };

  /** A shut-out address is refused after a hold (it slows a guesser down, costing nothing to wait). */
  const blocked = async (reply: FastifyReply): Promise<void> => {
    countPolicyDecision('blocked');
    await new Promise((resolve) => setTimeout(resolve, ctx.guessLimits.holdMs));
    void send(reply, REJECT);
  };

  // Not an async handler, and no closure made per request: an open alias held in the view is
  // answered without a promise (the hot path).
  app.get(SERVICE_CONFIGURATION_PATH, (request, reply): void | Promise<void> => {
    if (refused(request, reply)) return;
    const query = parseServiceConfigurationQuery(request.query);
    if (!query) return sendBody(reply, REJECT_BODY);
    const now = clock();
    const address = callerAddress(query.remote_address);
    // A shut-out address this replica has seen costs no database round trip until its shut-out ends.
    if (shutOut.has(address, now)) return blocked(reply);
    const key = normaliseLocalAlias(query.local_alias);
    if (fromView(now)) {
      const found = viewFound(ctx.hash(key), now);
      return found instanceof Promise ? found.then((f) => answer(request, reply, f, address, now)) : answer(request, reply, found, address, now);
    }
    return findByAliasFrom(ctx.db, ctx.cipher, ctx.hash, key, address, new Date(now)).then((fromDb) => {
      if (!fromDb.blockedUntil) return answer(request, reply, fromDb.found, address, now);
      shutOut.add(address, fromDb.blockedUntil.getTime(), now);
      return blocked(reply);
    });
  });

  app.get(PARTICIPANT_PROPERTIES_PATH, async (request, reply) => {
    if (refused(request, reply)) return reply;
    const query = parseParticipantPropertiesQuery(request.query);
    const named = query ? namedParticipant(query) : null;
    if (!query || !named) return send(reply, CONTINUE);
    const now = clock();
    const aliasHash = ctx.hash(normaliseLocalAlias(named.localAlias));
    const fromView = view?.current === true;
    const found = fromView ? await viewFound(aliasHash, now) : await findByHash(ctx.db, ctx.cipher, aliasHash);
    if (!found || found.inviteeIndex === null) return send(reply, CONTINUE);
    if (query.service_name && query.service_name !== conferenceName(found.meetingId)) return send(reply, CONTINUE);
    const invitee = found.room.invitees[found.inviteeIndex];
    const window = openWindow(found, now);
    if (!invitee || !window) return send(reply, CONTINUE);
    // One count per invitee per occurrence: the occurrence is named by its window's opening.
    const key = `${found.meetingId}:${found.inviteeIndex}:${window.opensAt}`;
    // A repeat of a participant the view's meeting has seen is answered from memory (./heldOrdinals.ts).
    let ordinal = fromView ? heldOrdinal(found, key, named.participant) : undefined;
    if (ordinal === undefined) {
      ordinal = await participantOrdinal(ctx.db, key, named.participant, window.closesAt);
      if (fromView) holdOrdinal(found, key, named.participant, ordinal);
    }
    return send(reply, { status: 'success', action: 'continue', result: { remote_display_name: displayName(invitee.name, ordinal) } });
  });
}

/** The address failures count against: Infinity always sends `remote_address`; without one, all such calls share one count. */
function callerAddress(remote: string | undefined): string {
  return remote && remote.trim() !== '' ? remote.trim().toLowerCase() : '(no address)';
}

/**
 * Counts a failed look-up; the one that reaches the limit is an audit event (the address, never
 * the alias). @returns when the address's shut-out ends, or null when it is not shut out.
 */
async function countGuess(ctx: ServiceContext, request: FastifyRequest, address: string, now: number): Promise<number | null> {
  const count = await countFailure(ctx.db, address, new Date(now), ctx.guessLimits);
  if (!count.blockedNow) return count.blockedUntil && count.blockedUntil.getTime() > now ? count.blockedUntil.getTime() : null;
  const until = count.blockedUntil ?? new Date(now + ctx.guessLimits.windowMs);
  await ctx.db.query('INSERT INTO security_audit (at, event, address, until, failures) VALUES ($1, $2, $3, $4, $5)', [new Date(now).toISOString(), 'address_blocked_for_guessing', address, until.toISOString(), count.failures]);
  request.log.warn({ event: 'address_blocked_for_guessing', address, failures: count.failures, until: until.toISOString() }, 'policy look-ups refused for this address: too many failed look-ups');
  return until.getTime();
}
