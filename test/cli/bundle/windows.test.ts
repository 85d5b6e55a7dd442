import { describe, expect, it } from 'vitest';
import { readRegPolicy } from '../../../cli/export';
import { encodeText } from '../../../cli/io';
import { CHROME_REG_PATH, EDGE_REG_PATH } from '../../../cli/bundle/windows';
import { DEV_EXTENSION_ID } from '../../../core/extensionIdentity';
import { policyFromManaged } from '../../../core/policy';
import { examplePolicy, exampleFiles, fileOf, readRegKeys } from './fixtures';

const STORE_ID = 'abcdefghijklmnopabcdefghijklmnop';
const EDGE_ID = 'ponmlkjihgfedcbaponmlkjihgfedcba';

/** The file's bytes as written, decoded as regedit reads a version 5.00 file: UTF-16LE after a BOM. */
function decodeReg(path: string, opts = {}): string {
  const file = fileOf(exampleFiles(opts), path);
  const bytes = Buffer.from(encodeText(file.content, file.encoding));
  expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
  const text = bytes.subarray(2).toString('utf16le');
  // Every character survives UTF-16 (no replacement characters), and lines end in CRLF only.
  expect(Buffer.from(text, 'utf16le').equals(bytes.subarray(2))).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  return text;
}

describe.each([
  { browser: 'Chrome', path: CHROME_REG_PATH, vendor: 'Google\\Chrome', id: STORE_ID, opts: { chromeExtensionId: STORE_ID }, update: 'https://clients2.google.com/service/update2/crx' },
  { browser: 'Edge', path: EDGE_REG_PATH, vendor: 'Microsoft\\Edge', id: EDGE_ID, opts: { edgeExtensionId: EDGE_ID }, update: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx' },
])('admin bundle: $browser on Windows (.reg)', ({ path, vendor, id, opts, update }) => {
  const forcelist = `HKEY_LOCAL_MACHINE\\Software\\Policies\\${vendor}\\ExtensionInstallForcelist`;
  const policyKey = `HKEY_LOCAL_MACHINE\\Software\\Policies\\${vendor}\\3rdparty\\extensions\\${id}\\policy`;

  it('is a UTF-16LE regedit 5.00 file with exactly the force-install key and the 3rd-party policy key', () => {
    const reg = readRegKeys(decodeReg(path, opts));
    expect(reg.header).toBe('Windows Registry Editor Version 5.00');
    expect([...reg.keys.keys()]).toEqual([forcelist, policyKey]);
    expect(Object.fromEntries(reg.keys.get(forcelist) ?? [])).toEqual({ '1': `"${id};${update}"` });
    // The old policy is removed before the new one is written, so no stale value survives.
    expect(reg.deleted).toEqual([policyKey]);
  });

  it('carries values the browser converts back to the same policy', () => {
    const text = decodeReg(path, opts);
    // Only the policy key's values (the force-install list is another policy).
    const section = text.slice(text.indexOf(`[${policyKey}]`));
    expect(policyFromManaged(readRegPolicy(section))).toEqual({ ok: true, value: examplePolicy() });
    expect(text).toContain('"version"=dword:00000001');
  });

  it('defaults to the development id', () => {
    const reg = readRegKeys(decodeReg(path));
    expect(reg.keys.get(forcelist)?.get('1')).toBe(`"${DEV_EXTENSION_ID};${update}"`);
    expect([...reg.keys.keys()]).toContain(policyKey.replace(id, DEV_EXTENSION_ID));
  });
});
