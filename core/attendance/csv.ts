/**
 * The attendance record as CSV (the pane's export, the admin API's and the CLI's): one row per
 * participant in the order of {@link attendanceByAttendee}, times in UTC (ISO 8601), every field
 * through the shared spreadsheet-safe rule (core/csv/field.ts).
 */
import { csvText } from '../csv/field';
import type { EpochMs } from '../types';
import { attendanceByAttendee, isSecondUse } from './summary';
import type { AttendanceRow } from './summary';

export const ATTENDANCE_CSV_HEADER = ['attendee', 'name shown', 'number', 'role', 'protocol', 'joined at (UTC)', 'left at (UTC)', 'duration (s)', 'used a link another person used first', 'occurrence opened (UTC)'] as const;

const iso = (t: EpochMs | null): string => (t === null ? '' : new Date(t).toISOString());

/** The CSV for a meeting whose invitees are `invitees`; only the header when nobody came. */
export function attendanceCsv(invitees: readonly string[], rows: readonly AttendanceRow[]): string {
  const lines: string[][] = [[...ATTENDANCE_CSV_HEADER]];
  for (const g of attendanceByAttendee(invitees, rows)) {
    for (const r of g.rows) {
      lines.push([
        g.label,
        r.displayName ?? '',
        r.ordinal === null ? '' : String(r.ordinal),
        r.role ?? '',
        r.protocol ?? '',
        iso(r.joinedAt),
        iso(r.leftAt),
        r.durationSeconds === null ? '' : String(Math.round(r.durationSeconds)),
        isSecondUse(r) ? 'yes' : '',
        iso(r.occurrence),
      ]);
    }
  }
  return csvText(lines);
}
