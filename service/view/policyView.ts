/**
 * Each replica's in-memory view of open aliases (issue 19), so a policy answer costs no database
 * round trip: which alias can answer when (./aliasIndex.ts), the decrypted answers of the
 * aliases being called (kept while needed: ./answerCache.ts), and the addresses shut out for
 * guessing. The database stays the truth; the view is a cache of it that is kept exact:
 *
 * - LISTEN first, then load: every write notifies in its own transaction (migration 6's
 *   triggers), delivered at commit; each notification names an alias hash or a meeting, whose
 *   rows are read again, in order, one batch at a time (a read after the commit sees it).
 * - The replica that writes refreshes its own view before it answers the write (`refresh`).
 * - The listening connection lost: the view is not current, and the policy routes answer from
 *   the database, until it listens again and has loaded afresh.
 * - Window edges need no write: the index holds each alias's window (./aliasIndex.ts).
 */
import type { Logger } from 'pino';
import type { Opening } from '../../core/infinity/opening';
import type { RoomRecurrence } from '../../core/roomSpec';
import type { Clock, EpochMs } from '../../core/types';
import type { CodesCipher } from '../codes';
import type { Database, Listening } from '../db/database';
import { findByHash } from '../store/aliases';
import type { FoundAlias } from '../store/aliases';
import { ShutOutAddresses } from '../store/shutOut';
import { AliasIndex } from './aliasIndex';
import { AnswerCache } from './answerCache';

export const VIEW_CHANNEL = 'securejoin_view';
export const SHUT_OUT_CHANNEL = 'securejoin_shut_out';
/** Meetings whose last window closed longer ago than this are not loaded. */
const KEEP_CLOSED_MS = 24 * 60 * 60_000;
const LOAD_BATCH = 5_000;
const RECONNECT_MIN_MS = 50;
const RECONNECT_MAX_MS = 2_000;

/** Where the view stands: `current` answers; anything else sends the policy routes to the database. */
export type ViewState = 'loading' | 'current' | 'lost' | 'closed';

interface OpeningRow {
  alias_key: string;
  open_from_ms: number | null;
  open_until_ms: number | null;
  series: RoomRecurrence | string | null;
}

const COLUMNS = 'a.alias_key, m.open_from_ms, m.open_until_ms, m.series';

function openingOfRow(row: OpeningRow): Opening | null {
  if (row.open_from_ms === null || row.open_until_ms === null) return null;
  const series = typeof row.series === 'string' ? (JSON.parse(row.series) as RoomRecurrence) : row.series;
  return { from: Number(row.open_from_ms), until: Number(row.open_until_ms), series };
}

