import { describe, expect, it } from 'vitest';
import { bundleSettings } from '../../../cli/bundle';
import { EXAMPLE_TEXT, examplePolicy, SERVICE_URL } from './fixtures';

const problems = (text: string, opts: Partial<Parameters<typeof bundleSettings>[2]> = {}) => {
  const result = bundleSettings(examplePolicy(text), text, { serviceUrl: SERVICE_URL, ...opts });
  return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('bundleSettings', () => {
  it('accepts the example with its service URL (a trailing slash too)', () => {
    expect(problems(EXAMPLE_TEXT)).toEqual([]);
    expect(problems(EXAMPLE_TEXT, { serviceUrl: `${SERVICE_URL}/` })).toEqual([]);
  });

  it('needs the policy to name this service', () => {
    const without = JSON.parse(EXAMPLE_TEXT) as Record<string, unknown>;
    delete without.meetingService;
    expect(problems(JSON.stringify(without))).toEqual([expect.stringMatching(/^meetingService: is required for a deployment/)]);
    expect(problems(EXAMPLE_TEXT, { serviceUrl: 'https://other.example.com' })).toEqual([
      'meetingService.url: must be the --service-url https://other.example.com (one service serves the add-in, the meetings and the policy API), got https://securejoin.example.com',
    ]);
  });

  it('reports every bad option at once, by flag', () => {
    expect(problems(EXAMPLE_TEXT, { serviceUrl: 'http://securejoin.example.com', chromeExtensionId: 'nope', edgeExtensionId: 'ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP', firefoxInstallUrl: 'http://x.example/a.xpi', policyUsername: 'a:b' }).map((p) => p.split(':')[0])).toEqual([
      '--service-url',
      'meetingService.url',
      '--chrome-extension-id',
      '--edge-extension-id',
      '--firefox-install-url',
      '--policy-username',
    ]);
    expect(problems(EXAMPLE_TEXT, { serviceUrl: 'http://127.0.0.1:8444' })[0]).toMatch(/^--service-url: must use https/);
    expect(problems(EXAMPLE_TEXT, { serviceUrl: 'https://securejoin.example.com?x=1' })[0]).toMatch(/^--service-url: must not contain a query/);
  });

  it('takes file:/// and https install URLs for Firefox', () => {
    expect(problems(EXAMPLE_TEXT, { firefoxInstallUrl: 'file:///opt/securejoin/securejoin.xpi' })).toEqual([]);
    expect(problems(EXAMPLE_TEXT, { firefoxInstallUrl: 'https://intranet.example.com/sj.xpi' })).toEqual([]);
  });
});
