/** The token check remembers verified tokens, but never past their expiry. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../service/auth/verifier';
import { ADMIN_ROLE, SCOPE, startIssuer } from './support';
import type { TestIssuer } from './support';

describe('createAuthenticator', () => {
  let issuer: TestIssuer;
  beforeAll(async () => {
    issuer = await startIssuer();
  });
  afterAll(() => issuer?.close());

  it('refuses a remembered token once it has expired', async () => {
    let clock = Date.now();
    const authenticate = createAuthenticator(
      { issuer: issuer.issuer, audience: issuer.audience, jwksUrl: issuer.jwksUrl, tenant: issuer.tenant, scope: SCOPE, adminRole: ADMIN_ROLE },
      () => clock,
    );
    const token = await issuer.sign({ oid: 'ann-oid', preferred_username: 'ann@example.com', ttlSeconds: 60 });
    expect(await authenticate(`Bearer ${token}`)).toEqual({ ok: true, caller: { id: 'ann-oid', name: 'ann@example.com', isAdmin: false } });
    expect((await authenticate(`bearer ${token}`)).ok).toBe(true);
    clock += 59_000;
    expect((await authenticate(`Bearer ${token}`)).ok).toBe(true);
    clock += 2_000;
    expect(await authenticate(`Bearer ${token}`)).toEqual({ ok: false, message: 'the token has expired' });
  });

  it("says the issuer's keys are unavailable (not that the token is bad) when the JWKS cannot be fetched", async () => {
    const closed = await startIssuer();
    await closed.close();
    const authenticate = createAuthenticator({ issuer: issuer.issuer, audience: issuer.audience, jwksUrl: closed.jwksUrl, tenant: issuer.tenant, scope: SCOPE, adminRole: ADMIN_ROLE });
    const token = await issuer.sign({ oid: 'ann-oid' });
    expect(await authenticate(`Bearer ${token}`)).toMatchObject({ ok: false, unavailable: true });
    expect(await authenticate('Bearer abc')).toEqual({ ok: false, message: 'the token is not valid' });
  });
});
