import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../bench/measure';

describe('bench figures', () => {
  it('median and nearest-rank percentile', () => {
    const xs = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(median(xs)).toBe(5.5);
    expect(percentile(xs, 90)).toBe(9);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile(xs, 1)).toBe(1);
    expect(percentile([42], 90)).toBe(42);
  });
});
