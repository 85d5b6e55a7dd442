/**
 * Captures waiting for the user's confirmation (see capture.ts): the popup lists them with what
 * would change (PINs masked, core `describeChanges`), and the user confirms or discards each.
 * Confirming checks the change again against what is saved now and the rules in force now.
 */
import { admitMeeting, decideCapture, meetingKey, pendingChangeLive } from '../../core/vault';
import type { FieldChange, SavedMeeting } from '../../core/vault';
import type { Issue } from '../../core/types';
import { meetingsOnOrigin } from '../storage/meetings';
import type { BackgroundContext } from './context';
import { keepRulesOf } from './settings';

/** One pending change as the popup shows it. Never holds a PIN. */
export interface ChangeSummary {
  id: string;
  alias: string;
  origin: string;
  role: 'host' | 'guest';
  /** True: replaces the saved PIN of this role; false: adds a PIN (another role or web app path) to a room with one saved. */
  replaces: boolean;
  /** True: nothing is saved for this room yet (a link a web page opened, or a host PIN). */
  isNew: boolean;
  changes: FieldChange[];
  at: number;
}

/** Answers of the change requests. */
export type ChangeAnswer =
  | { ok: true; changes: ChangeSummary[] }
  | { ok: true; confirmed: 'replaced' | 'added' | 'unchanged'; alias: string }
  | { ok: true; discarded: boolean }
  | { ok: false; error: string; errors?: Issue[] };

/** The pending changes still live, compared with what is saved now; expired ones are deleted. */
export async function listChanges(ctx: BackgroundContext): Promise<ChangeAnswer> {
  const now = ctx.now();
  const rows = await ctx.db.changes.toArray();
  const stale = rows.filter((r) => !pendingChangeLive(r.at, now)).map((r) => r.id);
  if (stale.length > 0) await ctx.db.changes.bulkDelete(stale);
  const out: ChangeSummary[] = [];
  for (const row of rows.filter((r) => pendingChangeLive(r.at, now))) {
    const decision = decideCapture(await meetingsOnOrigin(ctx.db, row.record.origin), row.record);
    const changes = decision.kind === 'confirm' ? decision.changes : [];
    const replaces = decision.kind === 'confirm' && decision.replaces !== null;
    out.push({ id: row.id, alias: row.record.alias, origin: row.record.origin, role: row.record.role, replaces, isNew: decision.kind === 'new', changes, at: row.at });
  }
  out.sort((a, b) => b.at - a.at);
  return { ok: true, changes: out };
}

/** Applies a pending change the user confirmed: the record replaces the one of the same key (keeping its id) or is added. */
export async function confirmChange(id: string, ctx: BackgroundContext): Promise<ChangeAnswer> {
  const settings = await ctx.settings();
  const now = ctx.now();
  let savedId: string | null = null;
  const result = await ctx.db.transaction('rw', ctx.db.meetings, ctx.db.changes, async (): Promise<ChangeAnswer> => {
    const row = await ctx.db.changes.get(id);
    if (row === undefined || !pendingChangeLive(row.at, now)) return { ok: false, error: 'This change is no longer waiting (it was confirmed, discarded or expired).' };
    const admission = admitMeeting(row.record, keepRulesOf(settings), now);
    if (admission.verdict !== 'keep') return { ok: false, error: admission.errors[0]?.message ?? 'not allowed', errors: admission.errors };
    await ctx.db.changes.delete(id);
    const onOrigin = await meetingsOnOrigin(ctx.db, row.record.origin);
    const decision = decideCapture(onOrigin, row.record);
    if (decision.kind === 'same') return { ok: true, confirmed: 'unchanged', alias: row.record.alias };
    const existing = onOrigin.find((m) => meetingKey(m) === meetingKey(row.record));
    const record: SavedMeeting = existing
      ? { ...row.record, id: existing.id, createdAt: existing.createdAt, updatedAt: Math.max(now, existing.updatedAt) }
      : { ...row.record, updatedAt: Math.max(now, row.record.updatedAt) };
    await ctx.db.meetings.put(record);
    savedId = record.id;
    return { ok: true, confirmed: existing ? 'replaced' : 'added', alias: row.record.alias };
  });
  // Confirmed, not yet seen filled: the first fill of this PIN waits for the user's Join.
  if (savedId !== null) await ctx.freshPins.add(savedId);
  if (result.ok) ctx.changed();
  return result;
}

/** Drops a pending change (the saved records stay as they are). */
export async function discardChange(id: string, ctx: BackgroundContext): Promise<ChangeAnswer> {
  const found = (await ctx.db.changes.get(id)) !== undefined;
  if (found) await ctx.db.changes.delete(id);
  return { ok: true, discarded: found };
}
