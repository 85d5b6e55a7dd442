/**
 * The draft-expiry job: every `sweepEveryMs` each service process removes unsent drafts whose
 * last write is older than `ttlMs` (their aliases with them: freed, and answered `reject`), and
 * prunes "Name (n)" numbers whose meeting is gone or whose occurrence closed more than a day ago,
 * and attendance rows past the admin policy's retention (issue 23).
 * Replicas may sweep side by side (service/store/drafts.ts says why that is safe). A sweep works
 * in short batches; a failed one (database away) is logged and the next tick tries again. The
 * timer never keeps the process alive, and `stop()` waits for the batch in hand, then ends.
 */
import type { Logger } from 'pino';
import { DEFAULT_DRAFT_SWEEP_EVERY_MS, DEFAULT_DRAFT_TTL_MS, PARTICIPANT_NAMES_KEEP_MS } from '../../core/meeting';
import type { Policy } from '../../core/policy';
import type { CodesCipher } from '../codes';
import type { Database } from '../db/database';
import { countDraftsSwept } from '../metrics/registry';
import { pruneAttendance } from '../store/attendance';
import { expireDraftBatch, pruneParticipantNames } from '../store/drafts';
import { pruneReceived } from '../store/eventSink';
import { DEFAULT_GUESS_LIMITS, pruneGuesses } from '../store/guesses';
import type { GuessLimits } from '../store/guesses';
import type { ExpiredDraft } from '../store/drafts';

/** Drafts per transaction: small enough that a batch holds its row locks for milliseconds. */
export const DEFAULT_SWEEP_BATCH = 200;

/** How the job runs (service options' `drafts`). */
export interface DraftExpirySettings {
  /** Unsent drafts are removed this long after their last write. Default 24 h. */
  ttlMs?: number;
  /** Time between sweeps. Default 15 min. */
  sweepEveryMs?: number;
  /** Drafts per transaction. Default {@link DEFAULT_SWEEP_BATCH}. */
  batchSize?: number;
}

/**
 * The settings with their defaults. @throws RangeError naming a value that is not a positive
 * whole number (a zero interval would sweep without pause).
 */
export function resolveDraftSettings(settings: DraftExpirySettings = {}): Required<DraftExpirySettings> {
  const resolved = {
    ttlMs: settings.ttlMs ?? DEFAULT_DRAFT_TTL_MS,
    sweepEveryMs: settings.sweepEveryMs ?? DEFAULT_DRAFT_SWEEP_EVERY_MS,
    batchSize: settings.batchSize ?? DEFAULT_SWEEP_BATCH,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`drafts.${name} must be a whole number of at least 1, got ${String(value)}`);
  }
  return resolved;
}

/** What one sweep did. */
export interface SweepReport {
  expired: ExpiredDraft[];
  markedSent: number;
  unreadable: number;
  prunedParticipantNames: number;
  /** Guess counts whose window and shut-out are over (service/store/guesses.ts). */
  prunedGuessCounts: number;
  /** Attendance rows past their retention (service/store/attendance.ts); 0 when not asked to. */
  prunedAttendance: number;
  /** False when it stopped early for a shutdown. */
  complete: boolean;
  durationMs: number;
}

/** One sweep, batch after batch until no expired draft is left or `stopping()` says so. */
export async function sweepDrafts(
  db: Database,
  cipher: CodesCipher,
  opts: {
    ttlMs: number;
    batchSize?: number;
    stopping?: () => boolean;
    onBatch?: (expired: number) => void;
    guessLimits?: GuessLimits;
    /** Attendance rows older than this go (the admin policy's `attendance.retentionDays`); without it none is touched. */
    attendanceRetentionMs?: number;
  },
): Promise<SweepReport> {
  const started = performance.now();
  const limit = opts.batchSize ?? DEFAULT_SWEEP_BATCH;
  const stopping = opts.stopping ?? (() => false);
  const report: SweepReport = { expired: [], markedSent: 0, unreadable: 0, prunedParticipantNames: 0, prunedGuessCounts: 0, prunedAttendance: 0, complete: false, durationMs: 0 };
  for (;;) {
    if (stopping()) return { ...report, durationMs: performance.now() - started };
    const batch = await expireDraftBatch(db, cipher, opts.ttlMs, limit);
    report.expired.push(...batch.expired);
    report.markedSent += batch.markedSent;
    report.unreadable += batch.unreadable;
    opts.onBatch?.(batch.expired.length);
    // A short batch was the last; one that changed nothing would find the same rows again.
    if (batch.locked < limit || batch.expired.length + batch.markedSent === 0) break;
  }
  if (stopping()) return { ...report, durationMs: performance.now() - started };
  report.prunedParticipantNames = await pruneParticipantNames(db, PARTICIPANT_NAMES_KEEP_MS);
  report.prunedGuessCounts = await pruneGuesses(db, new Date(), opts.guessLimits ?? DEFAULT_GUESS_LIMITS);
  if (opts.attendanceRetentionMs !== undefined) {
    report.prunedAttendance = await pruneAttendance(db, opts.attendanceRetentionMs);
    // Resent events arrive within minutes: a week of "already taken" marks is plenty.
    await pruneReceived(db, SINK_EVENTS_KEEP_MS);
  }
  return { ...report, complete: true, durationMs: performance.now() - started };
}

/** The admin policy's attendance retention in ms. */
export function attendanceRetentionMs(policy: Pick<Policy, 'attendance'>): number {
  return policy.attendance.retentionDays * 24 * 60 * 60 * 1000;
}

/** How long the Event sink remembers which events it took (to ignore a node's resends). */
export const SINK_EVENTS_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/** The running job. */
export interface DraftExpiryJob {
  /** No further sweep; resolves once a sweep in progress has finished its batch. */
  stop(): Promise<void>;
}

const JOB = 'draft-expiry';

/** Starts sweeping every `sweepEveryMs` (the first sweep one interval after the start). */
export function startDraftExpiry(
  db: Database,
  cipher: CodesCipher,
  log: Logger,
  settings: Required<DraftExpirySettings>,
  guessLimits: GuessLimits = DEFAULT_GUESS_LIMITS,
  attendanceRetentionMs?: number,
): DraftExpiryJob {
  const { ttlMs, sweepEveryMs: every, batchSize } = settings;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  const sweepOnce = async (): Promise<void> => {
    try {
      const report = await sweepDrafts(db, cipher, {
        ttlMs,
        batchSize,
        stopping: () => stopped,
        guessLimits,
        ...(attendanceRetentionMs !== undefined ? { attendanceRetentionMs } : {}),
        onBatch: (expired) => log.debug({ job: JOB, expired }, 'draft sweep batch'),
      });
      countDraftsSwept(report.expired.length);
      log.info(
        {
          job: JOB,
          expiredDrafts: report.expired.length,
          markedSent: report.markedSent,
          unreadable: report.unreadable,
          prunedParticipantNames: report.prunedParticipantNames,
          prunedGuessCounts: report.prunedGuessCounts,
          prunedAttendance: report.prunedAttendance,
          complete: report.complete,
          durationMs: Math.round(report.durationMs),
        },
        'draft sweep',
      );
    } catch (error) {
      log.warn({ job: JOB, err: { message: error instanceof Error ? error.message : String(error) } }, 'draft sweep failed; the next one retries');
    }
  };
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      running = sweepOnce().finally(() => {
        running = null;
        schedule();
      });
    }, every);
    // The job never keeps the process alive on its own.
    timer.unref();
  };
  schedule();
  log.info({ job: JOB, ttlMs, sweepEveryMs: every }, 'draft expiry scheduled');

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
