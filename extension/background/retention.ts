/**
 * Retention: past meetings are deleted `retentionDays` after they end (core's
 * `expiredMeetings`), by a daily `browser.alarms` job. Alarms survive the service worker being
 * stopped (a timer would not). The background also deletes expired meetings whenever its
 * settings or meetings change (main.ts), which covers start-up and a shortened retention.
 */
import { deleteExpiredMeetings } from '../storage/meetings';
import type { BackgroundContext } from './context';
import { retentionToApply } from './settings';
import { sweepExpired } from './sweep';

/** Name of the daily retention alarm. */
export const RETENTION_ALARM = 'securejoin-retention';
/** How often the retention job runs, in minutes (daily). */
export const RETENTION_PERIOD_MINUTES = 24 * 60;

/**
 * Deletes the meetings past retention under the settings in force now; returns how many.
 * Calls `ctx.changed()` only when something was deleted (content-script matches may shrink).
 */
export async function runRetention(ctx: BackgroundContext): Promise<number> {
  const retention = retentionToApply(await ctx.settings());
  if (retention === null) return 0;
  const deleted = await deleteExpiredMeetings(ctx.db, ctx.now(), retention);
  if (deleted > 0) ctx.changed();
  return deleted;
}

/** The part of `browser.alarms` used here (so tests pass a plain object). */
export interface AlarmsPort {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): unknown;
  onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
}

/**
 * Schedules the daily job (keeping an existing alarm's schedule: re-creating it on every worker
 * start would push it forward forever) and runs it when the alarm fires.
 * @param onError where failures go (the job is retried the next day).
 */
export async function scheduleRetention(alarms: AlarmsPort, ctx: BackgroundContext, onError: (e: unknown) => void = () => undefined): Promise<void> {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== RETENTION_ALARM) return;
    void runRetention(ctx).catch(onError);
    void sweepExpired(ctx).catch(onError);
  });
  if (!(await alarms.get(RETENTION_ALARM))) await alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: RETENTION_PERIOD_MINUTES });
}
