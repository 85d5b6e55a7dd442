/**
 * Who came to the meeting (issue 23): per invitee, whether they are present now, when each person
 * on their link joined and left, and a warning when a personal link was used by more than one
 * person; the same rows as CSV. Loaded from the meeting service when asked (the record grows
 * while the meeting runs: press again for the newest). Text only: names are rendered as text.
 */
import { useState } from 'preact/hooks';
import { isSecondUse } from '../../core/attendance/summary';
import type { AttendanceRow, AttendeeGroup } from '../../core/attendance/summary';
import type { AttendanceLoad } from '../logic/attendance';
import { BUTTON } from '../logic/wording';
import { download } from './download';

const when = (t: number | null): string => (t === null ? 'unknown' : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(t));

function groupStatus(g: AttendeeGroup): string {
  if (g.rows.length === 0) return 'did not join';
  return g.presentNow > 0 ? `present now (${g.presentNow})` : 'left';
}

function RowLine({ row }: { row: AttendanceRow }) {
  return (
    <li class="attendance-row" data-second-use={isSecondUse(row) ? 'true' : undefined} data-joined={row.joinedAt ?? ''} data-left={row.leftAt ?? ''}>
      <span class="shown-name">{row.displayName ?? '(no name)'}</span>
      {row.role === 'host' ? ' (host)' : ''}: joined <time>{when(row.joinedAt)}</time>
      {row.leftAt === null ? ', present now' : <>, left <time>{when(row.leftAt)}</time></>}
      {isSecondUse(row) && <strong class="second-use"> (used this link after someone else)</strong>}
    </li>
  );
}

export function AttendancePanel({ load }: { load: () => Promise<AttendanceLoad> }) {
  const [record, setRecord] = useState<AttendanceLoad | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => {
    if (busy) return;
    setBusy(true);
    void load()
      .then(setRecord)
      .finally(() => setBusy(false));
  };
  const groups = record?.ok ? record.groups : [];
  return (
    <section id="attendance" aria-label="Attendance" aria-busy={busy}>
      <h2>Attendance</h2>
      <button id="show-attendance" type="button" aria-disabled={busy || undefined} onClick={refresh}>
        {BUTTON.showAttendance}
      </button>
      {record && !record.ok && (
        <p id="attendance-message" class="bar error" role="alert">
          {record.message}
        </p>
      )}
      {record?.ok && (
        <>
          {record.empty && <p id="attendance-empty">Nobody has joined yet.</p>}
          <ul id="attendance-list">
            {groups.map((g) => (
              <li class="attendee" data-attendee={g.label} data-kind={g.kind}>
                <span class="attendee-name">{g.label}</span>: <span class="attendee-status">{groupStatus(g)}</span>
                {g.warning && (
                  <p class="attendance-warning bar warning" role="note">
                    {g.warning}
                  </p>
                )}
                {g.rows.length > 0 && (
                  <ul>
                    {g.rows.map((r) => (
                      <RowLine row={r} />
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
          <button id="export-attendance" type="button" onClick={() => download('securejoin-attendance.csv', record.csv)}>
            {BUTTON.exportAttendance}
          </button>
        </>
      )}
    </section>
  );
}
