/**
 * The retention job: meetings past retention are deleted (by the settings in force, policy locks
 * included), upcoming and untimed ones stay, and the daily alarm is created once and runs the job.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../../../extension/background/router';
import { RETENTION_ALARM, RETENTION_PERIOD_MINUTES, runRetention, scheduleRetention } from '../../../extension/background/retention';
import { allMeetings } from '../../../extension/storage/meetings';
import { NODE, popupSender, T0, testContext } from '../support';
import type { TestContext } from '../support';

const DAY = 86_400_000;
let ctx: TestContext;

async function add(alias: string, times: { startsAt?: number; endsAt?: number }): Promise<void> {
  // Saved while the meeting was still ahead (a meeting already past retention is not saved at all).
  const now = ctx.clock.now;
  if (times.startsAt !== undefined) ctx.clock.now = Math.min(now, times.startsAt);
  const answer = await handleMessage({ type: 'meetings:add', input: { url: `${NODE}/webapp3/m/${alias}`, role: 'guest', pin: '1357', ...times } }, popupSender, ctx);
  ctx.clock.now = now;
  expect(answer.ok).toBe(true);
}
const aliases = async () => (await allMeetings(ctx.db)).map((m) => m.alias).sort();

beforeEach(async () => {
  ctx = testContext();
  await add('old', { startsAt: T0 - 40 * DAY, endsAt: T0 - 40 * DAY + 3_600_000 });
  await add('recent', { startsAt: T0 - 2 * DAY, endsAt: T0 - 2 * DAY + 3_600_000 });
  await add('soon', { startsAt: T0 + DAY, endsAt: T0 + DAY + 3_600_000 });
  await add('untimed', {});
});

describe('runRetention', () => {
  it('deletes meetings that ended more than retentionDays ago and keeps the rest', async () => {
    ctx.state.prefs = { attendee: { savedPins: { retentionDays: 7 } } };
    const changesBefore = ctx.state.changes;
    expect(await runRetention(ctx)).toBe(1);
    expect(await aliases()).toEqual(['recent', 'soon', 'untimed']);
    expect(ctx.state.changes).toBe(changesBefore + 1);
  });

  it('follows the retention in force: 1 day also drops the meeting of two days ago; nothing to do changes nothing', async () => {
    ctx.state.prefs = { attendee: { savedPins: { retentionDays: 1 } } };
    expect(await runRetention(ctx)).toBe(2);
    expect(await aliases()).toEqual(['soon', 'untimed']);
    const changes = ctx.state.changes;
    expect(await runRetention(ctx)).toBe(0);
    expect(ctx.state.changes).toBe(changes);
  });
});

describe('scheduleRetention', () => {
  function fakeAlarms(existing: boolean) {
    const created: Array<{ name: string; info: unknown }> = [];
    const listeners: Array<(a: { name: string }) => void> = [];
    return {
      created,
      fire: (name: string) => listeners.forEach((l) => l({ name })),
      port: {
        get: async (name: string) => (existing && name === RETENTION_ALARM ? { name } : undefined),
        create: (name: string, info: { periodInMinutes: number }) => void created.push({ name, info }),
        onAlarm: { addListener: (l: (a: { name: string }) => void) => void listeners.push(l) },
      },
    };
  }

  it('creates the daily alarm once and runs the job when it fires', async () => {
    ctx.state.prefs = { attendee: { savedPins: { retentionDays: 7 } } };
    const alarms = fakeAlarms(false);
    await scheduleRetention(alarms.port, ctx);
    expect(alarms.created).toEqual([{ name: RETENTION_ALARM, info: { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: RETENTION_PERIOD_MINUTES } }]);
    expect(RETENTION_PERIOD_MINUTES).toBe(1440);
    alarms.fire('something-else');
    alarms.fire(RETENTION_ALARM);
    await expect.poll(aliases).toEqual(['recent', 'soon', 'untimed']);
  });

  it('keeps an existing alarm (a restarted worker does not push the schedule back)', async () => {
    const alarms = fakeAlarms(true);
    await scheduleRetention(alarms.port, ctx);
    expect(alarms.created).toEqual([]);
  });
});
