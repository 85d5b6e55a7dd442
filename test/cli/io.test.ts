import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerFolder, MAX_INPUT_BYTES } from '../../cli/io';
import { runIn, spawnCliWith } from './support';

const EXAMPLE = resolve('examples/policy.json');
const example = readFileSync(EXAMPLE, 'utf8');

/** A fresh folder holding policy.json (the example), as a caller's working folder. */
function callerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'securejoin-caller-'));
  copyFileSync(EXAMPLE, join(dir, 'policy.json'));
  return dir;
}

describe('paths are the caller\'s', () => {
  it('callerFolder: INIT_CWD under "npm run securejoin", else the process folder', () => {
    expect(callerFolder({ npm_lifecycle_event: 'securejoin', INIT_CWD: '/home/admin' }, '/repo')).toBe('/home/admin');
    expect(callerFolder({ INIT_CWD: '/elsewhere' }, '/repo')).toBe('/repo');
    expect(callerFolder({}, '/repo')).toBe('/repo');
  });

  it('as npm runs it (package folder + INIT_CWD): reads and writes relative to the caller', () => {
    const dir = callerDir();
    const r = spawnCliWith({ env: { npm_lifecycle_event: 'securejoin', INIT_CWD: dir } }, 'policy', 'export', '--target', 'firefox', 'policy.json', '--out', 'policies.json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'policies.json'), 'utf8')).policies['3rdparty']).toBeDefined();
  });
});

describe('inputs', () => {
  it('"-" reads standard input (the real fd 0), named as such in messages', () => {
    const ok = spawnCliWith({ input: example }, 'policy', 'check', '-');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^\(standard input\): valid SecureJoin policy/);
    const bad = runIn({ stdin: '{"version":1,"nodes":"x"}' }, 'policy', 'check', '-');
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('(standard input): invalid policy') });
    const emails = runIn({ stdin: 'ana@example.com\nbo@example.com\n' }, 'code', 'passcodes', '--emails-file', '-');
    expect(emails.stdout).toMatch(/^ana@example\.com \d{8}\nbo@example\.com \d{8}\n$/);
  });

  it('policy check /dev/zero ends at once with a clear error', () => {
    const started = Date.now();
    const r = spawnCliWith({}, 'policy', 'check', '/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('securejoin: policy file /dev/zero is larger than 1 MiB: not what this command reads\n');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('refuses an oversized stdin, a folder and bytes that are not UTF-8', () => {
    const dir = callerDir();
    writeFileSync(join(dir, 'latin1.json'), Buffer.from('{"version":1,"nodes":[{"name":"M\xfcnchen"}]}', 'latin1'));
    expect(runIn({ stdin: ' '.repeat(MAX_INPUT_BYTES + 1) }, 'policy', 'check', '-').stderr).toMatch(/standard input\) is larger than 1 MiB/);
    expect(runIn({ cwd: dir }, 'policy', 'check', '.').stderr).toMatch(/cannot read policy file \.: it is a directory/);
    expect(runIn({ cwd: dir }, 'policy', 'check', 'latin1.json').stderr).toMatch(/latin1\.json is not UTF-8 text/);
  });
});

describe('--out', () => {
  it('into a folder that does not exist: every command says so, exits 1 and writes nothing', () => {
    const dir = callerDir();
    writeFileSync(join(dir, 'notes.txt'), 'a file, not a folder');
    const commands = [
      ['policy', 'export', '--target', 'firefox', 'policy.json', '--out'],
      ['policy', 'docs', '--out'],
      ['admin', 'bundle', '--policy', 'policy.json', '--service-url', 'https://securejoin.example.com', '--out'],
    ];
    for (const command of commands) {
      for (const [out, says] of [
        ['nodir/x.json', 'the folder nodir does not exist (create it first, or choose another path)'],
        ['nodir/deeper/x.json', 'the folder nodir/deeper does not exist (create it first, or choose another path)'],
        ['notes.txt/x.json', 'notes.txt is a file, not a folder'],
      ] as const) {
        const r = runIn({ cwd: dir }, ...command, out, '--force');
        expect(r, `${command.join(' ')} ${out}`).toMatchObject({ code: 1, stdout: '', stderr: `securejoin: --out ${out}: ${says}; nothing was written\n` });
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'policy.json']);
  });

  it('never overwrites the input, even with --force, however it is spelt', () => {
    const dir = callerDir();
    linkSync(join(dir, 'policy.json'), join(dir, 'hardlink.json'));
    for (const out of ['policy.json', './policy.json', join(dir, 'policy.json'), 'hardlink.json']) {
      const r = runIn({ cwd: dir }, 'policy', 'export', '--target', 'chromium-linux', '--force', 'policy.json', '--out', out);
      expect(r.code, out).toBe(1);
      expect(r.stderr).toContain(`--out ${out} is the input file`);
    }
    expect(readFileSync(join(dir, 'policy.json'), 'utf8')).toBe(example);
  });

  it('replaces an existing file only with --force', () => {
    const dir = callerDir();
    writeFileSync(join(dir, 'securejoin.json'), 'keep me');
    const refused = runIn({ cwd: dir }, 'policy', 'export', '--target', 'chromium-linux', 'policy.json', '--out', 'securejoin.json');
    expect(refused).toMatchObject({ code: 1, stderr: 'securejoin: --out securejoin.json exists: pass --force to replace it\n' });
    expect(readFileSync(join(dir, 'securejoin.json'), 'utf8')).toBe('keep me');
    expect(runIn({ cwd: dir }, 'policy', 'docs', '--out', 'securejoin.json').code).toBe(1);
    const forced = runIn({ cwd: dir }, 'policy', 'export', '--target', 'chromium-linux', 'policy.json', '--out', 'securejoin.json', '--force');
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'securejoin.json'), 'utf8'))['3rdparty']).toBeDefined();
    mkdirSync(join(dir, 'sub'));
    expect(runIn({ cwd: join(dir, 'sub') }, 'policy', 'docs', '--out', 'POLICY.md').code).toBe(0);
    expect(readFileSync(join(dir, 'sub', 'POLICY.md'), 'utf8')).toMatch(/^# /);
  });

  it('a .reg export has one encoding wherever it goes: UTF-16LE with BOM on stdout and in --out', () => {
    const dir = callerDir();
    const piped = spawnCliWith({ cwd: dir }, 'policy', 'export', '--target', 'edge-windows', 'policy.json');
    expect(piped.code).toBe(0);
    expect(piped.stderr).toContain('UTF-16LE with byte-order mark');
    expect(runIn({ cwd: dir }, 'policy', 'export', '--target', 'edge-windows', 'policy.json', '--out', 'edge.reg').code).toBe(0);
    const written = readFileSync(join(dir, 'edge.reg'));
    expect(Buffer.compare(runIn({ cwd: dir }, 'policy', 'export', '--target', 'edge-windows', 'policy.json', '--out', '-').bytes, written)).toBe(0);
    expect([...piped.stdoutBytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(Buffer.compare(piped.stdoutBytes, written)).toBe(0);
    expect(written.subarray(2).toString('utf16le')).toMatch(/^Windows Registry Editor Version 5\.00\r\n/);
  });
});

