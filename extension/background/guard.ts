/**
 * The attempt guard's platform side: what `webRequest` shows of `request_token` calls to known
 * nodes (URL, method, the `pin` request header, the status code; MV3 cannot read bodies),
 * turned into core/guard outcomes and persisted. Two steps, each persisted, because the service
 * worker may stop between a request and its response:
 * 1. `noteTokenRequest` (onSendHeaders): remember the request id and the fingerprint of the `pin`
 *    header sent (never the PIN), with the browser session, for a short time;
 * 2. `settleTokenRequest` (onCompleted): classify, record, forget the pending entry and free the
 *    tab's reserved attempt.
 * Rows a dead browser left behind are swept at start (`sweepPendingRequests`).
 */
import { classifyTokenOutcome, failureIsVerdict, guardKey, guardStatus, parseTokenRequestUrl, pendingRowKey, pendingRowLive, pinFingerprint, warningText } from '../../core/guard';
import type { GuardStatus, TokenOutcome } from '../../core/guard';
import { meetingWindow } from '../../core/vault';
import type { PendingTokenRequest } from '../storage/db';
import { releaseReservation, storeOutcome } from '../storage/guardStore';
import { meetingsOnOrigin } from '../storage/meetings';
import type { BackgroundContext } from './context';
import { originAllowed } from './fill';

/** The `webRequest` details read here (a subset of Chrome's). */
export interface TokenRequestDetails {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  requestHeaders?: Array<{ name: string; value?: string }>;
}

/** The `onCompleted` details read here. */
export interface TokenResponseDetails {
  requestId: string;
  statusCode: number;
}

/** What one settled request changed, for the page warning and the badge. */
export interface GuardUpdate {
  key: string;
  tabId: number;
  outcome: TokenOutcome;
  status: GuardStatus;
  warning: string | null;
}

/** The URL filter for the listeners: every node's token endpoint (the handlers then keep known nodes only). */
export const TOKEN_REQUEST_URL_PATTERNS = ['*://*/api/client/v2/conferences/*/request_token'];

/** The `pin` header's value, or null when none was sent (header names are case-insensitive). */
export function pinHeaderOf(headers: TokenRequestDetails['requestHeaders']): string | null {
  const header = (headers ?? []).find((h) => h.name.toLowerCase() === 'pin');
  return header?.value ?? null;
}

/** Whether the guard watches this node: one the user has meetings on, within the policy's nodes. */
async function isKnownNode(origin: string, ctx: BackgroundContext): Promise<boolean> {
  const settings = await ctx.settings();
  if (!originAllowed(settings, origin)) return false;
  return (settings.policyOrigins?.includes(origin) ?? false) || (await meetingsOnOrigin(ctx.db, origin)).length > 0;
}

/**
 * Notes still being written, by request id. webRequest does not wait for our async handlers: on a
 * fast node `onCompleted` fires while `onSendHeaders`' database write is still in flight, and a
 * settle that looked before the write landed would lose the attempt. Settling and dropping wait
 * for the note of their request first. (Across a worker restart the note is already stored.)
 */
const notesInFlight = new Map<string, Promise<boolean>>();

/** Step 1: a token request left the browser. Returns true when it is tracked. */
export function noteTokenRequest(details: TokenRequestDetails, ctx: BackgroundContext): Promise<boolean> {
  const noted = writeNote(details, ctx).finally(() => notesInFlight.delete(details.requestId));
  notesInFlight.set(details.requestId, noted);
  return noted;
}

async function writeNote(details: TokenRequestDetails, ctx: BackgroundContext): Promise<boolean> {
  const target = parseTokenRequestUrl(details.url, details.method);
  if (target === null || !(await isKnownNode(target.origin, ctx))) return false;
  const session = await ctx.session();
  const pin = pinHeaderOf(details.requestHeaders);
  await ctx.db.pending.put({
    requestId: pendingRowKey(session, details.requestId),
    session,
    url: details.url,
    // Only the room fingerprint is stored: the guard never needs the PIN itself.
    pinFingerprint: pin === null ? null : pinFingerprint(guardKey(target.origin, target.alias), pin),
    tabId: details.tabId,
    seenAt: ctx.now(),
  });
  return true;
}

