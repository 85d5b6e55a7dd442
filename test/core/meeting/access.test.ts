import { describe, expect, it } from 'vitest';
import { callerFromClaims, isMeetingId, mayAct, mayListAll } from '../../../core/meeting';

const rules = { tenant: 't1', scope: 'Meetings.ReadWrite', adminRole: 'SecureJoin.Admin' };
const claims = { tid: 't1', scp: 'openid Meetings.ReadWrite', oid: 'o-1', sub: 's-1', preferred_username: 'ann@example.com' };

describe('callers and what they may do', () => {
  it('reads the organizer from oid (else sub), the name and the admin role', () => {
    expect(callerFromClaims(claims, rules)).toEqual({ ok: true, value: { id: 'o-1', name: 'ann@example.com', isAdmin: false } });
    expect(callerFromClaims({ ...claims, oid: undefined, roles: ['SecureJoin.Admin'] }, rules)).toEqual({ ok: true, value: { id: 's-1', name: 'ann@example.com', isAdmin: true } });
  });

  it('refuses another tenant, a missing scope and a token without a user', () => {
    expect(callerFromClaims({ ...claims, tid: 't2' }, rules)).toMatchObject({ ok: false, errors: [{ message: 'the token is for another tenant' }] });
    expect(callerFromClaims({ ...claims, scp: 'Meetings.Read' }, rules)).toMatchObject({ ok: false, errors: [{ message: /scope Meetings.ReadWrite/ }] });
    expect(callerFromClaims({ ...claims, scp: undefined }, rules).ok).toBe(false);
    expect(callerFromClaims({ ...claims, oid: '', sub: undefined }, rules).ok).toBe(false);
  });

  it('accepts a token granting any one of several scopes (NAA\'s and Office SSO\'s), and none granting another', () => {
    const both = { ...rules, scope: ['Meetings.ReadWrite', 'access_as_user'] };
    expect(callerFromClaims({ ...claims, scp: 'access_as_user' }, both)).toMatchObject({ ok: true, value: { id: 'o-1' } });
    expect(callerFromClaims(claims, both).ok).toBe(true);
    expect(callerFromClaims({ ...claims, scp: 'User.Read access_as_users' }, both)).toMatchObject({ ok: false, errors: [{ message: 'the token grants none of the scopes Meetings.ReadWrite, access_as_user' }] });
    // An empty list accepts nothing.
    expect(callerFromClaims(claims, { ...rules, scope: [] }).ok).toBe(false);
  });

  it('an organizer acts on their own meetings; an admin reads, lists and deletes any but rewrites none', () => {
    const ann = { id: 'ann', name: '', isAdmin: false };
    const admin = { id: 'root', name: '', isAdmin: true };
    expect((['read', 'replace', 'delete'] as const).map((a) => mayAct(ann, 'ann', a))).toEqual([true, true, true]);
    expect((['read', 'replace', 'delete'] as const).map((a) => mayAct(ann, 'bob', a))).toEqual([false, false, false]);
    expect((['read', 'replace', 'delete'] as const).map((a) => mayAct(admin, 'bob', a))).toEqual([true, false, true]);
    expect([mayListAll(ann), mayListAll(admin)]).toEqual([false, true]);
  });

  it('meeting ids are 16-64 URL-safe characters', () => {
    expect(['abcdefghijklmnop', 'A_-9'.repeat(16)].map(isMeetingId)).toEqual([true, true]);
    expect(['short', 'a'.repeat(65), 'abcdefghijklmnop/', 'abcdefghijklmnop q'].map(isMeetingId)).toEqual([false, false, false, false]);
  });
});
