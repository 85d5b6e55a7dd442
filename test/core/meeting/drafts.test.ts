import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DRAFT_SWEEP_EVERY_MS,
  DEFAULT_DRAFT_TTL_MS,
  DRAFT_SWEEP_EVERY_RANGE,
  DRAFT_TTL_RANGE,
  formatDuration,
  isExpiredDraft,
  parseDuration,
  parseDurationOption,
  planDraftSweep,
} from '../../../core/meeting';

const H = 3_600_000;

describe('draft expiry rules', () => {
  it('reads one number and one unit, nothing else', () => {
    expect([parseDuration('1500ms'), parseDuration('90s'), parseDuration('15m'), parseDuration(' 24h '), parseDuration('2d')]).toEqual([1500, 90_000, 900_000, 24 * H, 48 * H]);
    for (const bad of ['', '24', 'h', '1.5h', '-1h', '1h30m', '1 day', '24H', '1e3s', '9999999999d']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('writes durations as people read them', () => {
    expect([24 * H, 90 * 24 * H, 2 * 24 * H, 15 * 60_000, 10_000, 1500].map(formatDuration)).toEqual(['24h', '90d', '2d', '15m', '10s', '1500ms']);
    expect([DEFAULT_DRAFT_TTL_MS, DEFAULT_DRAFT_SWEEP_EVERY_MS].map(formatDuration)).toEqual(['24h', '15m']);
  });

  it('accepts a duration only inside its range, saying which range and what it got', () => {
    expect(parseDurationOption('36h', '--draft-ttl', DRAFT_TTL_RANGE)).toEqual({ ok: true, value: 36 * H });
    expect(parseDurationOption('1h', '--draft-ttl', DRAFT_TTL_RANGE)).toEqual({ ok: true, value: H });
    expect(parseDurationOption('59m', '--draft-ttl', DRAFT_TTL_RANGE)).toEqual({
      ok: false,
      errors: [{ path: '--draft-ttl', message: 'must be a duration from 1h to 90d like 30s, 15m, 24h or 2d, got "59m"' }],
    });
    expect(parseDurationOption('91d', '--draft-ttl', DRAFT_TTL_RANGE).ok).toBe(false);
    expect(parseDurationOption('9s', '--draft-sweep-every', DRAFT_SWEEP_EVERY_RANGE).ok).toBe(false);
    expect(parseDurationOption('24h', '--draft-sweep-every', DRAFT_SWEEP_EVERY_RANGE)).toEqual({ ok: true, value: 24 * H });
  });

  it('expires only unsent drafts whose last write is more than the TTL ago', () => {
    const now = 100 * H;
    expect(isExpiredDraft({ sent: false, lastWriteAt: now - 25 * H }, now, 24 * H)).toBe(true);
    expect(isExpiredDraft({ sent: false, lastWriteAt: now - 24 * H }, now, 24 * H)).toBe(false);
    expect(isExpiredDraft({ sent: true, lastWriteAt: 0 }, now, 24 * H)).toBe(false);
  });

  it('plans a sweep: expired drafts go, sent meetings get their column corrected, young drafts stay', () => {
    const now = 100 * H;
    const plan = planDraftSweep(
      [
        { id: 'old-draft', sent: false, lastWriteAt: now - 30 * H },
        { id: 'old-sent', sent: true, lastWriteAt: now - 30 * H },
        { id: 'young-draft', sent: false, lastWriteAt: now - H },
      ],
      now,
      24 * H,
    );
    expect(plan).toEqual({ expire: ['old-draft'], markSent: ['old-sent'] });
  });
});
