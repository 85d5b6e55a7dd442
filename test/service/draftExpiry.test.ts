/**
 * The draft-expiry job, the same suite on real PostgreSQL and on PGlite: an unsent draft past
 * the TTL goes with its minted aliases (freed, answered reject) and an audit row; a younger draft and a
 * sent meeting of any age stay; a send racing the sweep ends whole either way; two services
 * sweeping at once remove each draft once; a shutdown mid-sweep stops after the batch in hand;
 * stale "Name (n)" numbers are pruned. Ages come from backdating `updated_at` (or a TTL of
 * milliseconds), never from waiting.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingService, MeetingServiceOptions } from '../../service';
import { aliasHasher } from '../../service/aliasHash';
import { basic, participantQuery, policyGet, sipDialInQuery, webJoinQuery } from './infinityRequests';
import { BACKENDS, CODES_KEY, GUEST_PIN, HOST_PIN, PASSCODE, aliasesOf, call, carryBack, meetingBody, meetingId, startIssuer, startService } from './support';
import type { BackendDb, TestIssuer } from './support';

const START = Date.UTC(2030, 0, 7, 9);
const POLICY = { username: 'infinity-policy', password: 'correct horse battery staple 7' };
const HOUR = 3_600_000;
/** A meetingBody room's minted aliases: the web alias, the access code (its numeric alias), the invitee's personal web and numeric aliases. */
const ALIASES = 4;
/** How the service keys aliases at rest (the tests' codes key), to look for one in the raw table. */
const aliasHash = aliasHasher(Buffer.from(CODES_KEY, 'base64'));

/** A service whose log lines the test reads. */
interface Watched {
  svc: MeetingService;
  lines: Array<Record<string, any>>;
  sweeps(): Array<Record<string, any>>;
}

