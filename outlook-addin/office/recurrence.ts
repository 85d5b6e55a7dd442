/**
 * Outlook's recurrence (Mailbox 1.7) as core/time's RecurringSeries. Outlook patterns core does
 * not model exactly (relative monthly "second Tuesday", yearly) are approximated; the block only
 * needs "this is a series", and provisioning uses the next occurrence.
 */
import { seriesIssues, wallTimeToInstant } from '../../core/time';
import type { RecurrenceRule, RecurringSeries, Weekday } from '../../core/time';
import type { OfficeRecurrenceValue } from './officeTypes';

const DAYS: Readonly<Record<string, Weekday>> = { mon: 'MO', tue: 'TU', wed: 'WE', thu: 'TH', fri: 'FR', sat: 'SA', sun: 'SU' };

/** The rule for an Outlook recurrence type and properties. */
function ruleOf(value: OfficeRecurrenceValue): RecurrenceRule {
  const props = value.recurrenceProperties ?? {};
  const interval = Number.isInteger(props.interval) && (props.interval as number) >= 1 ? (props.interval as number) : 1;
  const days = (props.days ?? []).map((d) => DAYS[String(d).toLowerCase().slice(0, 3)]).filter((d): d is Weekday => d !== undefined);
  switch (value.recurrenceType) {
    case 'daily':
      return { frequency: 'daily', interval };
    case 'weekday':
      return { frequency: 'weekly', daysOfWeek: ['MO', 'TU', 'WE', 'TH', 'FR'] };
    case 'weekly':
      return days.length ? { frequency: 'weekly', interval, daysOfWeek: days } : { frequency: 'weekly', interval };
    case 'yearly':
      return { frequency: 'monthly', interval: 12 };
    default:
      return { frequency: 'monthly', interval };
  }
}

/** UTC ms of 23:59 local on "YYYY-MM-DD" in `timeZone`, or undefined when unreadable. */
function endOfDay(date: string | null | undefined, timeZone: string): number | undefined {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return undefined;
  try {
    return wallTimeToInstant({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 23, minute: 59 }, timeZone);
  } catch {
    return undefined;
  }
}

/**
 * The series for an Outlook recurrence, with the appointment's own start/end (UTC ms) as the
 * first occurrence and `timeZone` (IANA) as its zone; null when `value` is null (a single
 * meeting). A rule core rejects falls back to a plain weekly series. Never throws.
 */
export function toRecurringSeries(value: OfficeRecurrenceValue | null | undefined, start: number, end: number, timeZone: string): RecurringSeries | null {
  if (!value || typeof value !== 'object') return null;
  let rule: RecurrenceRule;
  try {
    rule = ruleOf(value);
    const until = endOfDay(value.seriesTime?.getEndDate?.(), timeZone);
    if (until !== undefined && until >= start) rule = { ...rule, until };
  } catch {
    rule = { frequency: 'weekly' };
  }
  const series: RecurringSeries = { start, end, timeZone, rule };
  return seriesIssues(series).length === 0 ? series : { start, end, timeZone, rule: { frequency: 'weekly' } };
}
