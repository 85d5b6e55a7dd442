/**
 * Export and import of saved PINs as a JSON file:
 * `{ "format": "securejoin-vault", "version": 1, "exportedAt": <UTC ms>, "meetings": [...] }`.
 * Import validates everything before changing anything: one bad record refuses the whole file,
 * with every problem listed by path (`meetings[3].pin`); JSON syntax errors give line and column.
 * Existing records are never dropped; see merge.ts for the conflict rule.
 */
import { z } from 'zod';
import { parseJsonText } from '../policy/jsonError';
import type { EpochMs, Issue, Result } from '../types';
import { admitMeeting } from './admit';
import type { KeepRules } from './admit';
import { meetingKey } from './key';
import { decideMerge } from './merge';
import type { VaultConflict } from './merge';
import { MAX_INSTANT, MEETING_ID_PATTERN, parseSavedMeeting, zodIssues } from './schema';
import type { SavedMeeting } from './schema';

/** The `format` marker of a vault file. */
export const VAULT_FORMAT = 'securejoin-vault';
/** The vault file version this build writes and reads. */
export const VAULT_FILE_VERSION = 1;
/** Largest file read (characters): ~50,000 records. Bounds memory and work on garbage. */
export const MAX_VAULT_FILE_CHARS = 20_000_000;
/** Most records one file may hold. */
export const MAX_VAULT_MEETINGS = 50_000;
/** Most problems listed; the last entry then says how many more there were. */
export const MAX_IMPORT_ISSUES = 200;
/** Timestamps this far past `now` are refused: a clock-skewed future `updatedAt` would win every later conflict. */
export const MAX_FUTURE_SKEW_MS = 86_400_000;

/** A vault file as data. */
export interface VaultFile {
  format: typeof VAULT_FORMAT;
  version: typeof VAULT_FILE_VERSION;
  exportedAt: EpochMs;
  meetings: SavedMeeting[];
}

/** What an import did. `meetings` is the full merged list to store (existing ones included). */
export interface VaultImportResult {
  meetings: SavedMeeting[];
  /** Records of the file that were new. */
  added: number;
  /** Stored records replaced by newer content from the file (same id kept). */
  updated: number;
  /** Records of the file equal to, or older than, what is stored. */
  unchanged: number;
  /** Same meeting with a different PIN; each says which side was kept. */
  conflicts: VaultConflict[];
  /** Records of the file left out because they are already past their retention (`opts.rules`). */
  expired: number;
}

/** Options of {@link importVault}. */
export interface ImportOptions {
  /** Draws a fresh id when an added record's id is already used by another stored meeting. Must return ids matching MEETING_ID_PATTERN. Default: `<id>.<n>`. */
  newId?: () => string;
  /**
   * The rules every kept record must meet (core `admitMeeting`): a record of the file they refuse
   * (another node than the policy's, retention 0, a broken policy) refuses the whole import with
   * its path; a record already past its retention is left out and counted in `expired`.
   */
  rules?: KeepRules;
}

const envelopeSchema = z.strictObject({
  format: z.literal(VAULT_FORMAT, { error: `must be "${VAULT_FORMAT}" (is this a SecureJoin export?)` }),
  version: z.literal(VAULT_FILE_VERSION, { error: `must be ${VAULT_FILE_VERSION}: this build reads version ${VAULT_FILE_VERSION} files` }),
  exportedAt: z.int().min(0).max(MAX_INSTANT),
  meetings: z.array(z.unknown()).max(MAX_VAULT_MEETINGS),
});

/**
 * The JSON text of a vault file holding `meetings` (pretty-printed, 2 spaces). Records are
 * written as stored; the file contains PINs in clear, which the UI must say before saving it.
 */
