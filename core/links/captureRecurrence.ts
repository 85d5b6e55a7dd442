/**
 * The optional series part of a capture link's payload: one code for every occurrence of a
 * recurring meeting, so the extension keeps and fills it after the first occurrence too.
 *
 * Compact on the wire (the link travels in mail): `rec: {tz, freq, interval?, days?, until?, count?}`
 * = the series' IANA zone and core/time's RecurrenceRule (`days` = `daysOfWeek`, RFC 5545 `MO`..`SU`;
 * `until` UTC ms, inclusive last start; `count` total occurrences). The payload's `startsAt`/`endsAt`
 * are the FIRST occurrence, so `rec` needs both. Strict: unknown keys are refused; the rule gets
 * core/time's own validation (`seriesIssues`), so the link, the node and the vault agree.
 */
import * as z from 'zod/mini';
import { MAX_RECURRENCE_COUNT, MAX_RECURRENCE_INTERVAL, seriesIssues, WEEKDAYS } from '../time/recurrence';
import type { RecurrenceRule } from '../time/recurrence';
import type { EpochMs, Issue } from '../types';

/** A series without its first occurrence: the zone its local times are kept in and the rule. */
export interface SeriesRecurrence {
  timeZone: string;
  rule: RecurrenceRule;
}

/** The `rec` object of a capture payload. */
export const captureRecurrenceSchema = /* @__PURE__ */ z.strictObject({
  tz: z.string().check(z.minLength(1), z.maxLength(64)),
  freq: z.enum(['daily', 'weekly', 'monthly']),
  interval: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_RECURRENCE_INTERVAL))),
  days: z.optional(z.array(z.enum(WEEKDAYS)).check(z.minLength(1), z.maxLength(7))),
  until: z.optional(z.int().check(z.minimum(0), z.maximum(253_402_300_799_999))),
  count: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_RECURRENCE_COUNT))),
});

/** The decoded `rec` object. */
export type CaptureRecurrence = z.infer<typeof captureRecurrenceSchema>;

/** Wire form of a series. */
export function toCaptureRecurrence(r: SeriesRecurrence): CaptureRecurrence {
  const out: CaptureRecurrence = { tz: r.timeZone, freq: r.rule.frequency };
  if (r.rule.interval !== undefined) out.interval = r.rule.interval;
  if (r.rule.daysOfWeek !== undefined) out.days = [...r.rule.daysOfWeek];
  if (r.rule.until !== undefined) out.until = r.rule.until;
  if (r.rule.count !== undefined) out.count = r.rule.count;
  return out;
}

/** The series a `rec` object stands for. */
export function fromCaptureRecurrence(rec: CaptureRecurrence): SeriesRecurrence {
  const rule: RecurrenceRule = { frequency: rec.freq };
  if (rec.interval !== undefined) rule.interval = rec.interval;
  if (rec.days !== undefined) rule.daysOfWeek = rec.days;
  if (rec.until !== undefined) rule.until = rec.until;
  if (rec.count !== undefined) rule.count = rec.count;
  return { timeZone: rec.tz, rule };
}

const WIRE_PATH: Record<string, string> = {
  timeZone: 'tz',
  rule: '',
  'rule.frequency': 'freq',
  'rule.interval': 'interval',
  'rule.daysOfWeek': 'days',
  'rule.until': 'until',
  'rule.count': 'count',
};

/**
 * What core/time says is wrong with `rec` as the series starting at the first occurrence
 * `startsAt`-`endsAt` (paths under `payload.rec`). Shape problems are the schema's.
 */
export function captureRecurrenceIssues(rec: CaptureRecurrence, startsAt: EpochMs | undefined, endsAt: EpochMs | undefined): Issue[] {
  if (startsAt === undefined || endsAt === undefined) {
    return [{ path: 'payload.rec', message: 'needs startsAt and endsAt (the first occurrence)' }];
  }
  const { timeZone, rule } = fromCaptureRecurrence(rec);
  return seriesIssues({ start: startsAt, end: endsAt, timeZone, rule })
    .filter((i) => i.path !== 'start' && i.path !== 'end') // the payload's own endsAt check reports these
    .map((i) => {
      const wire = WIRE_PATH[i.path.replace(/\[\d+\]$/, '')] ?? i.path;
      return { path: wire ? `payload.rec.${wire}` : 'payload.rec', message: i.message };
    });
}
