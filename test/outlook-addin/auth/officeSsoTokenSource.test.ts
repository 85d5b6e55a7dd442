/**
 * Classic Outlook's token source (Office SSO) over a fake of `Office.auth` / `OfficeRuntime.auth`
 * as Microsoft documents them: `getAccessToken(options)` resolves with the token or rejects with
 * an error carrying a number. Always silent; the meeting service's scope only.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSignInTokenSource } from '../../../outlook-addin/auth/officeSsoTokenSource';
import { tokenOrProblem, TokenUnavailableError } from '../../../outlook-addin/logic';

const SERVICE = { url: 'https://securejoin.example.com', clientId: '8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f', authority: 'https://login.microsoftonline.com/common', scope: 'api://securejoin.example.com/Meetings.ReadWrite' };
const globals = globalThis as Record<string, unknown>;
afterEach(() => {
  delete globals.Office;
  delete globals.OfficeRuntime;
});

/** A fake auth namespace: records the options it is called with, answers with `answer`. */
function fakeAuth(answer: () => Promise<unknown>) {
  const calls: unknown[] = [];
  return { calls, auth: { getAccessToken: (options: unknown) => (calls.push(options), answer()) } };
}

describe('createSignInTokenSource (Office SSO)', () => {
  it("gets the token silently from Office.auth, even when the caller allows a window", async () => {
    const { calls, auth } = fakeAuth(async () => 'sso-token');
    globals.Office = { auth };
    expect(await createSignInTokenSource(SERVICE).token({ interactive: true })).toBe('sso-token');
    expect(calls).toEqual([{ allowSignInPrompt: false, allowConsentPrompt: false, forMSGraphAccess: false }]);
  });

  it('uses OfficeRuntime.auth where Office.auth is absent', async () => {
    const { auth } = fakeAuth(async () => 'runtime-token');
    globals.Office = { context: {} };
    globals.OfficeRuntime = { auth };
    expect(await createSignInTokenSource(SERVICE).token({ interactive: false })).toBe('runtime-token');
  });

  it('maps a rejection to a TokenUnavailableError with its plain words (13001: not signed in)', async () => {
    globals.Office = { auth: fakeAuth(async () => Promise.reject(Object.assign(new Error('The user is not signed in.'), { code: 13001 }))).auth };
    const error = await createSignInTokenSource(SERVICE).token({ interactive: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenUnavailableError);
    expect(error).toMatchObject({ problem: 'sign-in-needed', message: expect.stringMatching(/^You are not signed in to Office/) });
  });

  it('refuses without asking Office when there is no auth namespace, an empty token, or another scope', async () => {
    expect(await tokenOrProblem(createSignInTokenSource(SERVICE), { interactive: false })).toEqual({ ok: false, message: expect.stringMatching(/no single sign-on here \(no Office\.auth\)/) });
    const { calls, auth } = fakeAuth(async () => '');
    globals.Office = { auth };
    expect(await tokenOrProblem(createSignInTokenSource(SERVICE), { interactive: false })).toEqual({ ok: false, message: 'Office single sign-on gave SecureJoin no token.' });
    const graph = await createSignInTokenSource(SERVICE, 'https://graph.microsoft.com/Mail.Send').token({ interactive: false }).catch((e: unknown) => e);
    expect(graph).toMatchObject({ problem: 'unsupported', message: expect.stringMatching(/needs the SecureJoin pane/) });
    expect(calls).toHaveLength(1);
  });
});
