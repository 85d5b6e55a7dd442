/**
 * Where the add-in gets the organizer's access token for the meeting service. A thin interface so
 * the shared logic runs the same over Nested App Authentication in Outlook (auth/msalTokenSource.ts),
 * the playground's local development issuer, and tests. A source that cannot give a token throws
 * {@link TokenUnavailableError} with words an organizer understands; the caller shows them and
 * refuses the send, never passes silently.
 */

import type { MeetingServicePolicy } from '../../core/policy';

/**
 * What a sign-in module exports as `createSignInTokenSource`: auth/msalTokenSource.ts (Nested App
 * Authentication; the task pane and the web event runtime) and auth/officeSsoTokenSource.ts
 * (Office SSO; the build puts it in MSAL's place in classic Windows' commands.js). `scope`: the
 * meeting service's by default.
 */
export type SignInTokenSourceFactory = (service: MeetingServicePolicy, scope?: string) => TokenSource;

/** What the caller may allow while getting a token. */
export interface TokenRequest {
  /**
   * True where a sign-in window may be shown (the task pane, after a click or on open). False in
   * the event runtime, which has no UI: only a token that can be had silently.
   */
  interactive: boolean;
}

/** Gives access tokens (JWTs) for the meeting service's scope. */
export interface TokenSource {
  /** A token to send as `Authorization: Bearer`. Rejects with {@link TokenUnavailableError}. */
  token(request: TokenRequest): Promise<string>;
}

/** Why no token could be had. */
export type TokenProblem =
  /** The organizer must sign in (or consent) interactively first. */
  | 'sign-in-needed'
  /** This Outlook cannot sign in from here (no Nested App Authentication in this runtime). */
  | 'unsupported'
  /** Sign-in was tried and failed (cancelled, blocked pop-up, network, identity provider). */
  | 'failed';

/** No token: `message` is shown to the organizer as is (never contains a token). */
export class TokenUnavailableError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TokenUnavailableError';
  }
}

/**
 * True for a {@link TokenUnavailableError}, also one made by another bundle's copy of the class
 * (the playground's office.js hands the add-in its token source across bundles).
 */
function isTokenUnavailable(error: unknown): error is TokenUnavailableError {
  return error instanceof TokenUnavailableError || (error instanceof Error && error.name === 'TokenUnavailableError' && typeof (error as { problem?: unknown }).problem === 'string');
}

/** Plain words for a token failure of any kind (an unknown error becomes a 'failed' one). */
export function tokenFailureText(error: unknown): string {
  if (isTokenUnavailable(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `Signing in to the SecureJoin meeting service failed: ${detail.slice(0, 200)}`;
}

/** Asks `source` for a token; never throws: the token, or why there is none in plain words. */
export async function tokenOrProblem(source: TokenSource | null, request: TokenRequest): Promise<{ ok: true; token: string } | { ok: false; message: string }> {
  if (!source) return { ok: false, message: 'This Outlook cannot sign in to the SecureJoin meeting service from here.' };
  try {
    const token = await source.token(request);
    if (typeof token !== 'string' || token === '') return { ok: false, message: 'Signing in to the SecureJoin meeting service gave no token.' };
    return { ok: true, token };
  } catch (error) {
    return { ok: false, message: tokenFailureText(error) };
  }
}
