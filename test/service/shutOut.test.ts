import { describe, expect, it } from 'vitest';
import { ShutOutAddresses } from '../../service/store/shutOut';

describe('ShutOutAddresses', () => {
  it('holds an address exactly until its shut-out ends, never longer', () => {
    const s = new ShutOutAddresses();
    s.add('203.0.113.66', 10_000, 0);
    expect(s.has('203.0.113.66', 9_999)).toBe(true);
    expect(s.has('203.0.113.66', 10_000)).toBe(false);
    expect(s.size).toBe(0);
    s.add('203.0.113.67', 5, 5);
    expect(s.has('203.0.113.67', 0)).toBe(false);
  });

  it('stays bounded, forgetting ended shut-outs first and then the one ending soonest', () => {
    const s = new ShutOutAddresses();
    for (let i = 0; i < 10_000; i += 1) s.add(`a${i}`, 1_000 + i, 0);
    s.add('late', 50_000, 0);
    expect(s.size).toBe(10_000);
    expect(s.has('a0', 1)).toBe(false);
    expect(s.has('a1', 1)).toBe(true);
    s.add('later', 60_000, 5_000);
    expect(s.size).toBeLessThan(10_000);
    expect([s.has('late', 5_000), s.has('later', 5_000)]).toEqual([true, true]);
  });

  it('says it is incomplete while a shut-out it forgot to stay bounded is still in force', () => {
    const s = new ShutOutAddresses();
    expect(s.complete(0)).toBe(true);
    for (let i = 0; i < 10_000; i += 1) s.add(`a${i}`, 1_000 + i, 0);
    s.add('late', 50_000, 0);
    // a0 (ending at 1,000) was forgotten: until then the database must be asked.
    expect([s.complete(999), s.complete(1_000)]).toEqual([false, true]);
    s.clear();
    expect([s.size, s.complete(0)]).toEqual([0, true]);
  });
});
