/**
 * Answers the popup and the options page: list, add and delete saved meetings, read and change
 * the user's preferences, export and import the vault. Validation is core's; PINs are never
 * part of a list answer (the popup shows role, node, times and attempts only).
 */
import { asksBeforeFilling } from '../../core/autofill/timing';
import { guardKeyOf, guardStatus } from '../../core/guard';
import { effectiveSettings } from '../../core/policy';
import type { Issue } from '../../core/types';
import { admitMeeting, exportVault, importVault, meetingName, meetingWindow, newSavedMeeting, upcomingMeetings } from '../../core/vault';
import type { Admission, ManualMeetingInput, MergeOutcome, VaultConflict } from '../../core/vault';
import type { PolicyState } from '../policy/managedPolicy';
import { loadGuardState } from '../storage/guardStore';
import { allMeetings, deleteMeeting, replaceAllMeetings, saveMeeting, updateMeeting } from '../storage/meetings';
import type { MeetingChanges } from '../messaging/messages';
import { applyMeetingEdit } from './edit';
import type { BackgroundContext } from './context';
import { keepRulesOf } from './settings';

/** One row of the popup's list. */
export interface MeetingSummary {
  id: string;
  alias: string;
  label: string | null;
  /** The name to show: the user's label, else the invite's subject, else the alias (core `meetingName`). */
  name: string;
  origin: string;
  role: 'host' | 'guest';
  startsAt: number | null;
  endsAt: number | null;
  /** When the code opens (start minus lead), or null without times. */
  opensAt: number | null;
  /** No times where a code usually has them (core `codeTiming` `unknown`): the join page asks before filling. */
  timeUnknown: boolean;
  attemptsUsed: number;
  attemptsLeft: number;
  limit: number;
}

/** Answers of the UI requests (every one has `ok`). */
export type UiAnswer =
  | { ok: true; meetings: MeetingSummary[] }
  | { ok: true; outcome: MergeOutcome; id: string; conflict: VaultConflict | null }
  | { ok: true; deleted: boolean }
  | { ok: true; updated: true; id: string }
  | { ok: true; saved: true }
  | { ok: true; policyState: PolicyState; prefs: unknown; locked: string[]; ignored: Issue[] }
  | { ok: true; text: string }
  | { ok: true; added: number; updated: number; unchanged: number; conflicts: VaultConflict[]; expired: number }
  | { ok: false; error: string; errors?: Issue[] };

/** Upcoming (and untimed) meetings with the guard's counts. */
export async function listMeetings(ctx: BackgroundContext): Promise<UiAnswer> {
  const settings = await ctx.settings();
  const now = ctx.now();
  const state = await loadGuardState(ctx.db);
  const meetings = upcomingMeetings(await allMeetings(ctx.db), now).map((m): MeetingSummary => {
    const status = guardStatus(state, guardKeyOf(m), now, settings.limits);
    return {
      id: m.id,
      alias: m.alias,
      label: m.label ?? null,
      name: meetingName(m),
      origin: m.origin,
      role: m.role,
      startsAt: m.startsAt ?? null,
      endsAt: m.endsAt ?? null,
      // A series shows its current or next occurrence's opening, not the first one's.
      opensAt: meetingWindow(m, now)?.opensAt ?? null,
      timeUnknown: asksBeforeFilling(m, now),
      attemptsUsed: status.attemptsUsed,
      attemptsLeft: status.attemptsLeft,
      limit: status.limit,
    };
  });
  return { ok: true, meetings };
}

/** Saves a meeting typed (or confirmed from an invite) in the popup, under the keep rules (policy nodes, retention). */
export async function addMeeting(input: Record<string, unknown>, ctx: BackgroundContext): Promise<UiAnswer> {
  const settings = await ctx.settings();
  const source = input.source === 'invite' ? 'invite' : 'manual';
  const now = ctx.now();
  const record = newSavedMeeting({ ...(input as unknown as ManualMeetingInput), source }, now, ctx.newId());
  if (!record.ok) return { ok: false, error: 'Please check the highlighted fields.', errors: record.errors };
  const refused = refusal(admitMeeting(record.value, keepRulesOf(settings), now));
  if (refused) return refused;
  const saved = await saveMeeting(ctx.db, record.value);
  ctx.changed();
  return { ok: true, outcome: saved.outcome, id: saved.meeting.id, conflict: saved.conflict };
}

