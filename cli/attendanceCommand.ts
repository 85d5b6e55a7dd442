/**
 * `securejoin service attendance MEETING_ID`: an administrator's view of a meeting's attendance
 * record, read from the service's database (the admin API answers the same with a token): one
 * block per invitee, or the CSV with `--csv`. Never an alias, PIN or passcode: none is stored.
 */
import { attendanceByAttendee, attendanceCsv, isSecondUse } from '../core/attendance';
import type { AttendanceRow } from '../core/attendance';
import { isMeetingId } from '../core/meeting';
import { readAttendance } from '../service/attendanceReport';
import { DEFAULT_DATA_DIR } from '../service/db/open';
import { parseOptions } from './args';
import { EXIT, UsageError } from './errors';
import { STORE_FLAGS, storeTarget } from './storeFlags';
import type { CliIo } from './io';

export const ATTENDANCE_HELP = `Usage: securejoin service attendance MEETING_ID [options]

Prints who came to a meeting, as Pexip Infinity's Event sink reported it: per invitee their
joins and leaves (UTC), and a warning when a personal link was used by more than one person.

  --csv                  the CSV export instead (every field quoted, formula-safe)
  --database-url URL     PostgreSQL server (DATABASE_URL). Without it: embedded PGlite in
  --data-dir DIR         DIR/pgdata (SECUREJOIN_DATA_DIR; default ${DEFAULT_DATA_DIR}; stop that service first)
  --codes-key KEY        the codes key (SECUREJOIN_CODES_KEY): the invitees' names are in the sealed meeting
`;

const FLAGS = {
  csv: { type: 'boolean' },
  ...STORE_FLAGS,
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'service attendance';

const when = (t: number | null): string => (t === null ? '?' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z'));

function rowLine(r: AttendanceRow): string {
  const who = `${r.displayName ?? '(no name)'}${r.role ? `, ${r.role}` : ''}${r.protocol ? `, ${r.protocol}` : ''}`;
  const stay = r.leftAt === null ? 'present now' : `left ${when(r.leftAt)}${r.durationSeconds === null ? '' : ` (${Math.round(r.durationSeconds / 60)} min)`}`;
  return `  ${who}: joined ${when(r.joinedAt)}, ${stay}${isSecondUse(r) ? ' [used a link another person used first]' : ''}\n`;
}

/** The record as text, one block per attendee. */
export function attendanceText(invitees: readonly string[], rows: readonly AttendanceRow[]): string {
  let out = '';
  for (const g of attendanceByAttendee(invitees, rows)) {
    out += `${g.label}: ${g.rows.length === 0 ? 'did not join' : `${g.people} ${g.people === 1 ? 'person' : 'people'}, ${g.presentNow} present now`}\n`;
    if (g.warning) out += `  ! ${g.warning}\n`;
    for (const r of g.rows) out += rowLine(r);
  }
  return out;
}

/** Starts the read and returns at once; the output follows, a failure sets the exit code. */
export function attendanceCommand(args: string[], io: CliIo, env: Record<string, string | undefined>): number {
  const { values, positionals } = parseOptions(args, FLAGS, COMMAND);
  if (values.help) {
    io.out(ATTENDANCE_HELP);
    return EXIT.ok;
  }
  const [id, extra] = positionals;
  if (!id) throw new UsageError('name the meeting: securejoin service attendance MEETING_ID', COMMAND);
  if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`, COMMAND);
  if (!isMeetingId(id)) throw new UsageError(`"${id}" is not a meeting id (16-64 letters, digits, _ and -)`, COMMAND);
  readAttendance(storeTarget(values, env), id).then(
    (record) => {
      if (!record) {
        io.err(`securejoin ${COMMAND}: no meeting ${id}, and no attendance recorded for it\n`);
        process.exitCode = EXIT.input;
        return;
      }
      if (values.csv) io.out(attendanceCsv(record.invitees, record.rows));
      else io.out(`${record.subject ?? `Meeting ${id} (deleted)`}\n${attendanceText(record.invitees, record.rows)}`);
    },
    (error: unknown) => {
      io.err(`securejoin ${COMMAND}: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.input;
    },
  );
  return EXIT.ok;
}