describe('policy check', () => {
  it('recognises what policy export wrote, and says what to pass instead', () => {
    const dir = callerDir();
    for (const target of ['chromium-linux', 'firefox', 'chrome-windows']) {
      expect(runIn({ cwd: dir }, 'policy', 'export', '--target', target, 'policy.json', '--out', `${target}.out`).code).toBe(0);
      const r = runIn({ cwd: dir }, 'policy', 'check', `${target}.out`);
      expect(r.code, target).toBe(1);
      expect(r.stderr).toContain(`--target ${target === 'firefox' ? 'firefox' : target}`);
      expect(r.stderr).toContain('not a SecureJoin policy: pass the policy JSON it was made from');
    }
  });

  it('refuses duplicate keys with their path, with the other problems in one round', () => {
    const dir = callerDir();
    writeFileSync(join(dir, 'dup.json'), '{\n  "version": 1,\n  "organizer": { "accessCode": { "length": { "value": 12 }, "length": { "value": 6 } } },\n  "assumedMeetingMinutes": 1440,\n  "nodes": [{ "origin": "http://meet.example.com" }]\n}\n');
    const r = runIn({ cwd: dir }, 'policy', 'check', 'dup.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('organizer.accessCode.length: duplicate key "length" at line 3');
    expect(r.stderr).toContain('nodes[0].origin: must use https://');
    expect(r.stderr).toMatch(/organizer\.accessCode\.length\.value: an access code of 6 digits can be guessed/);
  });
});

describe('--version', () => {
  it('prints the package version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    expect(runIn({}, '--version')).toMatchObject({ code: 0, stdout: `securejoin ${version}\n` });
  });
});

describe('code --policy', () => {
  it('uses the policy\'s lengths and refuses a --length it does not allow', () => {
    expect(runIn({}, 'code', '--policy', 'examples/policy.json').stdout).toMatch(/^\d{9}\n$/);
    expect(runIn({}, 'code', 'access', '--policy', 'examples/policy.json', '--length', '10').stdout).toMatch(/^\d{10}\n$/);
    const short = runIn({}, 'code', 'access', '--policy', 'examples/policy.json', '--length', '6');
    expect(short).toMatchObject({ code: 1, stdout: '' });
    expect(short.stderr).toMatch(/--length 6: the policy refuses it: .*too easy to guess/);
    const locked = runIn({}, 'code', 'passcodes', '--policy', 'examples/policy.json', '--length', '9', '--emails', 'a@example.com');
    expect(locked).toMatchObject({ code: 1, stderr: expect.stringContaining('--length 9: the policy locks organizer.passcodes.length at 8') });
    const dir = callerDir();
    writeFileSync(join(dir, 'shared.json'), JSON.stringify({ version: 1, organizer: { passcodes: { mode: { value: 'shared', locked: true } } } }));
    expect(runIn({ cwd: dir }, 'code', 'passcodes', '--policy', 'shared.json', '--emails', 'a@example.com')).toMatchObject({ code: 1, stderr: expect.stringContaining('locks organizer.passcodes.mode at "shared"') });
    expect(runIn({}, 'code', 'pin', '--policy', 'examples/policy.json', '--length', '4')).toMatchObject({ code: 1, stderr: expect.stringContaining("below the policy's minimum PIN length (10)") });
  });
});

describe('code passcodes', () => {
  it('refuses an invitee listed twice, also when only the case differs, naming the entries', () => {
    const r = runIn({}, 'code', 'passcodes', '--emails', 'Bob@Example.com,ana@example.com,bob@example.com,ana@example.com');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('names 2 invitees more than once');
    expect(r.stderr).toContain('Bob@Example.com, bob@example.com: one invitee (addresses are compared without regard to case)');
    expect(r.stderr).toContain('ana@example.com: listed 2 times');
  });
});
