/** One service per PGlite data folder; a lock left by a process that has ended is taken over. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../service/db/dataDirLock';

const dir = mkdtempSync(join(tmpdir(), 'sj-lock-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lockDataDir', () => {
  it('refuses a folder another live process holds, and frees it on release', () => {
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'service.lock'), 'utf8')).toBe(String(process.pid));
    expect(() => lockDataDir(dir)).toThrow(`in use by another meeting service (pid ${process.pid})`);
    release();
    expect(existsSync(join(dir, 'service.lock'))).toBe(false);
    lockDataDir(dir)();
  });

  it('takes over a lock whose process has ended', () => {
    const ended = spawnSync(process.execPath, ['-e', '0']).pid;
    writeFileSync(join(dir, 'service.lock'), String(ended));
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, 'service.lock'), 'utf8')).toBe(String(process.pid));
    release();
  });
});
