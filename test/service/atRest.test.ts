/**
 * Secrets at rest (issue 18), on PostgreSQL and PGlite: a database written before aliases were
 * hashed (migrations 1-4, aliases in clear, personal aliases not yet listed) is converted at the
 * next start, its meetings still answer by every alias, and no alias is left in clear; the
 * embedded database's folder is owner-only; "Name (n)" stops at a cap.
 */
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayName, MAX_NAME_ORDINAL } from '../../core/infinity/answers';
import { codesCipher } from '../../service/codes';
import { migrate } from '../../service/db/migrate';
import { MIGRATIONS } from '../../service/db/migrations';
import { openPglite, openPostgres } from '../../service';
import type { Database } from '../../service';
import { participantOrdinal } from '../../service/store/participantNames';
import { POLICY_PASSWORD, POLICY_USER, policyGet, webJoinQuery } from './infinityRequests';
import { BACKENDS, CODES_KEY, startIssuer, startService } from './support';

const START = Date.UTC(2030, 0, 7, 9);
const ROOM = {
  alias: 'meet.oldstyle',
  name: 'meet.oldstyle',
  hostPin: '4802139157',
  guestPin: null,
  allowGuests: true,
  accessCode: { code: '918273645', role: 'guest' },
  invitees: [{ email: 'ana@example.com', name: 'Ana Lima', passcode: '5510293847', alias: 'ana.oldstyle', dialAlias: '700112233' }],
  window: { opensAt: START - 15 * 60_000, closesAt: START + 3_600_000 },
  sent: true,
};
const PLAIN = [ROOM.alias, ROOM.accessCode.code, 'ana.oldstyle', '700112233'];

describe.each(BACKENDS)('aliases written in clear before, on $name', (backend) => {
  it('are converted to keyed hashes at the next start and still open the meeting by every alias', async () => {
    const [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    try {
      // Yesterday's database: the first four migrations, a meeting with its web alias in clear.
      const raw = db.options.database ?? (await openPostgres({ url: db.options.databaseUrl as string, max: 2 }, silentLog));
      await migrate(raw, MIGRATIONS.slice(0, 4));
      const cipher = codesCipher(Buffer.from(CODES_KEY, 'base64'));
      await raw.query(
        `INSERT INTO meetings (id, version, organizer_id, organizer_name, subject, alias_key, room_sealed, sent, created_at, updated_at)
         VALUES ('oldMeeting123456', 1, 'ann-oid', 'Ann', 'Old', $1, $2, true, now(), now())`,
        [ROOM.alias, cipher.seal(ROOM, 'oldMeeting123456')],
      );
      await raw.query(`INSERT INTO meeting_aliases (alias_key, meeting_id, kind) VALUES ($1, 'oldMeeting123456', 'web')`, [ROOM.alias]);
      if (!db.options.database) await raw.close();

      let now = START;
      const svc = await startService(issuer, { ...db.options, policy: { username: POLICY_USER, password: POLICY_PASSWORD }, clock: () => now });
      try {
        for (const alias of PLAIN) expect((await policyGet(svc.url, 'service/configuration', webJoinQuery(alias))).body.action).toBe('continue');
        const dump = JSON.stringify([await db.raw('SELECT * FROM meetings'), await db.raw('SELECT * FROM meeting_aliases')]);
        for (const alias of PLAIN) expect(dump).not.toContain(alias);
        expect((await db.raw('SELECT alias_key FROM meeting_aliases')).length).toBe(4);
        now = START + 2 * 3_600_000;
        expect((await policyGet(svc.url, 'service/configuration', webJoinQuery('ana.oldstyle'))).body.action).toBe('reject');
      } finally {
        await svc.close();
      }
      // A second start has nothing left to convert and changes nothing.
      const before = JSON.stringify(await db.raw('SELECT * FROM meeting_aliases ORDER BY alias_key'));
      const again = await startService(issuer, db.options);
      await again.close();
      expect(JSON.stringify(await db.raw('SELECT * FROM meeting_aliases ORDER BY alias_key'))).toBe(before);
    } finally {
      await Promise.all([db.close(), issuer.close()]);
    }
  }, 60_000);
});

const silentLog = { warn: () => undefined, info: () => undefined, error: () => undefined, debug: () => undefined } as never;

describe('the embedded database folder', () => {
  const parent = mkdtempSync(join(tmpdir(), 'sj-mode-'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it('is created owner-only (0700), and tightened when it exists with looser rights', async () => {
    const issuer = await startIssuer();
    const dataDir = join(parent, 'service');
    try {
      const svc = await startService(issuer, { dataDir, codesKey: undefined });
      await svc.close();
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'pgdata')).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'codes.key')).mode & 0o777).toBe(0o600);
      chmodSync(dataDir, 0o755);
      chmodSync(join(dataDir, 'pgdata'), 0o755);
      const again = await startService(issuer, { dataDir, codesKey: undefined });
      await again.close();
      expect([statSync(dataDir).mode & 0o777, statSync(join(dataDir, 'pgdata')).mode & 0o777]).toEqual([0o700, 0o700]);
    } finally {
      await issuer.close();
    }
  }, 60_000);
});

describe('"Name (n)" numbering', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite(null);
    await migrate(db);
  }, 60_000);
  afterAll(() => db?.close());

  it(`stops at ${MAX_NAME_ORDINAL}: every further participant is "Name (${MAX_NAME_ORDINAL}+)" and adds no row`, async () => {
    const closes = START + 3_600_000;
    await db.query(
      `INSERT INTO participant_names (name_key, participant, ordinal, closes_at) SELECT 'k', 'p' || n, n, $1::timestamptz FROM generate_series(1, $2::int - 1) AS n`,
      [new Date(closes).toISOString(), MAX_NAME_ORDINAL],
    );
    expect(await participantOrdinal(db, 'k', 'last-numbered', closes)).toBe(MAX_NAME_ORDINAL);
    expect(await participantOrdinal(db, 'k', 'one-more', closes)).toBe(MAX_NAME_ORDINAL + 1);
    expect(await participantOrdinal(db, 'k', 'and-another', closes)).toBe(MAX_NAME_ORDINAL + 1);
    expect(await participantOrdinal(db, 'k', 'last-numbered', closes)).toBe(MAX_NAME_ORDINAL);
    expect(Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM participant_names WHERE name_key = 'k'`)).rows[0]?.n)).toBe(MAX_NAME_ORDINAL);
    expect(displayName('Ana Lima', MAX_NAME_ORDINAL)).toBe(`Ana Lima (${MAX_NAME_ORDINAL})`);
    expect(displayName('Ana Lima', MAX_NAME_ORDINAL + 1)).toBe(`Ana Lima (${MAX_NAME_ORDINAL}+)`);
  });
});