export function exportVault(meetings: readonly SavedMeeting[], now: EpochMs): string {
  const file: VaultFile = { format: VAULT_FORMAT, version: VAULT_FILE_VERSION, exportedAt: now, meetings: [...meetings] };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function capped(errors: Issue[]): Issue[] {
  if (errors.length <= MAX_IMPORT_ISSUES) return errors;
  const more = errors.length - MAX_IMPORT_ISSUES;
  return [...errors.slice(0, MAX_IMPORT_ISSUES), { path: 'meetings', message: `and ${more} more problem${more === 1 ? '' : 's'}` }];
}

/** Parses and validates the file: every record, duplicates, timestamps. */
function readVaultFile(text: string, now: EpochMs): Result<SavedMeeting[]> {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: 'file', message: 'must be text' }] };
  if (text.length > MAX_VAULT_FILE_CHARS) return { ok: false, errors: [{ path: 'file', message: `is larger than ${MAX_VAULT_FILE_CHARS} characters` }] };
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const envelope = envelopeSchema.safeParse(parsed.value);
  if (!envelope.success) return { ok: false, errors: capped(zodIssues(envelope.error, '', 'file')) };
  const errors: Issue[] = [];
  const records: SavedMeeting[] = [];
  const firstByKey = new Map<string, number>();
  const firstById = new Map<string, number>();
  envelope.data.meetings.forEach((raw, i) => {
    const at = `meetings[${i}]`;
    const parsed = parseSavedMeeting(raw, at);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      return;
    }
    const m = parsed.value;
    for (const field of ['createdAt', 'updatedAt'] as const) {
      if (m[field] > now + MAX_FUTURE_SKEW_MS) errors.push({ path: `${at}.${field}`, message: 'is more than a day in the future (check the exporting computer\'s clock)' });
    }
    const key = meetingKey(m);
    const sameKey = firstByKey.get(key);
    if (sameKey !== undefined) errors.push({ path: at, message: `is the same meeting (node, path, alias, role) as meetings[${sameKey}]` });
    else firstByKey.set(key, i);
    const sameId = firstById.get(m.id);
    if (sameId !== undefined) errors.push({ path: `${at}.id`, message: `repeats the id of meetings[${sameId}]` });
    else firstById.set(m.id, i);
    records.push(m);
  });
  return errors.length > 0 ? { ok: false, errors: capped(errors) } : { ok: true, value: records };
}

/**
 * Reads a vault file and merges it into `existing`. Never throws, never half-applies: on any
 * problem the result is `{ok: false, errors}` listing all of them (up to {@link MAX_IMPORT_ISSUES}),
 * and nothing is merged. On success, `meetings` holds every existing record (some replaced in
 * place by newer content) followed by the added ones.
 * Rules: see merge.ts (newer `updatedAt` wins, ties keep the stored record; a different PIN is
 * reported as a conflict). An added record whose id is taken by another stored meeting gets a
 * fresh id (`opts.newId`, default `<id>.<n>`). Imported records keep their own `source`.
 * @param now the current instant: timestamps more than a day past it are refused.
 */
export function importVault(text: string, existing: readonly SavedMeeting[], now: EpochMs, opts: ImportOptions = {}): Result<VaultImportResult> {
  try {
    const read = readVaultFile(text, now);
    if (!read.ok) return read;
    const incoming: SavedMeeting[] = [];
    let expired = 0;
    if (opts.rules !== undefined) {
      const refused: Issue[] = [];
      read.value.forEach((m, i) => {
        const admission = admitMeeting(m, opts.rules as KeepRules, now, `meetings[${i}]`);
        if (admission.verdict === 'refused') refused.push(...admission.errors);
        else if (admission.verdict === 'expired') expired += 1;
        else incoming.push(m);
      });
      if (refused.length > 0) return { ok: false, errors: capped(refused) };
    } else incoming.push(...read.value);
    const meetings = [...existing];
    const indexByKey = new Map<string, number>();
    meetings.forEach((m, i) => {
      const key = meetingKey(m);
      if (!indexByKey.has(key)) indexByKey.set(key, i);
    });
    const usedIds = new Set(existing.map((m) => m.id));
    const result: VaultImportResult = { meetings, added: 0, updated: 0, unchanged: 0, conflicts: [], expired };
    for (const record of incoming) {
      const key = meetingKey(record);
      const at = indexByKey.get(key);
      const d = decideMerge(at === undefined ? undefined : meetings[at], record);
      if (d.outcome === 'added') {
        const record = usedIds.has(d.record.id) ? { ...d.record, id: freshId(d.record.id, usedIds, opts.newId) } : d.record;
        usedIds.add(record.id);
        indexByKey.set(key, meetings.length);
        meetings.push(record);
      } else if (d.outcome === 'updated' && at !== undefined) meetings[at] = d.record;
      result[d.outcome] += 1;
      if (d.conflict) result.conflicts.push(d.conflict);
    }
    result.meetings = meetings;
    return { ok: true, value: result };
  } catch {
    return { ok: false, errors: [{ path: 'file', message: 'could not be read as a SecureJoin vault file' }] };
  }
}

function freshId(id: string, used: ReadonlySet<string>, newId?: () => string): string {
  if (newId) {
    for (let i = 0; i < 100; i++) {
      const candidate = newId();
      if (MEETING_ID_PATTERN.test(candidate) && !used.has(candidate)) return candidate;
    }
  }
  const stem = id.slice(0, 56);
  for (let n = 2; ; n++) {
    const candidate = `${stem}.${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
