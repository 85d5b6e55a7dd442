/** The "Name (n)" ordinals a replica keeps beside the view's meeting object (issue 19). */
import { describe, expect, it } from 'vitest';
import { MAX_NAME_ORDINAL } from '../../../core/infinity';
import type { AliasedMeeting } from '../../../core/infinity';
import { heldOrdinal, holdOrdinal } from '../../../service/routes/heldOrdinals';

const meeting = (): AliasedMeeting => ({ meetingId: 'm1', subject: 's', kind: 'inviteeWeb', inviteeIndex: 0, room: {} as AliasedMeeting['room'] });

describe('held ordinals', () => {
  it('keeps an ordinal per occurrence key and participant, for that meeting object only', () => {
    const a = meeting();
    expect(heldOrdinal(a, 'm1:0:1000', 'p1')).toBeUndefined();
    holdOrdinal(a, 'm1:0:1000', 'p1', 2);
    expect(heldOrdinal(a, 'm1:0:1000', 'p1')).toBe(2);
    expect(heldOrdinal(a, 'm1:0:2000', 'p1')).toBeUndefined();
    expect(heldOrdinal(a, 'm1:0:1000', 'p2')).toBeUndefined();
    // The same meeting read again (changed, or deleted and re-created) is a new object: nothing carries over.
    expect(heldOrdinal(meeting(), 'm1:0:1000', 'p1')).toBeUndefined();
  });

  it('keeps nothing past the cap, where no row is stored either', () => {
    const a = meeting();
    holdOrdinal(a, 'k', 'late', MAX_NAME_ORDINAL + 1);
    expect(heldOrdinal(a, 'k', 'late')).toBeUndefined();
    holdOrdinal(a, 'k', 'last', MAX_NAME_ORDINAL);
    expect(heldOrdinal(a, 'k', 'last')).toBe(MAX_NAME_ORDINAL);
  });

  it('holds a bounded number per meeting', () => {
    const a = meeting();
    for (let i = 0; i < 10 * MAX_NAME_ORDINAL; i++) holdOrdinal(a, `k${i}`, 'p', 1);
    const kept = Array.from({ length: 10 * MAX_NAME_ORDINAL }, (_, i) => heldOrdinal(a, `k${i}`, 'p')).filter((o) => o !== undefined).length;
    expect(kept).toBe(4 * MAX_NAME_ORDINAL);
  });
});