export class PolicyView {
  readonly shutOut = new ShutOutAddresses();
  #index = new AliasIndex();
  readonly #answers: AnswerCache;
  #state: ViewState = 'loading';
  #listening: Listening | null = null;
  #pending = new Set<string>();
  #draining: Promise<void> | null = null;
  /** Batches taken and applied, so a refresh can wait for the one holding its hashes. */
  #taken = 0;
  #applied = 0;
  #waiters: Array<{ batch: number; resolve: () => void }> = [];
  #reconnectMs = RECONNECT_MIN_MS;
  #reconnect: NodeJS.Timeout | null = null;
  #loads = 0;
  #connecting: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly cipher: CodesCipher,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {
    this.#answers = new AnswerCache(clock);
  }

  /** Listens and loads; resolves when the view is current, or when the first try failed (it keeps trying). */
  async start(): Promise<void> {
    await this.#connectOnce();
  }

  get state(): ViewState {
    return this.#state;
  }

  /** Whether answers may come from the view. */
  get current(): boolean {
    return this.#state === 'current';
  }

  /** What /readyz and /metrics report. */
  status(): { state: ViewState; aliases: number; bytes: number; loads: number } {
    return { state: this.#state, aliases: this.#index.size, bytes: this.#index.bytes, loads: this.#loads };
  }

  /** Whether the alias with this keyed hash may answer at `now` (false: closed or unknown, alike). */
  mayOpen(aliasHash: string, now: EpochMs): boolean {
    return this.#index.mayOpen(aliasHash, now);
  }

  /**
   * The meeting of an alias the index says may open: from memory (at once, no promise: the hot
   * path), else one prepared statement.
   */
  found(aliasHash: string): FoundAlias | null | Promise<FoundAlias | null> {
    const held = this.#answers.get(aliasHash);
    return held !== undefined ? held : this.#read(aliasHash);
  }

  async #read(aliasHash: string): Promise<FoundAlias | null> {
    const version = this.#answers.version;
    const found = await findByHash(this.db, this.cipher, aliasHash);
    this.#answers.set(aliasHash, found, version);
    return found;
  }

  /**
   * Reads these aliases again now (the writing replica, after its commit, before it answers), so
   * its own next answer reflects the write. Resolves at once while the view is not current.
   */
  refresh(aliasHashes: readonly string[]): Promise<void> {
    if (!this.current) return Promise.resolve();
    for (const h of aliasHashes) this.#pending.add(`a${h}`);
    const batch = this.#taken + 1;
    const done = new Promise<void>((resolve) => this.#waiters.push({ batch, resolve }));
    this.#kick();
    return done;
  }

  async close(): Promise<void> {
    this.#state = 'closed';
    if (this.#reconnect) clearTimeout(this.#reconnect);
    this.#answers.stop();
    // A (re)connection under way finishes first, so the connection it opens is closed too.
    await this.#connecting;
    await this.#listening?.close();
    this.#listening = null;
    await this.#draining;
    this.#release(Number.POSITIVE_INFINITY);
  }

  #onNotify(channel: string, payload: string): void {
    if (channel === SHUT_OUT_CHANNEL) {
      const space = payload.indexOf(' ');
      const until = Number(payload.slice(0, space));
      if (space > 0 && Number.isFinite(until)) this.shutOut.add(payload.slice(space + 1), until, this.clock());
      return;
    }
    this.#pending.add(payload);
    if (this.current) this.#kick();
  }

  #onLost(error: Error): void {
    if (this.#state === 'closed') return;
    this.#listening = null;
    this.#state = 'lost';
    this.log.warn({ err: { message: error.message } }, 'policy view: the listening connection was lost; answering from the database until reloaded');
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#state === 'closed' || this.#reconnect) return;
    this.#reconnect = setTimeout(() => {
      this.#reconnect = null;
      void this.#connectOnce();
    }, this.#reconnectMs);
    this.#reconnect.unref();
    this.#reconnectMs = Math.min(RECONNECT_MAX_MS, this.#reconnectMs * 2);
  }

  #connectOnce(): Promise<void> {
    this.#connecting ??= this.#connect().finally(() => {
      this.#connecting = null;
    });
    return this.#connecting;
  }

  /** LISTEN, then load everything afresh, then apply what was notified meanwhile: current. */
  async #connect(): Promise<void> {
    if (this.#state === 'closed') return;
    this.#state = 'loading';
    try {
      await this.#draining;
      this.#pending = new Set();
      this.#listening = await this.db.listen([VIEW_CHANNEL, SHUT_OUT_CHANNEL], {
        onNotify: (channel, payload) => this.#onNotify(channel, payload),
        onLost: (error) => this.#onLost(error),
      });
      const started = performance.now();
      await this.#load();
      await this.#drain();
      if (this.#state !== 'loading') return;
      this.#state = 'current';
      this.#reconnectMs = RECONNECT_MIN_MS;
      this.#loads += 1;
      this.log.info({ aliases: this.#index.size, bytes: this.#index.bytes, ms: Math.round(performance.now() - started) }, 'policy view loaded');
      this.#kick();
    } catch (error) {
      // The state may have changed while this awaited (closed by a shutdown).
      if ((this.#state as ViewState) === 'closed') return;
      this.#state = 'lost';
      await this.#listening?.close();
      this.#listening = null;
      this.log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'policy view: could not load; answering from the database and trying again');
      this.#scheduleReconnect();
    }
  }

  /**
   * Every alias that can still answer, and the shut-outs in force, read in one transaction: one
   * join streamed through a cursor, 5,000 rows a fetch (a million meetings' two million aliases
   * in seconds; paging by key cost one index probe per row, minutes). Each fetch is folded into
   * the index at once, so its rows die young instead of piling up for a major collection while
   * the replica answers (issue 19's tail at a million meetings).
   */
  async #load(): Promise<void> {
    const now = this.clock();
    const index = new AliasIndex();
    const keepFrom = Math.floor(now - KEEP_CLOSED_MS);
    const shutOut = await this.db.transaction(async (tx) => {
      // A cursor takes no parameters through every driver; the bound is a number this process computed.
      await tx.query(
        `DECLARE policy_view_load NO SCROLL CURSOR FOR
           SELECT ${COLUMNS} FROM meeting_aliases a JOIN meetings m ON m.id = a.meeting_id
            WHERE m.open_from_ms IS NOT NULL AND m.open_until_ms > ${keepFrom}`,
      );
      for (;;) {
        const { rows } = await tx.query<OpeningRow>(`FETCH ${LOAD_BATCH} FROM policy_view_load`);
        for (const row of rows) index.set(row.alias_key, openingOfRow(row), now);
        if (rows.length < LOAD_BATCH) break;
      }
      await tx.query('CLOSE policy_view_load');
      return tx.query<{ address: string; until: number }>(
        'SELECT address, floor(extract(epoch FROM blocked_until) * 1000)::float8 AS until FROM policy_guesses WHERE blocked_until > $1::timestamptz',
        [new Date(now).toISOString()],
      );
    });
    this.shutOut.clear();
    for (const row of shutOut.rows) this.shutOut.add(row.address, Number(row.until), now);
    this.#index = index;
    this.#answers.clear();
  }

  #kick(): void {
    if (this.#draining || this.#pending.size === 0 || this.#state !== 'current') return;
    this.#draining = this.#drain()
      .catch((error: unknown) => {
        // A batch that could not be read leaves the view behind the database: reload.
        this.log.warn({ err: { message: error instanceof Error ? error.message : String(error) } }, 'policy view: a change could not be read; reloading');
        if (this.#state === 'current') {
          this.#state = 'lost';
          void this.#listening?.close();
          this.#listening = null;
          this.#scheduleReconnect();
        }
      })
      .finally(() => {
        this.#draining = null;
        this.#release(this.#state === 'current' ? this.#applied : Number.POSITIVE_INFINITY);
        this.#kick();
      });
  }

  /** Applies the pending notifications, one batch (one statement) at a time, in order. */
  async #drain(): Promise<void> {
    while (this.#pending.size > 0) {
      const batch = [...this.#pending];
      this.#pending = new Set();
      this.#taken += 1;
      const aliases: string[] = [];
      const meetings: string[] = [];
      for (const p of batch) (p.startsWith('a') ? aliases : meetings).push(p.slice(1));
      const started = performance.now();
      const { rows } = await this.db.query<OpeningRow>(
        `SELECT ${COLUMNS} FROM meeting_aliases a JOIN meetings m ON m.id = a.meeting_id
          WHERE a.alias_key = ANY($1::text[]) OR a.meeting_id = ANY($2::text[])`,
        [aliases, meetings],
        'policy_view_refresh',
      );
      const now = this.clock();
      const seen = new Set<string>();
      for (const row of rows) {
        seen.add(row.alias_key);
        this.#index.set(row.alias_key, openingOfRow(row), now);
        this.#answers.delete(row.alias_key);
      }
      for (const h of aliases) {
        if (seen.has(h)) continue;
        this.#index.delete(h);
        this.#answers.delete(h);
      }
      this.#applied = this.#taken;
      this.#release(this.#applied);
      this.log.debug({ changes: batch.length, ms: Math.round(performance.now() - started) }, 'policy view: changes applied');
    }
  }

  #release(upTo: number): void {
    const ready = this.#waiters.filter((w) => w.batch <= upTo);
    if (ready.length === 0) return;
    this.#waiters = this.#waiters.filter((w) => w.batch > upTo);
    for (const w of ready) w.resolve();
  }
}
