/**
 * `securejoin service sweep-drafts`: an administrator's one-off draft sweep, printing each
 * removed draft (id, organizer, version, last write: never a code or an alias, which are codes).
 */
import { DEFAULT_DRAFT_TTL_MS, DRAFT_TTL_RANGE, formatDuration } from '../core/meeting/drafts';
import { DEFAULT_DATA_DIR } from '../service/db/open';
import { sweepDraftsOnce } from '../service/jobs/sweepOnce';
import { durationOption, parseOptions } from './args';
import { EXIT, UsageError } from './errors';
import { STORE_FLAGS, storeTarget } from './storeFlags';
import type { CliIo } from './io';

export const SWEEP_DRAFTS_HELP = `Usage: securejoin service sweep-drafts [options]

Removes, once and now, every meeting still a draft (never sent) whose last write is older than
the TTL, with its aliases and an audit row each, and prunes "Name (n)" numbers of meetings that
are gone or whose occurrence closed more than a day ago. Prints one line per removed draft.
Running services sweep by themselves; this is safe beside them.

  --database-url URL     PostgreSQL server (DATABASE_URL). Without it: embedded PGlite in
  --data-dir DIR         DIR/pgdata (SECUREJOIN_DATA_DIR; default ${DEFAULT_DATA_DIR}; stop that service first)
  --codes-key KEY        the codes key (SECUREJOIN_CODES_KEY): the sweep reads each draft's sealed room
  --draft-ttl D          (SECUREJOIN_DRAFT_TTL; default ${formatDuration(DEFAULT_DRAFT_TTL_MS)}; ${formatDuration(DRAFT_TTL_RANGE.min)} to ${formatDuration(DRAFT_TTL_RANGE.max)})
`;

const FLAGS = {
  ...STORE_FLAGS,
  'draft-ttl': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMAND = 'service sweep-drafts';

/** Starts the sweep and returns at once; its lines follow, and a failure sets the exit code to 1. */
export function sweepDraftsCommand(args: string[], io: CliIo, env: Record<string, string | undefined>): number {
  const { values, positionals } = parseOptions(args, FLAGS, COMMAND);
  if (values.help) {
    io.out(SWEEP_DRAFTS_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, COMMAND);
  const ttlText = values['draft-ttl'] ?? env.SECUREJOIN_DRAFT_TTL;
  const ttlMs = ttlText === undefined ? DEFAULT_DRAFT_TTL_MS : durationOption(ttlText, '--draft-ttl', DRAFT_TTL_RANGE, COMMAND);
  sweepDraftsOnce({ ...storeTarget(values, env), ttlMs }).then(
    (report) => {
      for (const d of report.expired) io.out(`removed ${d.id} (organizer ${d.organizerId}, version ${d.version}, last written ${d.lastWriteAt})\n`);
      io.out(
        `${report.expired.length} draft(s) older than ${formatDuration(ttlMs)} removed; ${report.prunedParticipantNames} participant name(s) pruned` +
          `${report.unreadable ? `; ${report.unreadable} sealed room(s) could not be opened and were kept` : ''}\n`,
      );
    },
    (error: unknown) => {
      io.err(`securejoin service sweep-drafts: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.input;
    },
  );
  return EXIT.ok;
}
