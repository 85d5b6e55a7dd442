/**
 * Aliases at rest (issue 18): every alias (web alias, access code, personal aliases) is stored
 * and looked up as a keyed hash, HMAC-SHA-256 under a key derived from the codes key (HKDF with
 * its own label), so a database dump or backup alone names no alias: finding one takes the key.
 * The same alias always hashes alike, so look-ups stay one indexed equality.
 */
import { createHmac, hkdfSync } from 'node:crypto';

/** Marks a hashed key (version 1), so a migration can tell converted rows from plain ones. */
export const ALIAS_HASH_PREFIX = 'h1.';

/** Hashes alias keys (already lower-cased, see core/roomSpec's aliasKey). */
export type AliasHasher = (aliasKey: string) => string;

/** The hasher for a codes key (32 bytes). The derived key never leaves this closure. */
export function aliasHasher(codesKey: Buffer): AliasHasher {
  const key = Buffer.from(hkdfSync('sha256', codesKey, Buffer.alloc(0), 'securejoin alias keys v1', 32));
  return (aliasKey) => ALIAS_HASH_PREFIX + createHmac('sha256', key).update(aliasKey, 'utf8').digest('base64url');
}
