import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPolicy, readRegPolicy } from '../../cli/export';
import { DEV_EXTENSION_ID, GECKO_EXTENSION_ID } from '../../core/extensionIdentity';
import { parsePolicyJson, policyFromManaged } from '../../core/policy';

const example = (() => {
  const result = parsePolicyJson(readFileSync('examples/policy.json', 'utf8'));
  if (!result.ok) throw new Error('example invalid');
  return result.value;
})();

describe('exportPolicy', () => {
  it('chromium-linux: 3rdparty.extensions.<id> that reads back as the same policy', () => {
    const out = exportPolicy(example, 'chromium-linux');
    const doc = JSON.parse(out.content);
    expect(Object.keys(doc['3rdparty'].extensions)).toEqual([DEV_EXTENSION_ID]);
    expect(policyFromManaged(doc['3rdparty'].extensions[DEV_EXTENSION_ID])).toEqual({ ok: true, value: example });
    expect(out.instructions.join('\n')).toContain('/etc/chromium/policies/managed/securejoin.json');
    expect(exportPolicy(example, 'chrome-linux').instructions.join('\n')).toContain('/etc/opt/chrome/policies/managed/');
  });

  it('chrome-windows: a .reg file whose values Chrome converts back to the same policy', () => {
    const out = exportPolicy(example, 'chrome-windows', 'abcdefghijklmnopabcdefghijklmnop');
    const key = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\abcdefghijklmnopabcdefghijklmnop\\policy';
    const lines = out.content.split('\r\n');
    expect(lines[0]).toBe('Windows Registry Editor Version 5.00');
    expect(lines).toContain(`[-${key}]`);
    expect(lines).toContain(`[${key}]`);
    expect(lines).toContain('"version"=dword:00000001');
    expect(lines).toContain('"maxGuessProbability"="0.0001"');
    expect(out.encoding).toBe('utf16le');
    expect(policyFromManaged(readRegPolicy(out.content))).toEqual({ ok: true, value: example });
  });

  it('edge-windows: the same under Microsoft\\Edge', () => {
    expect(exportPolicy(example, 'edge-windows').content).toContain(`[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${DEV_EXTENSION_ID}\\policy]`);
  });

  it('firefox: policies.3rdparty.Extensions.<gecko id>', () => {
    const doc = JSON.parse(exportPolicy(example, 'firefox').content);
    expect(policyFromManaged(doc.policies['3rdparty'].Extensions[GECKO_EXTENSION_ID])).toEqual({ ok: true, value: example });
  });

  it('the install steps name the file where --out put it, quoted for the shell when needed', () => {
    const linux = exportPolicy(example, 'chromium-linux', undefined, '/tmp/out dir/chromium-policy.json').instructions.join('\n');
    expect(linux).toContain("install -D -m 0644 '/tmp/out dir/chromium-policy.json' /etc/chromium/policies/managed/securejoin.json");
    expect(linux).not.toContain('Save the output');
    expect(exportPolicy(example, 'chrome-windows', undefined, 'C:\\GPO files\\chrome.reg').instructions.join('\n')).toContain('reg import "C:\\GPO files\\chrome.reg"');
    expect(exportPolicy(example, 'firefox', undefined, 'ff.json').instructions.join('\n')).toContain('Install ff.json as policies.json');
    // Without --out the file goes to stdout: the steps say what to save it as, and use that name.
    const piped = exportPolicy(example, 'edge-windows').instructions;
    expect(piped[0]).toBe('Save the output as securejoin-edge-policy.reg (or pass --out FILE); then:');
    expect(piped.join('\n')).toContain('reg import securejoin-edge-policy.reg');
  });

  it("notes the id: Chromium's default is the development id (store builds get another), Firefox's add-on id is fixed by the manifest", () => {
    const note = (target: Parameters<typeof exportPolicy>[1], id?: string) => exportPolicy(example, target, id).instructions.filter((l) => l.startsWith('Note:'));
    expect(note('chrome-linux')).toEqual([expect.stringMatching(new RegExp(`development build's id \\(${DEV_EXTENSION_ID}\\).*the id the store assigned`))]);
    expect(note('chrome-linux', 'abcdefghijklmnopabcdefghijklmnop')).toEqual([]);
    const firefox = note('firefox');
    expect(firefox).toEqual([expect.stringContaining(`${GECKO_EXTENSION_ID}, fixed in its manifest for every build`)]);
    expect(firefox[0]).not.toMatch(/store assigned|--extension-id/);
    expect(note('firefox', 'fork@example.com')).toEqual([expect.stringContaining(`manifest declares ${GECKO_EXTENSION_ID}, so this reaches only a build whose manifest was changed to fork@example.com`)]);
  });

  it('rejects malformed extension ids for the target', () => {
    expect(() => exportPolicy(example, 'chrome-linux', 'securejoin@securejoin.dev')).toThrow(/not a Chromium extension id/);
    expect(() => exportPolicy(example, 'firefox', 'no spaces allowed')).toThrow(/not a Firefox add-on id/);
  });
});
