/**
 * A PostgreSQL server through `pg`'s pool. Timeouts are short on purpose: when the database is
 * gone a request is answered 503 in about a second instead of hanging, and a later request
 * opens a fresh connection, so the service recovers by itself.
 */
import pg from 'pg';
import type { Logger } from 'pino';
import { DatabaseUnavailableError, isUnavailable } from './database';
import type { Database, Listening, NotificationHandlers, Queryable, QueryResult } from './database';

/** Pool settings; the defaults suit 50 concurrent clients on a small machine. */
export interface PostgresOptions {
  url: string;
  max?: number;
  connectTimeoutMs?: number;
  statementTimeoutMs?: number;
}

function wrap(error: unknown): unknown {
  if (isUnavailable(error) && !(error instanceof DatabaseUnavailableError)) {
    return new DatabaseUnavailableError(`database unavailable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return error;
}

async function run<R>(q: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[] = [], name?: string): Promise<QueryResult<R>> {
  try {
    const result = await q.query(name === undefined ? { text: sql, values: params as unknown[] } : { name, text: sql, values: params as unknown[] });
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  } catch (error) {
    throw wrap(error);
  }
}

/** Opens a pool (no connection is made until the first query). */
export function openPostgres(opts: PostgresOptions, log: Logger): Database {
  const timeout = opts.statementTimeoutMs ?? 2000;
  const max = opts.max ?? 20;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 2000,
    statement_timeout: timeout,
    // The client-side limit too: a server that stops answering gets no more time than a slow statement.
    query_timeout: timeout,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose connection dies (server restart, pg_terminate_backend) emits here;
  // without a listener the process would crash. The pool drops it and opens a new one on demand.
  pool.on('error', (error) => log.warn({ err: { message: error.message } }, 'database connection lost'));

  return {
    kind: 'postgres',
    query: (sql, params, name) => run(pool, sql, params, name),
    exec: async (sql) => void (await run(pool, sql)),
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw wrap(error);
      }
      let broken: unknown = undefined;
      // A checked-out client whose connection dies between statements (pg_terminate_backend, a
      // failover) emits 'error' with no pool listener attached: without this one the process would
      // crash. The next statement fails (503) and the client is dropped, not returned.
      const lost = (error: Error): void => {
        broken = error;
        log.warn({ err: { message: error.message } }, 'database connection lost during a transaction');
      };
      client.on('error', lost);
      try {
        await run(client, 'BEGIN');
        const result = await fn({ query: (sql, params, name) => run(client, sql, params, name), exec: async (sql) => void (await run(client, sql)) });
        await run(client, 'COMMIT');
        return result;
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) {
          // The connection is gone or stuck: do not wait on a ROLLBACK; dropping the connection rolls back.
          broken = error;
        } else {
          try {
            await client.query('ROLLBACK');
          } catch (rollbackError) {
            broken = rollbackError;
          }
        }
        throw error;
      } finally {
        client.removeListener('error', lost);
        // A client whose connection failed must not go back to the pool.
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
    async ping() {
      try {
        await run(pool, 'SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
    listen: (channels, handlers) => listenOn(opts, channels, handlers),
    poolStats: () => ({ size: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
  };
}

/** How often the listening connection proves it is alive. */
const HEARTBEAT_MS = 1000;
/**
 * How long a heartbeat may take before the connection counts as lost: a silently dead one is
 * noticed within HEARTBEAT_MS + this. Generous, because a slow connection loses no notification
 * (they wait in the server's queue) while a reload is costly; Infinity's own policy timeout is 5 s.
 */
const HEARTBEAT_TIMEOUT_MS = 5000;

/**
 * A connection of its own (not the pool's) that LISTENs. It is lost when it errors, ends, or a
 * heartbeat query fails or takes longer than the heartbeat: a connection that stops answering
 * must not pass for one on which nothing happens.
 */
async function listenOn(opts: PostgresOptions, channels: readonly string[], handlers: NotificationHandlers): Promise<Listening> {
  const client = new pg.Client({
    connectionString: opts.url,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 2000,
    query_timeout: HEARTBEAT_TIMEOUT_MS,
    keepAlive: true,
    application_name: 'securejoin-policy-view',
  });
  let over = false;
  let heartbeat: NodeJS.Timeout | null = null;
  const lose = (error: Error): void => {
    if (over) return;
    over = true;
    if (heartbeat) clearInterval(heartbeat);
    client.removeAllListeners('notification');
    void client.end().catch(() => undefined);
    handlers.onLost(error);
  };
  // Errors before the LISTENs are in place reject the call instead.
  client.on('error', (error) => lose(error));
  client.on('end', () => lose(new Error('the listening connection ended')));
  try {
    await client.connect();
    for (const channel of channels) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (error) {
    over = true;
    await client.end().catch(() => undefined);
    throw wrap(error);
  }
  client.on('notification', (n) => handlers.onNotify(n.channel, n.payload ?? ''));
  let beating = false;
  heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    client.query('SELECT 1').then(() => void (beating = false), (error: Error) => lose(error));
  }, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    async close() {
      over = true;
      if (heartbeat) clearInterval(heartbeat);
      await client.end().catch(() => undefined);
    },
  };
}
