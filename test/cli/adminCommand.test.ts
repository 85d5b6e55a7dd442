import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRegPolicy } from '../../cli/export';
import { manifestProblems } from '../../outlook-addin/manifest';
import { policyFromManaged } from '../../core/policy';
import { EXAMPLE_TEXT, examplePolicy, readPlist, untag } from './bundle/fixtures';
import { runIn, spawnCli } from './support';

const URL = 'https://securejoin.example.com';
const EXPECTED = [
  '.securejoin-bundle.json',
  'README.txt',
  'browsers/firefox/policies.json',
  'browsers/linux/securejoin-chrome.json',
  'browsers/linux/securejoin-edge.json',
  'browsers/macos/securejoin-chrome.mobileconfig',
  'browsers/macos/securejoin-edge.mobileconfig',
  'browsers/windows/securejoin-chrome.reg',
  'browsers/windows/securejoin-edge.reg',
  'entra-id.txt',
  'infinity-policy-profile.txt',
  'outlook/manifest.xml',
  'outlook/policy.json',
];

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'securejoin-bundle-test-'));
  writeFileSync(join(work, 'policy.json'), EXAMPLE_TEXT);
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Every file under `dir` (sorted bundle paths) with its bytes and modification time. */
function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
  const out: Record<string, { bytes: string; mtimeMs: number }> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isDirectory()) continue;
    const path = join(e.parentPath, e.name);
    out[relative(dir, path).split(sep).join('/')] = { bytes: readFileSync(path).toString('base64'), mtimeMs: statSync(path).mtimeMs };
  }
  return out;
}

const bundle = (...extra: string[]) => runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', URL, '--out', 'out', ...extra);

