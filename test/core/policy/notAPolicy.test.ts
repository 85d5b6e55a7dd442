import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedStorageSchema, parsePolicyJson } from '../../../core/policy';
import { exportDocumentIssue } from '../../../core/policy/notAPolicy';

const example = JSON.parse(readFileSync('examples/policy.json', 'utf8')) as Record<string, unknown>;

describe('files that are not policies', () => {
  it.each([
    ['Chrome/Chromium', { '3rdparty': { extensions: { jlfcocdbgnmkbgndlhnfblnffaofldef: example } } }, 'chromium-linux'],
    ['Firefox', { policies: { '3rdparty': { Extensions: { 'securejoin@securejoin.dev': example } } } }, '--target firefox'],
    ['JSON schema', managedStorageSchema(), 'policy schema'],
  ])('an export (%s) says what it is and what to pass instead', (_, document, command) => {
    const result = parsePolicyJson(JSON.stringify(document));
    expect(result).toMatchObject({ ok: false, errors: [{ path: '(root)' }] });
    const message = result.ok ? '' : (result.errors[0]?.message ?? '');
    expect(message).toContain(command);
    expect(message).toContain('not a SecureJoin policy: pass the policy JSON it was made from');
  });

  it('a .reg export is recognised before JSON parsing', () => {
    const result = parsePolicyJson('\ufeffWindows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\Software]\r\n');
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/^this is a Windows registry file .*chrome-windows/);
  });

  it('anything with a version is checked as a policy', () => {
    expect(exportDocumentIssue({ version: 1, policies: {} })).toBeNull();
    expect(exportDocumentIssue([])).toBeNull();
  });
});
