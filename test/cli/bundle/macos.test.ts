import { describe, expect, it } from 'vitest';
import { bundleFiles } from '../../../cli/bundle';
import { CHROME_PROFILE_PATH, EDGE_PROFILE_PATH } from '../../../cli/bundle/macos';
import { plistXml, PlistReal } from '../../../cli/bundle/plist';
import { DEV_EXTENSION_ID } from '../../../core/extensionIdentity';
import { policyFromManaged } from '../../../core/policy';
import { EXAMPLE_TEXT, examplePolicy, exampleFiles, exampleSettings, fileOf, policyTextAt, readPlist, untag } from './fixtures';

type Dict = Record<string, unknown>;
const UUID = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
const STORE_ID = 'abcdefghijklmnopabcdefghijklmnop';

const profileOf = (path: string, opts = {}) => readPlist(fileOf(exampleFiles(opts), path).content) as Dict;
/** A payload's keys that are not the profile machinery: what the browser reads from its domain. */
const settingsOf = (payload: Dict) => Object.fromEntries(Object.entries(payload).filter(([k]) => !k.startsWith('Payload')));

describe.each([
  { browser: 'Chrome', path: CHROME_PROFILE_PATH, domain: 'com.google.Chrome', opts: { chromeExtensionId: STORE_ID }, update: 'https://clients2.google.com/service/update2/crx' },
  { browser: 'Edge', path: EDGE_PROFILE_PATH, domain: 'com.microsoft.Edge', opts: { edgeExtensionId: STORE_ID }, update: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx' },
])('admin bundle: $browser on macOS (.mobileconfig)', ({ path, domain, opts, update }) => {
  it('is a configuration profile plistlib reads, with the payload types and identifiers the browser reads', () => {
    const profile = profileOf(path, opts);
    expect(profile).toMatchObject({ PayloadType: 'Configuration', PayloadVersion: 1, PayloadScope: 'System', PayloadIdentifier: `com.example.securejoin.securejoin.${domain === 'com.google.Chrome' ? 'chrome' : 'edge'}` });
    const payloads = profile.PayloadContent as Dict[];
    expect(payloads.map((p) => p.PayloadType)).toEqual([domain, `${domain}.extensions.${STORE_ID}`]);
    for (const p of [profile, ...payloads]) {
      expect(p.PayloadVersion).toBe(1);
      expect(p.PayloadUUID).toMatch(UUID);
      expect(typeof p.PayloadIdentifier).toBe('string');
      expect(typeof p.PayloadDisplayName).toBe('string');
    }
    const ids = [profile, ...payloads].map((p) => p.PayloadIdentifier);
    const uuids = [profile, ...payloads].map((p) => p.PayloadUUID);
    expect(new Set(ids).size).toBe(3);
    expect(new Set(uuids).size).toBe(3);
  });

  it('force-installs the extension from its store and carries the policy under its 3rd-party domain', () => {
    const [install, policy] = profileOf(path, opts).PayloadContent as Dict[];
    expect(settingsOf(install as Dict)).toEqual({ ExtensionInstallForcelist: [`${STORE_ID};${update}`] });
    expect(policyFromManaged(untag(settingsOf(policy as Dict)))).toEqual({ ok: true, value: examplePolicy() });
  });

  it('types values as the managed schema does: integers, booleans, and the one number field as a real', () => {
    const [, policy] = profileOf(path, opts).PayloadContent as Dict[];
    expect(policy?.version).toBe(1);
    expect(policy?.maxGuessProbability).toEqual({ $real: 0.0001 });
    expect((policy?.organizer as Dict).accessCode).toEqual({ required: { value: true, locked: true }, length: { value: 9, locked: false } });
  });

  it('keeps its UUIDs when made again (the reinstalled profile replaces the old one); another service gets others', () => {
    const again = profileOf(path, opts);
    expect(again).toEqual(profileOf(path, opts));
    const other = 'https://sj.other.example';
    const elsewhere = readPlist(fileOf(bundleFiles(exampleSettings({ serviceUrl: other, ...opts }, policyTextAt(other))), path).content) as Dict;
    expect(elsewhere.PayloadUUID).not.toBe(again.PayloadUUID);
  });

  it('defaults to the development id', () => {
    const payloads = profileOf(path).PayloadContent as Dict[];
    expect(payloads[1]?.PayloadType).toBe(`${domain}.extensions.${DEV_EXTENSION_ID}`);
  });
});

describe('plistXml', () => {
  it('escapes text and keeps whole reals real', () => {
    const xml = plistXml({ name: 'A & B <c> "d"', whole: new PlistReal(2), int: 2, list: [true, false, 'x'] });
    expect(readPlist(xml)).toEqual({ name: 'A & B <c> "d"', whole: { $real: 2 }, int: 2, list: [true, false, 'x'] });
  });

  it('carries node names with markup characters through a whole profile', () => {
    const doc = JSON.parse(EXAMPLE_TEXT) as { nodes: Array<{ name: string }> };
    doc.nodes[0]!.name = 'R&D <EU> "main"';
    const text = JSON.stringify(doc);
    const [, policy] = (readPlist(fileOf(bundleFiles(exampleSettings({}, text)), CHROME_PROFILE_PATH).content) as Dict).PayloadContent as Dict[];
    expect(((policy as Dict).nodes as Dict[])[0]?.name).toBe('R&D <EU> "main"');
  });
});
