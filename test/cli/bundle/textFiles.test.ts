import { describe, expect, it } from 'vitest';
import { bundleFiles, MARKER_PATH } from '../../../cli/bundle';
import { ENTRA_PATH, naaRedirectUri, splitScope, tenantOf } from '../../../cli/bundle/entra';
import { INFINITY_PATH } from '../../../cli/bundle/infinity';
import { README_PATH } from '../../../cli/bundle/readme';
import { exampleFiles, exampleSettings, fileOf, policyTextAt } from './fixtures';

describe('admin bundle: Pexip Infinity policy profile', () => {
  const text = fileOf(exampleFiles({ policyUsername: 'pexip-nodes' }), INFINITY_PATH).content;

  it('names the URL Infinity appends /policy/v1/... to, both requests to enable, and the username', () => {
    expect(text).toMatch(/URL:\s+https:\/\/securejoin\.example\.com\n/);
    expect(text).toContain('/policy/v1/service/configuration');
    expect(text).toContain('/policy/v1/participant/properties');
    expect(text).toMatch(/Apply external policy to service configuration requests:\s+yes/);
    expect(text).toMatch(/Apply external policy to participant properties requests:\s+yes/);
    expect(text).toMatch(/Username:\s+pexip-nodes\n/);
    expect(text).toContain('SECUREJOIN_POLICY_USERNAME=pexip-nodes');
  });

  it('takes the password from the environment variable and never writes one', () => {
    expect(text).toMatch(/Password:\s+the value of SECUREJOIN_POLICY_PASSWORD/);
    expect(text).not.toMatch(/SECUREJOIN_POLICY_PASSWORD=[^<]/);
  });
});

describe('admin bundle: Entra ID', () => {
  const text = fileOf(exampleFiles(), ENTRA_PATH).content;

  it('gives the NAA redirect, the API scope, the admin role and the tenant from the policy', () => {
    expect(text).toContain('Redirect URI: brk-multihub://securejoin.example.com\n');
    expect(text).toContain('Application ID URI: api://securejoin.example.com\n');
    expect(text).toMatch(/Add a scope:\s+Meetings\.ReadWrite\n/);
    expect(text).toContain('value SecureJoin.Admin');
    expect(text).toContain('Tenant: 2f5a9c1e-7b3d-4e8f-a6c2-1d9e0b4f7a35');
    expect(text).toContain('--issuer https://login.microsoftonline.com/2f5a9c1e-7b3d-4e8f-a6c2-1d9e0b4f7a35/v2.0');
    expect(text).toContain('--jwks-url https://login.microsoftonline.com/2f5a9c1e-7b3d-4e8f-a6c2-1d9e0b4f7a35/discovery/v2.0/keys');
    expect(text).toContain('8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f');
  });

  it("sets up the add-in registration for classic Outlook's Office SSO, and lists both audiences and scopes for the service", () => {
    expect(text).toContain('Application ID URI: api://securejoin.example.com/8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f\n');
    expect(text).toMatch(/Add a scope:\s+access_as_user /);
    expect(text).toMatch(/Add a client application: ea5a67f6-b6f3-4338-b240-c655ddc3cc8e /);
    expect(text).toContain('"requestedAccessTokenVersion": 2');
    expect(text).toContain('--audience <Application (client) ID of the "SecureJoin meeting service" registration>,8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f');
    expect(text).toContain('--scope Meetings.ReadWrite,access_as_user');
  });

  it('derives the values: the redirect keeps a non-default port, scopes split at the last slash, common authorities have no tenant', () => {
    expect(naaRedirectUri('https://tools.example.com:8443/securejoin')).toBe('brk-multihub://tools.example.com:8443');
    expect(naaRedirectUri('https://tools.example.com/securejoin')).toBe('brk-multihub://tools.example.com');
    expect(splitScope('api://x.example.com/sj/Meetings.Write')).toEqual({ appIdUri: 'api://x.example.com/sj', name: 'Meetings.Write' });
    expect(tenantOf('https://login.microsoftonline.com/organizations')).toBeNull();
    expect(tenantOf('https://login.microsoftonline.com/2F5A9C1E-7B3D-4E8F-A6C2-1D9E0B4F7A35/')).toBe('2F5A9C1E-7B3D-4E8F-A6C2-1D9E0B4F7A35');
  });

  it('asks the service for another scope name when the policy uses one', () => {
    const doc = JSON.parse(policyTextAt('https://securejoin.example.com')) as { meetingService: { scope: string } };
    doc.meetingService.scope = 'api://securejoin.example.com/Meetings.Write';
    const text2 = fileOf(bundleFiles(exampleSettings({}, JSON.stringify(doc))), ENTRA_PATH).content;
    expect(text2).toContain('--scope Meetings.Write,access_as_user');
  });
});

describe('admin bundle: README.txt', () => {
  const files = exampleFiles();
  const text = fileOf(files, README_PATH).content;

  it('lists the steps in order: add-in, Entra ID, browsers, Infinity, service, check', () => {
    const steps = ['1. The Outlook add-in', '2. Entra ID', '3. The browser extension', '4. Pexip Infinity', '5. Run the meeting service', '6. Check'].map((s) => text.indexOf(`\n${s}`));
    expect(steps.every((at) => at > 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('names every other file of the bundle, each in its step', () => {
    for (const file of files) if (file.path !== README_PATH && file.path !== MARKER_PATH) expect(text, file.path).toContain(file.path);
    const step = (n: number) => text.slice(text.indexOf(`\n${n}. `), text.indexOf(`\n${n + 1}. `));
    expect(step(1)).toContain('outlook/manifest.xml');
    expect(step(2)).toContain('entra-id.txt');
    expect(step(3)).toContain('.mobileconfig');
    expect(step(4)).toContain('infinity-policy-profile.txt');
    expect(step(5)).toContain('--issuer https://login.microsoftonline.com/');
  });

  it('warns while the Chromium files are keyed by the development id, not once store ids are given', () => {
    expect(text).toContain("keyed by the DEVELOPMENT build's id");
    const given = fileOf(exampleFiles({ chromeExtensionId: 'abcdefghijklmnopabcdefghijklmnop', edgeExtensionId: 'ponmlkjihgfedcbaponmlkjihgfedcba' }), README_PATH).content;
    expect(given).not.toContain('DEVELOPMENT');
    expect(given).toContain('extension id abcdefghijklmnopabcdefghijklmnop');
  });
});

describe('admin bundle: no secret in any file', () => {
  it('holds neither the policy password nor a codes key, whatever the environment holds', () => {
    const secret = 'S3cret-policy-password-for-the-test';
    const previous = process.env.SECUREJOIN_POLICY_PASSWORD;
    process.env.SECUREJOIN_POLICY_PASSWORD = secret;
    try {
      for (const file of exampleFiles()) expect(file.content.includes(secret), file.path).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.SECUREJOIN_POLICY_PASSWORD;
      else process.env.SECUREJOIN_POLICY_PASSWORD = previous;
    }
  });
});
