/**
 * How the add-in talks to the meeting service, shared by registering (./provisionMeeting.ts and
 * ./register.ts), adopting minted aliases (./adoption.ts) and withdrawing (./withdraw.ts): the
 * fetch it is given, the options and outcomes of those calls, one request with a network failure
 * as status 0, and the service's current ETag. A module of its own so that the steps loaded on
 * first use import it rather than the module that loads them.
 */
import type { MeetingServicePolicy } from '../../core/policy';
import type { TokenSource } from './tokens';
import type { MeetingSecurity } from './types';

/** A fetch answer as the logic reads it (the browser's Response fits). */
export interface ServiceResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The fetch the caller provides (the browser's, or a test's). */
export type ProvisionFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<ServiceResponse>;

/** What provisionMeeting (./provisionMeeting.ts) did. */
export type ProvisionResult =
  /** The policy names no meeting service. */
  | { state: 'not-configured' }
  /** The codes were read back from the body: their PINs are unknown, nothing can be registered. */
  | { state: 'not-possible'; message: string }
  /** The service already holds exactly this meeting, as this item wrote (or adopted) it. */
  | { state: 'unchanged' }
  /** `adopted`: the codes with the aliases the service minted, now in the block and sessionData (when they changed). */
  | { state: 'ok'; created: boolean; adopted?: MeetingSecurity }
  /** `signIn`: no token could be had (the organizer must sign in); `aliasesRefused`: 400 aliases_are_minted (the fix: get new links). */
  | { state: 'failed'; message: string; signIn?: boolean; aliasesRefused?: boolean };

/** What withdrawMeeting (./provisionMeeting.ts) did. */
export type WithdrawResult = { state: 'nothing' } | { state: 'ok' } | { state: 'failed'; message: string; signIn?: boolean };

/** Options of provisionMeeting and withdrawMeeting (./provisionMeeting.ts). */
export interface ProvisionOptions {
  fetch: ProvisionFetch;
  /** Tokens for the service; null when this runtime cannot sign in. */
  tokens: TokenSource | null;
  /** May a sign-in window be shown (task pane: yes; event runtime: no). */
  interactive: boolean;
  /** Now, UTC ms (the body does not depend on it: a series is registered whole). */
  now: number;
  /** Send even when the service holds this very meeting already (an explicit organizer action). */
  force?: boolean;
  /**
   * The invite is being sent (the send check): register with `sent: true`. Otherwise the meeting
   * is registered as a draft, unless this item registered it as sent before (an update of a sent
   * meeting must not switch its codes off until the update goes out).
   */
  sending?: boolean;
}

/** An error's message (or the thrown value as text), for the words shown to the organizer. */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One request to the service; a network failure becomes status 0 with its reason as text. */
export async function call(fetch: ProvisionFetch, url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; etag: string | null; text: string }> {
  try {
    const res = await fetch(url, init);
    return { status: res.status, etag: res.headers.get('etag'), text: await res.text() };
  } catch (error) {
    return { status: 0, etag: null, text: errorText(error) };
  }
}

/** The service's current ETag of a meeting (after a 412 without one), or null when it has none. */
export async function currentEtag(fetch: ProvisionFetch, url: string, auth: Record<string, string>): Promise<string | null> {
  const res = await call(fetch, url, { method: 'GET', headers: auth });
  return res.status === 200 ? res.etag : null;
}

/**
 * A network failure in plain words. The browser's own reason ("Failed to fetch", "NetworkError
 * when attempting to fetch resource.") says nothing more to an organizer, so it is left out.
 */
export const unreachable = (service: MeetingServicePolicy) => `SecureJoin could not reach the meeting service (${service.url}). Check your network connection.`;
