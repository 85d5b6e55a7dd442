/**
 * The one interface the service talks to a database through, so the same SQL runs on a
 * PostgreSQL server (`pg`) and on embedded PGlite. Parameters are `$1, $2...` on both.
 */

/** Rows of a query. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** Something that runs SQL: the database, or one transaction of it. */
export interface Queryable {
  /**
   * Runs one statement. `name` makes it a named prepared statement on PostgreSQL (parsed and
   * planned once per connection): the hot path's statements have one.
   */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[], name?: string): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database: queries, transactions (committed when `fn` resolves, rolled back when it throws). */
export interface Database extends Queryable {
  /** `postgres` or `pglite`, for logs and readiness. */
  readonly kind: 'postgres' | 'pglite';
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Answers quickly whether the database is reachable. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** A connection pool's use right now (PostgreSQL; embedded PGlite has none), for /metrics. */
  poolStats?(): PoolStats;
  /**
   * LISTENs on `channels` over a connection of its own: `onNotify` gets each notification (in
   * commit order), `onLost` is called once when that connection is lost (after which nothing
   * more arrives: listen again). Resolves once every LISTEN is in place.
   */
  listen(channels: readonly string[], handlers: NotificationHandlers): Promise<Listening>;
}

/** What a listener is told. */
export interface NotificationHandlers {
  onNotify(channel: string, payload: string): void;
  onLost(error: Error): void;
}

/** A listening connection. */
export interface Listening {
  /** Stops listening and closes the connection (onLost is not called). */
  close(): Promise<void>;
}

/** Connections open (`size`), of them idle, requests waiting for one, and the limit. */
export interface PoolStats {
  size: number;
  idle: number;
  waiting: number;
  max: number;
}

/**
 * A database error the client can do nothing about (connection refused or lost, timeout, server
 * shutting down): the API answers 503, readiness goes red.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** SQLSTATE of a constraint violation the store turns into an answer (unique alias: 409). */
export const UNIQUE_VIOLATION = '23505';

/** The SQLSTATE of a database error, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  // SQLSTATEs are five characters whose class is two digits or P0/XX/F0/HV (not errno names like EPIPE).
  return typeof code === 'string' && /^(?:[0-9]{2}|P0|XX|F0|HV)[0-9A-Z]{3}$/.test(code) ? code : undefined;
}

/**
 * True for errors that mean "the database is not there right now" rather than "this query is
 * wrong": no SQLSTATE (socket errors, pg's timeouts), connection exceptions (08xxx), operator
 * intervention (57xxx: shutdown, terminated backend, statement timeout 57014), insufficient
 * resources (53xxx), and 55000 (the database refuses connections, `ALLOW_CONNECTIONS false`).
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const state = sqlState(error);
  if (state === undefined) return true;
  return state.startsWith('08') || state.startsWith('57') || state.startsWith('53') || state === '55000';
}
