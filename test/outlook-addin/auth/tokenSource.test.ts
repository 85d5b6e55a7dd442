/**
 * Which token source the add-in uses: the development host's (the playground's office.js sets it)
 * when there is one, else MSAL's Nested App Authentication, loaded on the first token request.
 * Outside Outlook there is no NAA bridge (as on the classic Windows builds of office-js issue
 * 4450): the organizer gets plain words, never a token and never a silent pass.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DEV_TOKEN_SOURCE_GLOBAL } from '../../../outlook-addin/auth/devTokenHook';
import { tokenSourceFor } from '../../../outlook-addin/auth/tokenSource';
import { tokenFailureText, tokenOrProblem, TokenUnavailableError } from '../../../outlook-addin/logic';

const SERVICE = { url: 'https://securejoin.example.com', clientId: '8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f', authority: 'https://login.microsoftonline.com/common', scope: 'api://securejoin.example.com/Meetings.ReadWrite' };
const globals = globalThis as Record<string, unknown>;

afterEach(() => {
  delete globals[DEV_TOKEN_SOURCE_GLOBAL];
});

describe('tokenSourceFor', () => {
  it('uses the development host\'s source when the host offers one', async () => {
    const asked: boolean[] = [];
    globals[DEV_TOKEN_SOURCE_GLOBAL] = { token: async ({ interactive }: { interactive: boolean }) => (asked.push(interactive), 'dev-token') };
    expect(await tokenSourceFor(SERVICE).token({ interactive: false })).toBe('dev-token');
    expect(asked).toEqual([false]);
  });

  it('without a host source it loads MSAL; with no NAA bridge and no browser the organizer is told in plain words', async () => {
    const silent = await tokenOrProblem(tokenSourceFor(SERVICE), { interactive: false });
    expect(silent).toEqual({ ok: false, message: expect.stringMatching(/^Signing in to the SecureJoin meeting service failed: non_browser_environment/) });
    const withWindow = await tokenOrProblem(tokenSourceFor(SERVICE), { interactive: true });
    expect(withWindow).toEqual({ ok: false, message: expect.stringMatching(/^Signing in to the SecureJoin meeting service did not complete \(non_browser_environment/) });
  });
});

describe('tokenFailureText', () => {
  it('keeps a TokenUnavailableError\'s words, also one made by another bundle\'s copy of the class', () => {
    expect(tokenFailureText(new TokenUnavailableError('sign-in-needed', 'You are not signed in.'))).toBe('You are not signed in.');
    const foreign = Object.assign(new Error('You are not signed in.'), { name: 'TokenUnavailableError', problem: 'sign-in-needed' });
    expect(tokenFailureText(foreign)).toBe('You are not signed in.');
    expect(tokenFailureText(new Error('user_cancelled'))).toBe('Signing in to the SecureJoin meeting service failed: user_cancelled');
  });
});