describe('securejoin admin bundle', () => {
  it('writes every file on examples/policy.json, each one readable as what it claims to be', () => {
    const result = bundle();
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote the SecureJoin bundle for ${URL} (12 files)`);
    expect(result.stdout).toContain('out/README.txt');
    const out = join(work, 'out');
    expect(Object.keys(snapshot(out)).sort()).toEqual(EXPECTED);
    // Read back from disk, as the admin's tools will.
    expect(manifestProblems(readFileSync(join(out, 'outlook/manifest.xml'), 'utf8'))).toEqual([]);
    const reg = readFileSync(join(out, 'browsers/windows/securejoin-chrome.reg'));
    expect([...reg.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    const regText = reg.subarray(2).toString('utf16le');
    expect(regText.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    expect(policyFromManaged(readRegPolicy(regText.slice(regText.indexOf('[HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty'))))).toEqual({ ok: true, value: examplePolicy() });
    const profile = readPlist(readFileSync(join(out, 'browsers/macos/securejoin-edge.mobileconfig'))) as { PayloadContent: Array<Record<string, unknown>> };
    expect(profile.PayloadContent.map((p) => p.PayloadType)).toEqual(['com.microsoft.Edge', 'com.microsoft.Edge.extensions.jlfcocdbgnmkbgndlhnfblnffaofldef']);
    const { PayloadType, PayloadVersion, PayloadIdentifier, PayloadUUID, PayloadDisplayName, ...managed } = profile.PayloadContent[1] as Record<string, unknown>;
    expect([PayloadType, PayloadVersion, PayloadIdentifier, PayloadUUID, PayloadDisplayName].every((v) => v !== undefined)).toBe(true);
    expect(policyFromManaged(untag(managed))).toEqual({ ok: true, value: examplePolicy() });
    expect(JSON.parse(readFileSync(join(out, 'browsers/firefox/policies.json'), 'utf8')).policies.ExtensionSettings).toBeDefined();
    expect(readFileSync(join(out, 'outlook/policy.json'), 'utf8')).toBe(EXAMPLE_TEXT);
    expect(statSync(out).mode & 0o777).toBe(0o755);
  });

  it('refuses to run twice into the same folder without --force, and changes nothing', () => {
    expect(bundle().code).toBe(0);
    const before = snapshot(join(work, 'out'));
    const again = bundle();
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('securejoin: --out out is not empty: pass --force to replace a previous bundle there\n');
    expect(snapshot(join(work, 'out'))).toEqual(before);
    // Nothing left beside it either (no staging folder).
    expect(readdirSync(work).sort()).toEqual(['out', 'policy.json']);
  });

  it('with --force replaces a previous bundle whole (a file it no longer writes goes too)', () => {
    expect(bundle().code).toBe(0);
    rmSync(join(work, 'out', 'entra-id.txt'));
    writeFileSync(join(work, 'out', 'README.txt'), 'edited by hand');
    const marker = JSON.parse(readFileSync(join(work, 'out', '.securejoin-bundle.json'), 'utf8')) as { files: string[] };
    // A file an older version of the bundle wrote (listed in its marker) is removed by the new one.
    marker.files.push('browsers/old-format.txt');
    writeFileSync(join(work, 'out', '.securejoin-bundle.json'), JSON.stringify(marker));
    writeFileSync(join(work, 'out', 'browsers', 'old-format.txt'), 'old');
    const result = bundle('--force', '--chrome-extension-id', 'abcdefghijklmnopabcdefghijklmnop');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Object.keys(snapshot(join(work, 'out'))).sort()).toEqual(EXPECTED);
    expect(readFileSync(join(work, 'out', 'README.txt'), 'utf8')).toContain('extension id abcdefghijklmnopabcdefghijklmnop');
    expect(readdirSync(work).sort()).toEqual(['out', 'policy.json']);
  });

  it('never replaces a folder that holds anything but a bundle, even with --force', () => {
    mkdirSync(join(work, 'out'));
    writeFileSync(join(work, 'out', 'notes.txt'), 'mine');
    const foreign = bundle('--force');
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/--out out is not empty and cannot be replaced: it holds no SecureJoin bundle/);
    expect(snapshot(join(work, 'out'))).toEqual({ 'notes.txt': expect.any(Object) });
    // A bundle with a file of the admin's added: refused too, naming the file.
    rmSync(join(work, 'out'), { recursive: true });
    expect(bundle().code).toBe(0);
    writeFileSync(join(work, 'out', 'browsers', 'my-notes.txt'), 'mine');
    const before = snapshot(join(work, 'out'));
    const mixed = bundle('--force');
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('it holds files that are not part of the bundle (browsers/my-notes.txt)');
    expect(snapshot(join(work, 'out'))).toEqual(before);
  });

  it('writes the same bytes for the same input (a bundle can be kept in version control and diffed)', () => {
    expect(bundle().code).toBe(0);
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', URL, '--out', 'again').code).toBe(0);
    const bytes = (dir: string) => Object.fromEntries(Object.entries(snapshot(join(work, dir))).map(([k, v]) => [k, v.bytes]));
    expect(bytes('again')).toEqual(bytes('out'));
  });

  it('writes into an existing empty folder', () => {
    mkdirSync(join(work, 'out'));
    expect(bundle().code).toBe(0);
    expect(Object.keys(snapshot(join(work, 'out'))).sort()).toEqual(EXPECTED);
  });

  it('validates the policy first, with the same "path: problem" lines as policy check, and writes nothing', () => {
    const doc = JSON.parse(EXAMPLE_TEXT) as { organizer: { accessCode: { length: { value: number } } } };
    doc.organizer.accessCode.length.value = 99;
    writeFileSync(join(work, 'policy.json'), JSON.stringify(doc));
    const result = bundle();
    const check = runIn({ cwd: work }, 'policy', 'check', 'policy.json');
    expect(result.code).toBe(1);
    expect(check.code).toBe(1);
    expect(result.stderr).toBe(check.stderr);
    expect(result.stderr).toContain('organizer.accessCode.length.value: ');
    expect(readdirSync(work)).toEqual(['policy.json']);
  });

  it('refuses a policy for another service, and options that are wrong, writing nothing', () => {
    const other = bundle().code === 0 && runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', 'https://other.example.com', '--out', 'out2');
    expect(other && other.code).toBe(1);
    expect(other && other.stderr).toBe(
      'securejoin: policy.json: cannot bundle this policy (1 problem)\n  meetingService.url: must be the --service-url https://other.example.com (one service serves the add-in, the meetings and the policy API), got https://securejoin.example.com\n',
    );
    const badId = runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', URL, '--out', 'out3', '--edge-extension-id', 'x');
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('--edge-extension-id: "x" is not a Chromium extension id');
    expect(readdirSync(work).sort()).toEqual(['out', 'policy.json']);
  });

  it('says what is missing on the command line (exit 2)', () => {
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--out', 'out')).toMatchObject({ code: 2, stderr: expect.stringContaining('--service-url is required') });
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--service-url', URL, '--out', 'out')).toMatchObject({ code: 2, stderr: expect.stringContaining('--policy is required') });
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', URL)).toMatchObject({ code: 2, stderr: expect.stringContaining('--out is required') });
    expect(runIn({ cwd: work }, 'admin', 'bundle', 'policy.json')).toMatchObject({ code: 2, stderr: expect.stringContaining('unexpected argument "policy.json"') });
    expect(runIn({ cwd: work }, 'admin')).toMatchObject({ code: 2, stderr: expect.stringContaining('missing subcommand: bundle') });
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('browsers/macos/securejoin-*.mobileconfig') });
    expect(readdirSync(work)).toEqual(['policy.json']);
  });

  it('refuses an --out whose parent folder does not exist, or that is a file', () => {
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', URL, '--out', 'a/b')).toMatchObject({ code: 1, stderr: 'securejoin: --out a/b: the folder a does not exist (create it first, or choose another path); nothing was written\n' });
    expect(runIn({ cwd: work }, 'admin', 'bundle', '--policy', 'policy.json', '--service-url', URL, '--out', 'policy.json', '--force')).toMatchObject({ code: 1, stderr: expect.stringContaining('is a file, not a folder') });
    expect(readdirSync(work)).toEqual(['policy.json']);
    expect(readFileSync(join(work, 'policy.json'), 'utf8')).toBe(EXAMPLE_TEXT);
  });

  it('reads the policy from standard input', () => {
    const result = runIn({ cwd: work, stdin: EXAMPLE_TEXT }, 'admin', 'bundle', '--policy', '-', '--service-url', URL, '--out', 'out');
    expect(result.code).toBe(0);
    expect(readFileSync(join(work, 'out', 'outlook', 'policy.json'), 'utf8')).toBe(EXAMPLE_TEXT);
  });

  it('runs as the installed command (a child process), the same files', () => {
    const out = join(work, 'spawned');
    const result = spawnCli('admin', 'bundle', '--policy', join(work, 'policy.json'), '--service-url', URL, '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(Object.keys(snapshot(out)).sort()).toEqual(EXPECTED);
    const again = spawnCli('admin', 'bundle', '--policy', join(work, 'policy.json'), '--service-url', URL, '--out', out);
    expect(again.code).toBe(1);
  });
});
