/**
 * The manifest's Office single sign-on element: present (VersionOverrides 1.1's last child, after
 * Resources) when the policy names a meeting service, absent otherwise; Id the client id,
 * Resource `api://<add-in host, port included>/<client id>`, Scopes openid and profile; and the
 * invariant check catches each way of getting it wrong (what Office refuses with 13004/13007).
 */
import { describe, expect, it } from 'vitest';
import { findAll, localNameOf, manifestProblems, parseXml, renderManifest } from '../../../outlook-addin/manifest';
import type { XmlElement } from '../../../outlook-addin/manifest';

const CLIENT_ID = '8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f';
const SERVICE = { url: 'https://securejoin.example.com', clientId: CLIENT_ID, authority: 'https://login.microsoftonline.com/common', scope: 'api://securejoin.example.com/Meetings.ReadWrite' };
const withSso = renderManifest({ hostUrl: 'https://addins.example.com:8443/securejoin', meetingService: SERVICE });

/** VersionOverrides 1.0 and 1.1. */
function overrides(xml: string): [XmlElement, XmlElement] {
  const vo10 = parseXml(xml).children.find((c) => localNameOf(c.name) === 'VersionOverrides') as XmlElement;
  return [vo10, vo10.children.find((c) => localNameOf(c.name) === 'VersionOverrides') as XmlElement];
}

describe('WebApplicationInfo', () => {
  it('is the last child of VersionOverrides 1.1 when the policy names a meeting service, and passes every invariant', () => {
    expect(manifestProblems(withSso)).toEqual([]);
    const [vo10, vo11] = overrides(withSso);
    expect(vo11.children.map((c) => localNameOf(c.name))).toEqual(['Requirements', 'Hosts', 'Resources', 'WebApplicationInfo']);
    expect(findAll({ ...vo10, children: vo10.children.filter((c) => c !== vo11) }, 'WebApplicationInfo')).toEqual([]);
    const info = findAll(vo11, 'WebApplicationInfo')[0] as XmlElement;
    expect(info.children.map((c) => [localNameOf(c.name), c.text.trim()])).toEqual([
      ['Id', CLIENT_ID],
      ['Resource', `api://addins.example.com:8443/${CLIENT_ID}`],
      ['Scopes', ''],
    ]);
    expect(findAll(info, 'Scope').map((s) => s.text)).toEqual(['openid', 'profile']);
  });

  it('is absent without a meeting service', () => {
    const without = renderManifest({ hostUrl: 'https://addins.example.com:8443/securejoin' });
    expect(without).not.toContain('WebApplicationInfo');
    expect(manifestProblems(without)).toEqual([]);
    // Everything else is the same manifest.
    expect(withSso.replace(/\n\s*<WebApplicationInfo>[\s\S]*<\/WebApplicationInfo>/, '')).toBe(without);
  });

  it('refuses a client id that is not a GUID', () => {
    expect(() => renderManifest({ hostUrl: 'https://x.example', meetingService: { ...SERVICE, clientId: 'not-a-guid' } })).toThrow(/meetingService.clientId must be a GUID/);
  });

  const cases: Array<[string, (xml: string) => string, RegExp]> = [
    // (VersionOverrides 1.1's children are indented by six spaces.)
    ['before Resources', (x) => x.replace(/(\n {6}<Resources>[\s\S]*?\n {6}<\/Resources>)(\n {6}<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>)/, '$2$1'), /VersionOverrides 1.1: <Resources> must come before <WebApplicationInfo>/],
    ['in VersionOverrides 1.0', (x) => x.replace(/(\n\s*<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>)(\n\s*<\/VersionOverrides>)(\n\s*<\/VersionOverrides>)/, '$2$1$3'), /VersionOverrides 1.0: unexpected element <WebApplicationInfo>/],
    ['another host', (x) => x.replace(`api://addins.example.com:8443/${CLIENT_ID}`, `api://addins.example.com/${CLIENT_ID}`), /Resource must be api:\/\/addins\.example\.com:8443\//],
    ['https resource', (x) => x.replace(`api://addins.example.com:8443/${CLIENT_ID}`, `https://addins.example.com:8443/${CLIENT_ID}`), /Resource must be api:/],
    ['the path in the resource', (x) => x.replace(`api://addins.example.com:8443/${CLIENT_ID}`, `api://addins.example.com:8443/securejoin/${CLIENT_ID}`), /Resource must be/],
    ['another id in the resource', (x) => x.replace(`:8443/${CLIENT_ID}`, ':8443/11111111-2222-4333-8444-555555555555'), /Resource must be/],
    ['no profile scope', (x) => x.replace('<Scope>profile</Scope>', ''), /Scopes must name profile/],
    ['an id that is no GUID', (x) => x.replaceAll(CLIENT_ID, 'my-app'), /Id must be the app registration's client id/],
    ['children out of order', (x) => x.replace(/(<Id>.*<\/Id>)(\s*)(<Resource>.*<\/Resource>)/, '$3$2$1'), /must hold <Id>, <Resource>, <Scopes> in that order/],
    ['twice', (x) => x.replace(/(\n\s*<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>)/, '$1$1'), /at most one/],
  ];
  for (const [name, breakIt, problem] of cases) {
    it(`reports: ${name}`, () => {
      const broken = breakIt(withSso);
      expect(broken).not.toBe(withSso);
      expect(manifestProblems(broken).join('\n')).toMatch(problem);
    });
  }
});
