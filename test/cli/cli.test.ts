import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { runIn, spawnCli } from './support';

const run = (...args: string[]) => runIn({}, ...args);

const dir = mkdtempSync(join(tmpdir(), 'securejoin-cli-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('securejoin (child process)', () => {
  it('policy check: exit 0 with the guess risk for a valid policy', () => {
    const r = spawnCli('policy', 'check', 'examples/policy.json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('valid SecureJoin policy');
    expect(r.stdout).toMatch(/access code\s+9 digits: 1\.8e-7\s+ok/);
  });

  it('policy check: exit 1 and every problem with its path, no stack trace', () => {
    const bad = file('bad.json', JSON.stringify({ version: 1, organizer: { accessCode: { length: { value: 20 } } }, nodes: [{ origin: 'http://x.example' }] }));
    const r = spawnCli('policy', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('invalid policy (2 problems)');
    expect(r.stderr).toContain('organizer.accessCode.length.value: must be at most 15');
    expect(r.stderr).toContain('nodes[0].origin: must use https://');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2 and point to --help', () => {
    const r = spawnCli('policy', 'export', '--target', 'safari', 'examples/policy.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown --target "safari"');
    expect(r.stderr).toContain('securejoin policy export --help');
  });

  it('code: digits from the crypto generator, all different', () => {
    const r = spawnCli('code', 'access', '--count', '50', '--length', '10');
    expect(r.code).toBe(0);
    const codes = r.stdout.trim().split('\n');
    expect(codes).toHaveLength(50);
    expect(codes.every((c) => /^[0-9]{10}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(50);
  });
});

describe('securejoin (in process)', () => {
  it('prints help for every command', () => {
    for (const args of [['--help'], ['policy', '--help'], ['policy', 'check', '--help'], ['policy', 'export', '--help'], ['policy', 'docs', '--help'], ['policy', 'schema', '--help'], ['code', '--help']]) {
      const r = run(...args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage/);
    }
    expect(run().code).toBe(2);
  });

  it('reports JSON syntax errors with line and column', () => {
    const r = run('policy', 'check', file('syntax.json', '{\n  "version": 1,\n  "nodes": [,]\n}'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('line 3, column 13: invalid JSON');
  });

  it('check --json gives a machine-readable result', () => {
    const ok = run('policy', 'check', '--json', 'examples/policy.json');
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, risk: { ok: true, exposureMinutes: 85 } });
    const bad = run('policy', 'check', '--json', file('v2.json', '{"version":2}'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).errors[0].message).toMatch(/newer/);
  });

  it('export never writes an invalid policy', () => {
    const out = join(dir, 'never.json');
    const r = run('policy', 'export', '--target', 'chromium-linux', '--out', out, file('weak.json', '{"version":1,"organizer":{"accessCode":{"length":{"value":6}}},"assumedMeetingMinutes":1440}'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/raise organizer\.accessCode\.length\.value/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('export --out writes the file and prints where to install it; .reg as UTF-16LE', () => {
    const out = join(dir, 'policy.reg');
    const r = run('policy', 'export', '--target', 'chrome-windows', '--out', out, 'examples/policy.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`reg import ${out}`);
    expect(r.stdout).not.toContain('securejoin-chrome-policy.reg');
    const bytes = readFileSync(out);
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    expect(bytes.subarray(2).toString('utf16le')).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
  });

  it('export --out names that file in the install step, not the default securejoin.json', () => {
    const out = join(dir, 'chromium-policy.json');
    const r = run('policy', 'export', '--target', 'chromium-linux', '--out', out, 'examples/policy.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`install -D -m 0644 ${out} /etc/chromium/policies/managed/securejoin.json`);
    expect(JSON.parse(readFileSync(out, 'utf8'))['3rdparty'].extensions).toBeDefined();
  });

  it('export to stdout keeps the instructions on stderr so the file can be piped', () => {
    const r = run('policy', 'export', '--target', 'firefox', 'examples/policy.json');
    expect(JSON.parse(r.stdout).policies['3rdparty'].Extensions).toBeDefined();
    expect(r.stderr).toContain('about:policies');
  });

  it('policy schema prints the managed schema', () => {
    expect(JSON.parse(run('policy', 'schema').stdout)).toMatchObject({ type: 'object', properties: { version: { type: 'integer' } } });
  });

  it('code kinds, lengths, JSON and passcodes from a file', () => {
    expect(run('code', 'pin', '--length', '4').stdout).toMatch(/^[0-9]{4}\n$/);
    const pairs = JSON.parse(run('code', 'pin-pair', '--count', '2', '--json').stdout);
    expect(pairs).toHaveLength(2);
    expect(pairs[0].hostPin).not.toBe(pairs[0].guestPin);
    const emails = file('emails.txt', 'ana@example.com\n# comment\nBob@Example.com, cy@example.com\n');
    const rows = JSON.parse(run('code', 'passcodes', '--emails-file', emails, '--json').stdout);
    expect(rows.map((r: { email: string }) => r.email)).toEqual(['ana@example.com', 'bob@example.com', 'cy@example.com']);
    expect(run('code', 'passcodes', '--policy', 'examples/policy.json', '--emails', 'a@example.com').stdout).toMatch(/^a@example\.com [0-9]{8}\n$/);
    expect(run('code', '--policy', 'examples/policy.json').stdout).toMatch(/^[0-9]{9}\n$/);
  });

  it('code: usage errors exit 2, bad input exits 1', () => {
    expect(run('code', 'pin', '--length', '3')).toMatchObject({ code: 2, stderr: expect.stringContaining('--length must be a whole number from 4 to 20') });
    expect(run('code', 'passcodes')).toMatchObject({ code: 2 });
    expect(run('code', 'passcodes', '--count', '2', '--emails', 'a@example.com')).toMatchObject({ code: 2 });
    expect(run('code', 'banana')).toMatchObject({ code: 2 });
    expect(run('code', '--nope')).toMatchObject({ code: 2 });
    expect(run('code', 'passcodes', '--emails', 'a@example.com,not-an-email')).toMatchObject({ code: 1, stderr: expect.stringContaining('not-an-email') });
    expect(run('code', 'passcodes', '--emails-file', join(dir, 'missing.txt'))).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
  });
});