/** Waits until the note of `requestId` (if one is being written) has landed or failed. */
async function noteSettled(requestId: string): Promise<void> {
  await notesInFlight.get(requestId)?.catch(() => false);
}

/**
 * The pending row of `requestId`, removed from the table, or null when there is none that may
 * be believed (another browser session's, or older than core's PENDING_REQUEST_TTL_MS).
 */
async function takePending(requestId: string, ctx: BackgroundContext): Promise<PendingTokenRequest | null> {
  const session = await ctx.session();
  const id = pendingRowKey(session, requestId);
  const row = await ctx.db.pending.get(id);
  if (row === undefined) return null;
  await ctx.db.pending.delete(id);
  return pendingRowLive(row, ctx.now(), session) ? row : null;
}

/** Whether a wrong PIN now says the PIN is wrong: not right at one of the room's windows' opening (core `failureIsVerdict`). */
async function isVerdict(origin: string, alias: string, now: number, ctx: BackgroundContext): Promise<boolean> {
  const inRoom = (await meetingsOnOrigin(ctx.db, origin)).filter((m) => m.alias.toLowerCase() === alias.toLowerCase());
  return failureIsVerdict(inRoom.map((m) => meetingWindow(m, now)), now);
}

/** Step 2: its response arrived. Returns what changed, or null for untracked requests. */
export async function settleTokenRequest(details: TokenResponseDetails, ctx: BackgroundContext): Promise<GuardUpdate | null> {
  await noteSettled(details.requestId);
  const pending = await takePending(details.requestId, ctx);
  if (pending === null) return null;
  const target = parseTokenRequestUrl(pending.url);
  if (target === null) return null;
  const key = guardKey(target.origin, target.alias);
  const sent = pending.pinFingerprint === null ? null : { fingerprint: pending.pinFingerprint };
  const outcome = classifyTokenOutcome({ pinSent: sent === null ? null : '', status: details.statusCode });
  const settings = await ctx.settings();
  const now = ctx.now();
  const verdict = outcome !== 'wrong-pin' || (await isVerdict(target.origin, target.alias, now, ctx));
  const state = await storeOutcome(ctx.db, key, outcome, sent, now, settings.limits, { tabId: pending.tabId, verdict });
  const status = guardStatus(state, key, now, settings.limits);
  return { key, tabId: pending.tabId, outcome, status, warning: warningText(status) };
}

/** A request that failed without a response (network error, aborted): nothing was attempted that the node counted for sure. */
export async function dropTokenRequest(requestId: string, ctx: BackgroundContext): Promise<void> {
  await noteSettled(requestId);
  const pending = await takePending(requestId, ctx);
  const target = pending === null ? null : parseTokenRequestUrl(pending.url);
  if (pending !== null && target !== null && pending.pinFingerprint !== null) {
    await releaseReservation(ctx.db, guardKey(target.origin, target.alias), pending.tabId);
  }
}

/**
 * Deletes pending rows that can no longer be matched (another browser session's, or past the
 * TTL). Run when the background starts: a browser that died mid-request leaves its row behind.
 * Returns how many were deleted.
 */
export async function sweepPendingRequests(ctx: BackgroundContext): Promise<number> {
  const session = await ctx.session();
  const now = ctx.now();
  return ctx.db.transaction('rw', ctx.db.pending, async () => {
    const stale = (await ctx.db.pending.toArray()).filter((row) => !pendingRowLive(row, now, session)).map((row) => row.requestId);
    await ctx.db.pending.bulkDelete(stale);
    return stale.length;
  });
}

/** Badge text and colour for a guard status: "!" once the warning threshold is reached. */
export function badgeFor(status: GuardStatus): { text: string; color: string; title: string | null } {
  if (status.level === 'ok' && !status.possibleLockout) return { text: '', color: '#00000000', title: null };
  const severe = status.level !== 'warn' || status.possibleLockout;
  return { text: severe ? '!!' : String(status.attemptsLeft), color: severe ? '#b00020' : '#b26a00', title: warningText(status) };
}
