/**
 * The attempt ledger's persisted form: plain JSON (arrays, not keyed objects, so arbitrary room
 * and client names such as `__proto__` are safe) that survives a service-worker restart.
 */
import type { EpochMs } from '../types';

/** Recent wrong PINs of one client in one room. */
export interface ClientFailures {
  client: string;
  /** Instants of this client's wrong PINs still inside the window, oldest first. */
  failures: EpochMs[];
}

/** One room's recent wrong PINs and block. */
export interface RoomFailures {
  room: string;
  /** Instants of wrong PINs against the room still inside the window, oldest first. */
  failures: EpochMs[];
  /** End of the current block (exclusive), or null when not blocked. */
  blockedUntil: EpochMs | null;
  clients: ClientFailures[];
}

/** Everything an AttemptLedger knows. */
export interface LedgerState {
  version: 1;
  rooms: RoomFailures[];
}

/** An empty ledger state. */
export function emptyLedgerState(): LedgerState {
  return { version: 1, rooms: [] };
}

const isInstant = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkInstants(v: unknown, path: string): EpochMs[] {
  if (!Array.isArray(v) || !v.every(isInstant)) throw new TypeError(`ledger state: ${path} must be an array of epoch milliseconds`);
  return [...v];
}

/**
 * Validates untrusted persisted state (e.g. from storage) and returns a deep copy.
 *
 * @throws TypeError naming the first bad path (`rooms[2].clients[0].failures`); callers that
 *   prefer a fresh ledger over a crash catch it and start from {@link emptyLedgerState}.
 */
export function parseLedgerState(input: unknown): LedgerState {
  const state = input as Partial<LedgerState> | null;
  if (typeof state !== 'object' || state === null || state.version !== 1 || !Array.isArray(state.rooms)) {
    throw new TypeError('ledger state: expected {version: 1, rooms: [...]}');
  }
  const seenRooms = new Set<string>();
  const rooms = state.rooms.map((r: unknown, i): RoomFailures => {
    const at = `rooms[${i}]`;
    const room = r as Partial<RoomFailures> | null;
    if (typeof room !== 'object' || room === null || typeof room.room !== 'string') throw new TypeError(`ledger state: ${at}.room must be a string`);
    if (seenRooms.has(room.room)) throw new TypeError(`ledger state: ${at} repeats room ${JSON.stringify(room.room)}`);
    seenRooms.add(room.room);
    if (room.blockedUntil !== null && !isInstant(room.blockedUntil)) throw new TypeError(`ledger state: ${at}.blockedUntil must be epoch milliseconds or null`);
    if (!Array.isArray(room.clients)) throw new TypeError(`ledger state: ${at}.clients must be an array`);
    const seenClients = new Set<string>();
    const clients = room.clients.map((c: unknown, j): ClientFailures => {
      const cat = `${at}.clients[${j}]`;
      const client = c as Partial<ClientFailures> | null;
      if (typeof client !== 'object' || client === null || typeof client.client !== 'string') throw new TypeError(`ledger state: ${cat}.client must be a string`);
      if (seenClients.has(client.client)) throw new TypeError(`ledger state: ${cat} repeats client ${JSON.stringify(client.client)}`);
      seenClients.add(client.client);
      return { client: client.client, failures: checkInstants(client.failures, `${cat}.failures`) };
    });
    return { room: room.room, failures: checkInstants(room.failures, `${at}.failures`), blockedUntil: room.blockedUntil, clients };
  });
  return { version: 1, rooms };
}
