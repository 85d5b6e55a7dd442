import { describe, expect, it } from 'vitest';
import { FIREFOX_PATH } from '../../../cli/bundle/firefox';
import { CHROME_LINUX_PATH, EDGE_LINUX_PATH } from '../../../cli/bundle/linux';
import { GECKO_EXTENSION_ID } from '../../../core/extensionIdentity';
import { policyFromManaged } from '../../../core/policy';
import { examplePolicy, exampleFiles, fileOf } from './fixtures';

const CHROME_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EDGE_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';

describe('admin bundle: Linux JSON', () => {
  it.each([
    { path: CHROME_LINUX_PATH, id: CHROME_ID, update: 'https://clients2.google.com/service/update2/crx' },
    { path: EDGE_LINUX_PATH, id: EDGE_ID, update: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx' },
  ])('$path: ExtensionInstallForcelist and 3rdparty.extensions.<id>, nothing else', ({ path, id, update }) => {
    const doc = JSON.parse(fileOf(exampleFiles({ chromeExtensionId: CHROME_ID, edgeExtensionId: EDGE_ID }), path).content) as Record<string, any>;
    expect(Object.keys(doc)).toEqual(['ExtensionInstallForcelist', '3rdparty']);
    expect(doc.ExtensionInstallForcelist).toEqual([`${id};${update}`]);
    expect(Object.keys(doc['3rdparty'].extensions)).toEqual([id]);
    expect(policyFromManaged(doc['3rdparty'].extensions[id])).toEqual({ ok: true, value: examplePolicy() });
  });
});

describe('admin bundle: Firefox policies.json', () => {
  it('force-installs the add-on from addons.mozilla.org by default and carries its 3rdparty policy', () => {
    const doc = JSON.parse(fileOf(exampleFiles(), FIREFOX_PATH).content) as Record<string, any>;
    expect(Object.keys(doc)).toEqual(['policies']);
    expect(doc.policies.ExtensionSettings).toEqual({
      [GECKO_EXTENSION_ID]: { installation_mode: 'force_installed', install_url: `https://addons.mozilla.org/firefox/downloads/latest/${GECKO_EXTENSION_ID}/latest.xpi` },
    });
    expect(Object.keys(doc.policies['3rdparty'].Extensions)).toEqual([GECKO_EXTENSION_ID]);
    expect(policyFromManaged(doc.policies['3rdparty'].Extensions[GECKO_EXTENSION_ID])).toEqual({ ok: true, value: examplePolicy() });
  });

  it('installs from a given URL', () => {
    const url = 'https://intranet.example.com/securejoin-0.1.0.xpi';
    const doc = JSON.parse(fileOf(exampleFiles({ firefoxInstallUrl: url }), FIREFOX_PATH).content) as Record<string, any>;
    expect(doc.policies.ExtensionSettings[GECKO_EXTENSION_ID].install_url).toBe(url);
  });
});