async function eventually(fn: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(BACKENDS)('draft expiry on $name', (backend) => {
  let issuer: TestIssuer;
  let db: BackendDb;
  let token: string;
  const running: MeetingService[] = [];
  /** Each created meeting as the service answered it (its minted aliases). */
  const views = new Map<string, any>();

  beforeAll(async () => {
    [issuer, db] = await Promise.all([startIssuer(), backend.open()]);
    token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com' });
  }, 60_000);

  // Each test's services stop with it: a service left running would sweep the next test's drafts.
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await Promise.all([db?.close(), issuer?.close()]);
  });

  const start = async (drafts: MeetingServiceOptions['drafts'], extra: Partial<MeetingServiceOptions> = {}, onLine?: (line: Record<string, any>) => void): Promise<Watched> => {
    const lines: Array<Record<string, any>> = [];
    const svc = await startService(issuer, {
      ...db.options,
      drafts,
      policy: POLICY,
      clock: () => START,
      logLevel: 'info',
      logStream: {
        write: (text) => {
          const line = JSON.parse(text) as Record<string, any>;
          lines.push(line);
          onLine?.(line);
        },
      },
      ...extra,
    });
    running.push(svc);
    return { svc, lines, sweeps: () => lines.filter((l) => l.msg === 'draft sweep') };
  };
  /** Waits for a sweep that started after now to finish. */
  const nextSweep = async (w: Watched): Promise<Record<string, any>> => {
    const seen = w.sweeps().length;
    await eventually(() => w.sweeps().length >= seen + 2);
    return w.sweeps().at(-1) as Record<string, any>;
  };
  const create = async (svc: MeetingService, sent: boolean, over: Record<string, unknown> = {}) => {
    const id = meetingId();
    const res = await call(svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: meetingBody({ sent, ...over }, START), headers: { 'if-none-match': '*' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    views.set(id, res.body);
    return id;
  };
  const aliases = (id: string) => aliasesOf(views.get(id));
  const age = (ids: string[], hours: number) => db.raw(`UPDATE meetings SET updated_at = now() - $2::double precision * interval '1 hour' WHERE id = ANY($1::text[])`, [ids, hours]);
  const exists = async (id: string) => (await db.raw('SELECT 1 FROM meetings WHERE id = $1', [id])).length === 1;
  const aliasCount = async (id: string) => Number((await db.raw<{ n: string }>('SELECT count(*) AS n FROM meeting_aliases WHERE meeting_id = $1', [id]))[0]?.n);
  const expiredAudit = async (ids: string[]) => db.raw<{ meeting_id: string; actor_id: string }>(`SELECT meeting_id, actor_id FROM meeting_audit WHERE action = 'expire' AND meeting_id = ANY($1::text[])`, [ids]);

  it('removes a draft past the TTL with its aliases and an audit row; keeps a younger draft and a sent meeting of any age', async () => {
    const w = await start({ sweepEveryMs: 30 });
    const old = await create(w.svc, false);
    const young = await create(w.svc, false);
    const sent = await create(w.svc, true);
    expect(await aliasCount(old)).toBe(ALIASES);
    await age([old, sent], 25);
    await age([young], 23);

    const sweep = await nextSweep(w);
    expect(await exists(old)).toBe(false);
    expect(await aliasCount(old)).toBe(0);
    expect((await call(w.svc.url, 'GET', `/api/v1/meetings/${old}`, { token })).status).toBe(404);
    expect(await expiredAudit([old, young, sent])).toEqual([{ meeting_id: old, actor_id: 'securejoin:draft-expiry' }]);
    expect(await exists(young)).toBe(true);
    expect(await exists(sent)).toBe(true);
    expect(sweep).toMatchObject({ job: 'draft-expiry', complete: true });
    expect(w.sweeps().reduce((sum, l) => sum + l.expiredDrafts, 0)).toBe(1);
    // No code and no alias in the job's lines.
    const text = JSON.stringify(w.lines).toLowerCase();
    for (const secret of [HOST_PIN, GUEST_PIN, PASSCODE, ...aliases(old).all]) expect(text).not.toContain(secret.toLowerCase());

    // The policy API rejects every alias of the removed draft (web and dial-in, the room's and the invitee's), answers the sent meeting's.
    const auth = basic(POLICY.username, POLICY.password);
    const gone = aliases(old);
    for (const web of [gone.web, gone.invitees[0]!.web]) expect((await policyGet(w.svc.url, 'service/configuration', webJoinQuery(web), auth)).body).toEqual({ status: 'success', action: 'reject' });
    for (const dial of [gone.dial!, gone.invitees[0]!.dial]) expect((await policyGet(w.svc.url, 'service/configuration', sipDialInQuery(dial), auth)).body).toEqual({ status: 'success', action: 'reject' });
    expect((await policyGet(w.svc.url, 'service/configuration', webJoinQuery(aliases(sent).web), auth)).body.action).toBe('continue');
    // Its aliases are free: no row holds their keys any more, so a later mint may draw them again
    // (a client can no longer choose an alias, so "another meeting takes them" is not a request to make).
    const held = await db.raw('SELECT 1 FROM meeting_aliases WHERE alias_key = ANY($1::text[])', [gone.all.map((a) => aliasHash(a.toLowerCase()))]);
    expect(held).toEqual([]);
    // The sent meeting's keys are there, under the same hash: the check above does look at the right keys.
    expect(await db.raw('SELECT 1 FROM meeting_aliases WHERE alias_key = ANY($1::text[])', [aliases(sent).all.map((a) => aliasHash(a.toLowerCase()))])).toHaveLength(ALIASES);
  });

  it('refuses to start with a sweep interval, TTL or batch that is not a positive whole number', async () => {
    await expect(startService(issuer, { ...db.options, drafts: { sweepEveryMs: 0 } })).rejects.toThrow('drafts.sweepEveryMs must be a whole number of at least 1, got 0');
    await expect(startService(issuer, { ...db.options, drafts: { ttlMs: -5 } })).rejects.toThrow('drafts.ttlMs must be');
    await expect(startService(issuer, { ...db.options, drafts: { batchSize: 1.5 } })).rejects.toThrow('drafts.batchSize must be');
  });

  it('keeps a meeting whose plain sent column is behind its sealed room, and corrects the column', async () => {
    const w = await start({ sweepEveryMs: 30 });
    const sent = await create(w.svc, true);
    const draft = await create(w.svc, false);
    // As written by a replica that predates the column: NULL, the sealed room is the truth.
    await db.raw('UPDATE meetings SET sent = NULL WHERE id = ANY($1::text[])', [[sent, draft]]);
    await age([sent, draft], 48);
    const sweep = await nextSweep(w);
    expect(await exists(sent)).toBe(true);
    expect(await exists(draft)).toBe(false);
    expect(await db.raw('SELECT sent FROM meetings WHERE id = $1', [sent])).toEqual([{ sent: true }]);
    expect(w.sweeps().reduce((sum, l) => sum + l.markedSent, 0)).toBe(1);
    expect(sweep.unreadable).toBe(0);
  });

  it('a send racing the sweep ends whole: sent and kept with its aliases (200), or gone with its aliases (refused)', async () => {
    // One draft per batch: the sweep works through them while the sends arrive (on PostgreSQL
    // some sends win, some find the draft gone; PGlite runs one transaction at a time).
    const w = await start({ sweepEveryMs: 5, batchSize: 1 });
    const drafts = await Promise.all(Array.from({ length: 24 }, async () => ({ id: await create(w.svc, false) })));
    await age(drafts.map((d) => d.id), 25);
    // The send carries the draft's minted aliases back (they are in the invitation).
    const answers = await Promise.all(
      drafts.map(({ id }) => call(w.svc.url, 'PUT', `/api/v1/meetings/${id}`, { token, body: carryBack(views.get(id), { sent: true }), headers: { 'if-match': '"1"' } })),
    );
    await nextSweep(w);
    for (const [i, { id }] of drafts.entries()) {
      const { status, body } = answers[i] as { status: number; body: any };
      // Gone: 404 (never "aliases are minted": a removed meeting is told as removed, so the add-in forgets it).
      const refused = status === 404;
      expect(status === 200 || refused, `${status} ${JSON.stringify(body)}`).toBe(true);
      const audit = await expiredAudit([id]);
      if (status === 200) {
        expect(await db.raw('SELECT version, sent FROM meetings WHERE id = $1', [id])).toEqual([{ version: 2, sent: true }]);
        expect(await aliasCount(id)).toBe(ALIASES);
        expect(aliasesOf(body).all).toEqual(aliases(id).all);
        expect(audit).toEqual([]);
      } else {
        expect(await exists(id)).toBe(false);
        expect(await aliasCount(id)).toBe(0);
        expect(audit).toHaveLength(1);
      }
    }
    expect(w.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('two services sweeping at once remove each draft once, with one audit row each', async () => {
    const settings = { sweepEveryMs: 15, batchSize: 7 };
    const a = await start(settings);
    const b = await start(settings);
    const ids: string[] = [];
    for (let i = 0; i < 8; i += 1) ids.push(...(await Promise.all(Array.from({ length: 10 }, () => create(i % 2 ? a.svc : b.svc, false)))));
    await age(ids, 25);
    await eventually(async () => Number((await db.raw<{ n: string }>('SELECT count(*) AS n FROM meetings WHERE id = ANY($1::text[])', [ids]))[0]?.n) === 0);
    await Promise.all([nextSweep(a), nextSweep(b)]);
    const audit = await expiredAudit(ids);
    expect(audit).toHaveLength(ids.length);
    expect(new Set(audit.map((r) => r.meeting_id)).size).toBe(ids.length);
    const removed = [a, b].map((w) => w.sweeps().reduce((sum, l) => sum + l.expiredDrafts, 0));
    expect(removed[0]! + removed[1]!).toBe(ids.length);
    expect([...a.lines, ...b.lines].filter((l) => l.msg === 'draft sweep failed; the next one retries' || l.level >= 50)).toEqual([]);
  });

  it('a shutdown during a sweep finishes the batch in hand, then stops: no half-removed draft, no later sweep', async () => {
    let svc: MeetingService | undefined;
    let closing: Promise<void> | undefined;
    const w = await start({ sweepEveryMs: 20, batchSize: 4 }, { logLevel: 'debug' }, (line) => {
      if (line.msg === 'draft sweep batch' && line.expired > 0 && svc && !closing) closing = svc.close();
    });
    svc = w.svc;
    const ids = await Promise.all(Array.from({ length: 12 }, () => create(w.svc, false)));
    await age(ids, 25);
    await eventually(() => closing !== undefined);
    await closing;
    const left = async () => (await db.raw<{ id: string }>('SELECT id FROM meetings WHERE id = ANY($1::text[])', [ids])).map((r) => r.id);
    const remaining = await left();
    expect(remaining).toHaveLength(8);
    expect(w.sweeps().at(-1)).toMatchObject({ expiredDrafts: 4, complete: false });
    for (const id of ids) expect(await aliasCount(id)).toBe(remaining.includes(id) ? ALIASES : 0);
    expect(await expiredAudit(ids)).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 100));
    expect(await left()).toEqual(remaining);
  });

  it('prunes "Name (n)" numbers of meetings that are gone and of occurrences closed more than a day ago', async () => {
    const w = await start({ sweepEveryMs: 30 });
    const auth = basic(POLICY.username, POLICY.password);
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const id = await create(w.svc, true);
      ids.push(id);
      const answer = await policyGet(w.svc.url, 'participant/properties', participantQuery(aliases(id).invitees[0]!.web, `securejoin-${id}`, 'p1'), auth);
      expect(answer.body.result?.remote_display_name, JSON.stringify(answer.body)).toBe('Ann');
    }
    const [kept, deleted, closed] = ids as [string, string, string];
    const rows = await db.raw<{ closes_at: Date | string }>(`SELECT closes_at FROM participant_names WHERE name_key LIKE $1`, [`${kept}:%`]);
    // The occurrence's window closes at the meeting's end (grace 0).
    expect(rows.map((r) => new Date(r.closes_at).getTime())).toEqual([START + HOUR]);
    expect((await call(w.svc.url, 'DELETE', `/api/v1/meetings/${deleted}`, { token, headers: { 'if-match': '"1"' } })).status).toBe(204);
    await db.raw(`UPDATE participant_names SET closes_at = now() - interval '25 hours' WHERE name_key LIKE $1`, [`${closed}:%`]);
    await nextSweep(w);
    const left = await db.raw<{ name_key: string }>('SELECT name_key FROM participant_names WHERE split_part(name_key, \':\', 1) = ANY($1::text[])', [ids]);
    expect(left.map((r) => r.name_key.split(':')[0])).toEqual([kept]);
  });
});
