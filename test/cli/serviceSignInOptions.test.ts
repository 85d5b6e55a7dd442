/**
 * `securejoin service` sign-in lists: several audiences and scopes (`--audience A,B`,
 * SECUREJOIN_AUDIENCE, `--scope S1,S2`, SECUREJOIN_SCOPE), any one of which a token must carry,
 * so classic Outlook's Office SSO tokens (the add-in app's audience, `access_as_user`) and Nested
 * App Authentication's (the API's) are both accepted. One value stays one string, as before.
 */
import { describe, expect, it } from 'vitest';
import { serviceOptions } from '../../cli/serviceCommand';

const BASE = ['--issuer', 'https://login.example.test/t/v2.0', '--jwks-url', 'https://login.example.test/keys', '--tenant', 't'];
const auth = (args: string[], env: Record<string, string> = {}) => {
  const opts = serviceOptions([...BASE, ...args], env, process.cwd());
  if (opts === 'help') throw new Error('help');
  return opts.auth;
};
const CLIENT_ID = '8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f';

describe('service: audiences and scopes', () => {
  it('keeps one audience and the default scope as single strings (unchanged behaviour)', () => {
    expect(auth(['--audience', 'api://sj'])).toMatchObject({ audience: 'api://sj', scope: 'Meetings.ReadWrite' });
  });

  it('takes comma-separated lists from flags and the environment, trimmed, repeats once; flags win', () => {
    expect(auth(['--audience', `api://sj, ${CLIENT_ID}`, '--scope', 'Meetings.ReadWrite,access_as_user,access_as_user'])).toMatchObject({
      audience: ['api://sj', CLIENT_ID],
      scope: ['Meetings.ReadWrite', 'access_as_user'],
    });
    expect(auth([], { SECUREJOIN_AUDIENCE: `api://sj,api://addins.example.com/${CLIENT_ID}`, SECUREJOIN_SCOPE: 'Meetings.ReadWrite,access_as_user' })).toMatchObject({
      audience: ['api://sj', `api://addins.example.com/${CLIENT_ID}`],
      scope: ['Meetings.ReadWrite', 'access_as_user'],
    });
    expect(auth(['--scope', 'Meetings.ReadWrite'], { SECUREJOIN_AUDIENCE: 'api://sj', SECUREJOIN_SCOPE: 'access_as_user' }).scope).toBe('Meetings.ReadWrite');
  });

  it('refuses empty entries, whitespace inside an entry and overlong lists, naming the flag', () => {
    expect(() => auth(['--audience', 'api://sj,'])).toThrow('--audience: entry 2 is empty');
    expect(() => auth(['--audience', ','])).toThrow('--audience: entry 1 is empty');
    expect(() => auth(['--audience', 'api://sj', '--scope', 'Meetings.ReadWrite access_as_user'])).toThrow('--scope: entry 1 "Meetings.ReadWrite access_as_user" contains whitespace');
    expect(() => auth(['--audience', Array.from({ length: 11 }, (_, i) => `a${i}`).join(',')])).toThrow('--audience: at most 10 entries, got 11');
    expect(() => auth([])).toThrow('--audience (or SECUREJOIN_AUDIENCE) is required');
  });
});
