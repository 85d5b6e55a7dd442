/**
 * The default without a database server (what `npm start` uses): embedded PGlite in a data
 * folder, with a codes key created beside it. Meetings survive a restart, and no file of the
 * folder except the key reveals a code or a minted alias.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUEST_PIN, HOST_PIN, PASSCODE, aliasesOf, call, meetingBody, meetingId, startIssuer, startService } from './support';
import type { TestIssuer } from './support';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

describe('embedded database in a data folder', () => {
  let issuer: TestIssuer;
  const dataDir = mkdtempSync(join(tmpdir(), 'sj-service-'));

  beforeAll(async () => {
    issuer = await startIssuer();
  });
  afterAll(async () => {
    await issuer?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps meetings across a restart, with its own codes key and one process at a time, and no code or alias in the database files', async () => {
    const token = await issuer.sign({ oid: 'ann-oid' });
    const id = meetingId();
    const options = { dataDir, codesKey: undefined };
    const first = await startService(issuer, options);
    let minted: ReturnType<typeof aliasesOf>;
    try {
      expect(first.database).toBe('pglite');
      const created = await call(first.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody(), headers: { 'if-none-match': '*' } });
      expect(created.status).toBe(201);
      minted = aliasesOf(created.body);
      // A second service on the same folder is refused before it touches the files.
      await expect(startService(issuer, options)).rejects.toThrow(/in use by another meeting service \(pid \d+\)/);
    } finally {
      await first.close();
    }
    const keyFile = join(dataDir, 'codes.key');
    expect(Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const files = filesUnder(join(dataDir, 'pgdata'));
    expect(files.length).toBeGreaterThan(10);
    // The codes (sealed) and every minted alias (stored as keyed hashes only), in any case.
    const secrets = [HOST_PIN, GUEST_PIN, PASSCODE, ...minted.all];
    expect(secrets).toHaveLength(7);
    let subjectSeen = false;
    for (const file of files) {
      const bytes = readFileSync(file).toString('latin1');
      const lower = bytes.toLowerCase();
      for (const secret of secrets) expect(lower.includes(secret.toLowerCase()), `${secret} in ${file}`).toBe(false);
      subjectSeen ||= bytes.includes('Quarterly review');
    }
    // The scan does see row data: the subject (not a secret) is stored in clear.
    expect(subjectSeen).toBe(true);

    const second = await startService(issuer, options);
    try {
      const read = await call(second.url, 'GET', `/api/v1/meetings/${id}`, { token });
      expect([read.status, read.body.room.hostPin]).toEqual([200, HOST_PIN]);
      // The minted aliases survive the restart too (they are unsealed from the room, not re-minted).
      expect(aliasesOf(read.body).all).toEqual(minted.all);
    } finally {
      await second.close();
    }
  }, 90_000);
});
