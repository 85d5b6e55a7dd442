import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../cli/bundle';
import { ADDIN_POLICY_PATH, MANIFEST_PATH } from '../../../cli/bundle/manifest';
import { findAll, manifestProblems, parseXml } from '../../../outlook-addin/manifest';
import type { XmlElement } from '../../../outlook-addin/manifest';
import { EXAMPLE_TEXT, exampleFiles, exampleSettings, fileOf, policyTextAt } from './fixtures';

/** Every URL in the manifest: attribute values and element text that look like one. */
function urlsIn(el: XmlElement): string[] {
  const own = Object.entries(el.attributes).filter(([name, v]) => !name.startsWith('xmlns') && /^[a-z][a-z0-9+.-]*:\/\//i.test(v)).map(([, v]) => v);
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(el.text.trim()) ? [el.text.trim()] : [];
  return [...own, ...text, ...el.children.flatMap(urlsIn)];
}

describe('admin bundle: outlook/manifest.xml', () => {
  it('parses, passes the project manifest checks, and has every URL at the service URL', () => {
    const xml = fileOf(exampleFiles(), MANIFEST_PATH).content;
    expect(manifestProblems(xml)).toEqual([]);
    const root = parseXml(xml);
    expect(root.name).toBe('OfficeApp');
    const urls = urlsIn(root);
    expect(urls.length).toBeGreaterThan(10);
    // The one api:// URI is Office SSO's resource: the service's host and the policy's client id.
    expect(urls.filter((url) => url.startsWith('api://'))).toEqual(['api://securejoin.example.com/8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f']);
    for (const url of urls.filter((u) => !u.startsWith('api://'))) expect(url.startsWith('https://securejoin.example.com/') || url === 'https://securejoin.example.com', url).toBe(true);
    expect(findAll(root, 'AppDomain').map((d) => d.text)).toEqual(['https://securejoin.example.com']);
    const resources = findAll(root, 'Url').map((u) => u.attributes.DefaultValue);
    expect(resources).toContain('https://securejoin.example.com/taskpane.html');
    expect(resources).toContain('https://securejoin.example.com/commands.js');
  });

  it('keeps a port and a path of the service URL', () => {
    const url = 'https://tools.example.com:8443/securejoin';
    const files = bundleFiles(exampleSettings({ serviceUrl: url }, policyTextAt(url)));
    const xml = fileOf(files, MANIFEST_PATH).content;
    expect(manifestProblems(xml)).toEqual([]);
    const root = parseXml(xml);
    // AppDomains are origins; every other URL is under the path.
    expect(findAll(root, 'AppDomain').map((d) => d.text)).toEqual(['https://tools.example.com:8443']);
    const urls = urlsIn({ ...root, children: root.children.filter((c) => c.name !== 'AppDomains') });
    // Office SSO's resource names the host with its port, never the path (Microsoft: the add-in's domain, port included).
    expect(urls.filter((u) => u.startsWith('api://'))).toEqual(['api://tools.example.com:8443/8c2b2f4e-1d3a-4b5c-9e6f-0a1b2c3d4e5f']);
    for (const u of urls.filter((v) => !v.startsWith('api://'))) expect(u.startsWith(`${url}/`), u).toBe(true);
  });

  it('ships the policy the add-in reads, exactly as the admin wrote it', () => {
    expect(fileOf(exampleFiles(), ADDIN_POLICY_PATH).content).toBe(EXAMPLE_TEXT.endsWith('\n') ? EXAMPLE_TEXT : `${EXAMPLE_TEXT}\n`);
  });
});