/** The popup's answer when the keep rules refuse a record, or null when they keep it. */
function refusal(admission: Admission): { ok: false; error: string; errors: Issue[] } | null {
  if (admission.verdict === 'keep') return null;
  const first = admission.errors[0]?.message ?? 'not allowed';
  return { ok: false, error: `Not saved: ${first}.`, errors: admission.errors.map((e) => (e.path === 'origin' ? { ...e, path: 'url' } : e)) };
}

/**
 * Edits a saved meeting (label, role, PIN, times), validated by core like a new record. The
 * attempt guard's counts stay with the room (they are keyed by node and alias, not by record).
 */
export async function editMeeting(id: string, changes: MeetingChanges, ctx: BackgroundContext): Promise<UiAnswer> {
  const now = ctx.now();
  const rules = keepRulesOf(await ctx.settings());
  const result = await updateMeeting(ctx.db, id, (m) => {
    const edited = applyMeetingEdit(m, changes, now);
    if (!edited.ok) return edited;
    const admission = admitMeeting(edited.value, rules, now);
    return admission.verdict === 'keep' ? edited : { ok: false as const, errors: admission.errors };
  });
  if (result.ok) {
    ctx.changed();
    return { ok: true, updated: true, id };
  }
  if ('errors' in result) return { ok: false, error: 'Please check the highlighted fields.', errors: result.errors };
  return result.reason === 'not-found'
    ? { ok: false, error: 'This meeting is no longer saved.' }
    : { ok: false, error: 'You already saved a PIN for this meeting in that role.', errors: [{ path: 'role', message: 'already saved for this meeting' }] };
}

/** Deletes a saved meeting. */
export async function removeMeeting(id: string, ctx: BackgroundContext): Promise<UiAnswer> {
  const deleted = await deleteMeeting(ctx.db, id);
  if (deleted) ctx.changed();
  return { ok: true, deleted };
}

/** The policy in force, the user's preferences, what is locked and which preferences were ignored. */
export async function readSettings(ctx: BackgroundContext, policyState: PolicyState, prefs: unknown): Promise<UiAnswer> {
  const settings = await ctx.settings();
  return { ok: true, policyState, prefs: prefs ?? {}, locked: settings.effective.locked, ignored: settings.effective.ignored };
}

/**
 * Validates new preferences against the policy (core's effectiveSettings): refused as a whole
 * when any entry would be ignored (locked, unknown or invalid), so the user sees why.
 */
export function checkPrefs(policyState: PolicyState, prefs: Record<string, unknown>): { ok: true } | { ok: false; error: string; errors: Issue[] } {
  const merged = effectiveSettings(policyState.policy, prefs);
  return merged.ignored.length === 0 ? { ok: true } : { ok: false, error: 'Some settings could not be applied.', errors: merged.ignored };
}

/** The vault as a JSON file's text (contains PINs in clear: the options page says so). */
export async function exportMeetings(ctx: BackgroundContext): Promise<UiAnswer> {
  return { ok: true, text: exportVault(await allMeetings(ctx.db), ctx.now()) };
}

/**
 * Imports a vault file: all or nothing, never drops a stored record (core's importVault), under
 * the keep rules: a record on a node the policy does not name, or any record under retention 0,
 * refuses the file; records already past retention are left out and counted.
 */
export async function importMeetings(text: string, ctx: BackgroundContext): Promise<UiAnswer> {
  const rules = keepRulesOf(await ctx.settings());
  const result = importVault(text, await allMeetings(ctx.db), ctx.now(), { newId: ctx.newId, rules });
  if (!result.ok) return { ok: false, error: 'The file was not imported.', errors: result.errors };
  await replaceAllMeetings(ctx.db, result.value.meetings);
  ctx.changed();
  const { added, updated, unchanged, conflicts, expired } = result.value;
  return { ok: true, added, updated, unchanged, conflicts, expired };
}
