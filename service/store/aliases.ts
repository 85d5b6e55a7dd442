/**
 * The aliases table: which meeting (and which of its aliases) a policy request's `local_alias`
 * names. Written inside the meeting write's transaction, so a meeting and its aliases commit
 * together; unique across all meetings. Aliases are kept only as keyed hashes (../aliasHash.ts):
 * a dump of this table names no alias.
 */
import { meetingAliases } from '../../core/roomSpec';
import type { AliasKind, RoomSpec } from '../../core/roomSpec';
import type { AliasHasher } from '../aliasHash';
import type { Queryable } from '../db/database';
import { UNIQUE_VIOLATION, sqlState } from '../db/database';
import type { CodesCipher } from '../codes';

/** Thrown when an alias of the meeting belongs to another meeting (a race between two writes minting at once). */
export class AliasTakenError extends Error {
  override readonly name = 'AliasTakenError';
  constructor() {
    super('a minted alias was taken by another meeting at the same moment');
  }
}

/** Which of `keys` (alias keys, lower-case) another meeting holds already. */
export async function takenElsewhere(q: Queryable, hash: AliasHasher, meetingId: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const byHash = new Map(keys.map((k) => [hash(k), k]));
  const { rows } = await q.query<{ alias_key: string }>(
    'SELECT alias_key FROM meeting_aliases WHERE alias_key = ANY($1::text[]) AND meeting_id <> $2',
    [[...byHash.keys()], meetingId],
  );
  return new Set(rows.map((r) => byHash.get(r.alias_key) as string));
}

/**
 * Replaces the meeting's aliases with the room's, in the caller's transaction (delete, then
 * insert): a clash with a meeting written concurrently rolls the whole write back.
 * @throws AliasTakenError
 */
export async function writeAliases(q: Queryable, hash: AliasHasher, meetingId: string, room: RoomSpec): Promise<void> {
  const aliases = meetingAliases(room);
  await q.query('DELETE FROM meeting_aliases WHERE meeting_id = $1', [meetingId]);
  try {
    await q.query(
      `INSERT INTO meeting_aliases (alias_key, meeting_id, kind, invitee_index)
       SELECT k, $1, kind, idx FROM unnest($2::text[], $3::text[], $4::int[]) AS t(k, kind, idx)`,
      [meetingId, aliases.map((a) => hash(a.key)), aliases.map((a) => a.kind), aliases.map((a) => a.inviteeIndex)],
    );
  } catch (error) {
    if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
    throw new AliasTakenError();
  }
}

/** A stored alias with its meeting's row, as a policy request needs it. */
export interface FoundAlias {
  meetingId: string;
  subject: string;
  room: RoomSpec;
  kind: AliasKind;
  inviteeIndex: number | null;
}

interface FoundRow {
  id: string | null;
  subject: string;
  room_sealed: string;
  kind: AliasKind;
  invitee_index: number | null;
}

function foundOf(row: FoundRow | undefined, cipher: CodesCipher): FoundAlias | null {
  if (!row || row.id === null) return null;
  return { meetingId: row.id, subject: row.subject, room: cipher.open(row.room_sealed, row.id) as RoomSpec, kind: row.kind, inviteeIndex: row.invitee_index };
}

const FIND = `SELECT m.id, m.subject, m.room_sealed, a.kind, a.invitee_index
                FROM meeting_aliases a JOIN meetings m ON m.id = a.meeting_id
               WHERE a.alias_key = $1`;

/** The meeting a keyed alias hash belongs to (one prepared, indexed statement), or null. */
export async function findByHash(q: Queryable, cipher: CodesCipher, aliasHash: string): Promise<FoundAlias | null> {
  const { rows } = await q.query<FoundRow>(FIND, [aliasHash], 'policy_find_alias');
  return foundOf(rows[0], cipher);
}

/**
 * The meeting an alias key belongs to and whether the caller's address is shut out for guessing
 * (../store/guesses.ts), in ONE round trip: the check costs a legitimate call no extra wait.
 */
export async function findByAliasFrom(
  q: Queryable,
  cipher: CodesCipher,
  hash: AliasHasher,
  key: string,
  address: string,
  now: Date,
): Promise<{ blockedUntil: Date | null; found: FoundAlias | null }> {
  const { rows } = await q.query<FoundRow & { blocked_until: Date | string | null }>(
    `SELECT (SELECT g.blocked_until FROM policy_guesses g WHERE g.address = $2 AND g.blocked_until > $3::timestamptz) AS blocked_until,
            f.id, f.subject, f.room_sealed, f.kind, f.invitee_index
       FROM (SELECT 1) one LEFT JOIN (${FIND}) f ON true`,
    [hash(key), address, now.toISOString()],
    'policy_find_alias_from',
  );
  const row = rows[0];
  const until = row?.blocked_until ?? null;
  return { blockedUntil: until === null ? null : new Date(until), found: foundOf(row, cipher) };
}
