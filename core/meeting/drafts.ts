/**
 * Draft expiry: a meeting is registered as a draft (`room.sent` false) at insert and opens
 * nothing until the send check confirms it. A draft whose last write is older than the TTL was
 * abandoned (New meeting then closed, or closed without sending): the service removes it, which
 * frees its aliases. "Name (n)" numbers live one day past their occurrence's window.
 * The rules as data and pure functions; service/jobs/ runs them against the database.
 */
import type { EpochMs, Result } from '../types';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long an unsent draft is kept after its last write. */
export const DEFAULT_DRAFT_TTL_MS = DAY;
/** How often a service sweeps. */
export const DEFAULT_DRAFT_SWEEP_EVERY_MS = 15 * MINUTE;
/** How long a participant's "Name (n)" number is kept after its occurrence's window closed. */
export const PARTICIPANT_NAMES_KEEP_MS = DAY;

/**
 * The range an administrator may set. A TTL under an hour would remove drafts an organizer is
 * still composing; over 90 days keeps abandoned aliases reserved for a season.
 */
export const DRAFT_TTL_RANGE = { min: HOUR, max: 90 * DAY } as const;
export const DRAFT_SWEEP_EVERY_RANGE = { min: 10 * SECOND, max: DAY } as const;

const UNITS: Record<string, number> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR, d: DAY };

/** `1500ms`, `90s`, `15m`, `24h`, `2d` (one number, one unit) as milliseconds; null when it is not one. */
export function parseDuration(text: string): number | null {
  const match = /^\s*([0-9]{1,9})\s*(ms|s|m|h|d)\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * (UNITS[match[2] as string] as number);
}

/** A duration for people: the largest unit that divides it, days from two on (`24h`, `90d`, `15m`, `1500ms`). */
export function formatDuration(ms: number): string {
  if (ms >= 2 * DAY && ms % DAY === 0) return `${ms / DAY}d`;
  for (const unit of ['h', 'm', 's'] as const) {
    const size = UNITS[unit] as number;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}

/** Reads a duration option within `range`, naming the option and what it expects when it is wrong. */
export function parseDurationOption(text: string, name: string, range: { min: number; max: number }): Result<number> {
  const ms = parseDuration(text);
  const expected = `a duration from ${formatDuration(range.min)} to ${formatDuration(range.max)} like 30s, 15m, 24h or 2d`;
  if (ms === null || ms < range.min || ms > range.max) return { ok: false, errors: [{ path: name, message: `must be ${expected}, got "${text}"` }] };
  return { ok: true, value: ms };
}

/** A stored meeting the sweep looked at: whether its sealed room says sent, and its last write. */
export interface DraftCandidate {
  id: string;
  /** `room.sent` of the sealed room (the truth; the plain column only finds candidates). */
  sent: boolean;
  lastWriteAt: EpochMs;
}

/** True when the meeting is an unsent draft whose last write is more than `ttlMs` before `now`. */
export function isExpiredDraft(candidate: Pick<DraftCandidate, 'sent' | 'lastWriteAt'>, now: EpochMs, ttlMs: number): boolean {
  return !candidate.sent && now - candidate.lastWriteAt > ttlMs;
}

/** What a sweep does with the candidates it locked. */
export interface DraftSweepPlan {
  /** Unsent and past the TTL: removed with their aliases. */
  expire: string[];
  /** Sent after all (the plain column was behind the sealed room): the column is corrected, nothing removed. */
  markSent: string[];
}

/** Sorts locked candidates: expired drafts go, sent meetings get their column corrected, young drafts stay. */
export function planDraftSweep(candidates: readonly DraftCandidate[], now: EpochMs, ttlMs: number): DraftSweepPlan {
  const plan: DraftSweepPlan = { expire: [], markSent: [] };
  for (const c of candidates) {
    if (c.sent) plan.markSent.push(c.id);
    else if (isExpiredDraft(c, now, ttlMs)) plan.expire.push(c.id);
  }
  return plan;
}
