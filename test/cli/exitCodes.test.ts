import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIn } from './support';

const dir = mkdtempSync(join(tmpdir(), 'securejoin-exit-'));
writeFileSync(join(dir, 'taken.json'), '{}');
writeFileSync(join(dir, 'invalid.json'), '{"version":1,"nodes":[{"origin":"http://x.example"}]}');
const P = 'examples/policy.json';

/** 0 ok; 1 the inputs (files, stdin, emails, what the policy allows) are wrong; 2 the command line itself is wrong. */
const CASES: Array<[number, string[]]> = [
  [0, ['--help']],
  [0, ['--version']],
  [0, ['policy', 'check', P]],
  [0, ['policy', 'check', '--json', P]],
  [0, ['policy', 'export', '--target', 'firefox', P]],
  [0, ['code', 'pin-pair', '--policy', P]],
  [1, ['policy', 'check', join(dir, 'missing.json')]],
  [1, ['policy', 'check', join(dir, 'invalid.json')]],
  [1, ['policy', 'check', '--json', join(dir, 'invalid.json')]],
  [1, ['policy', 'check', '--json', join(dir, 'missing.json')]],
  [1, ['policy', 'export', '--target', 'firefox', join(dir, 'invalid.json')]],
  [1, ['policy', 'export', '--target', 'firefox', P, '--out', join(dir, 'taken.json')]],
  [1, ['policy', 'export', '--target', 'firefox', P, '--out', P, '--force']],
  [1, ['code', '--policy', join(dir, 'missing.json')]],
  [1, ['code', 'access', '--policy', P, '--length', '6']],
  [1, ['code', 'pin', '--policy', P, '--length', '5']],
  [1, ['code', 'passcodes', '--emails', 'a@example.com,not-an-email']],
  [1, ['code', 'passcodes', '--emails', 'a@example.com,A@example.com']],
  [1, ['code', 'passcodes', '--emails', ' , ']],
  [2, []],
  [2, ['frobnicate']],
  [2, ['--version', 'now']],
  [2, ['policy']],
  [2, ['policy', 'lint', P]],
  [2, ['policy', 'check']],
  [2, ['policy', 'check', P, P]],
  [2, ['policy', 'check', '--nope', P]],
  [2, ['policy', 'export', P]],
  [2, ['policy', 'export', '--target', 'safari', P]],
  [2, ['policy', 'export', '--target', 'chrome-windows', '--extension-id', 'XYZ', P]],
  [2, ['policy', 'export', '--target', 'firefox', '--force', P]],
  [2, ['policy', 'docs', 'extra']],
  [2, ['code', 'banana']],
  [2, ['code', 'pin', '--length', '3']],
  [2, ['code', 'access', '--length', 'eight']],
  [2, ['code', '--count', '0']],
  [2, ['code', 'passcodes']],
  [2, ['code', 'pin', '--emails', 'a@example.com']],
  [2, ['code', 'passcodes', '--policy', '-', '--emails-file', '-']],
];

describe('exit codes: 0 ok, 1 invalid input, 2 usage, everywhere', () => {
  it.each(CASES)('%i for securejoin %j', (expected, args) => {
    const r = runIn({ stdin: '' }, ...args);
    expect(r.code, r.stderr).toBe(expected);
    if (expected === 0) return;
    if (args.length === 0) return void expect(r.stderr).toMatch(/^securejoin - admin tool/); // the help, on stderr
    if (args.includes('--json') && r.stdout !== '') return void expect(JSON.parse(r.stdout)).toMatchObject({ ok: false });
    expect(r.stderr).toMatch(/^securejoin: /);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // A usage error points to the help; an input error names the input instead.
    if (expected === 2) expect(r.stderr).toMatch(/See "securejoin .*--help"/);
    if (expected === 1) expect(r.stderr).not.toContain('--help');
  });
});
