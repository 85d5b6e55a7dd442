/**
 * Codes at rest: a meeting's room spec (PINs, access code, passcodes) is stored sealed with
 * AES-256-GCM under a key from the environment, bound to its meeting id (as associated data),
 * so a database dump alone reveals no code and a sealed room cannot be moved to another meeting.
 * Format: `v1.<base64 of iv(12) | tag(16) | ciphertext>`.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

/** Seals and opens values with one key. */
export interface CodesCipher {
  seal(value: unknown, meetingId: string): string;
  open(sealed: string, meetingId: string): unknown;
}

/** Reads a base64 key; it must be exactly 32 bytes. @throws RangeError saying what is wrong (never the key). */
export function parseCodesKey(base64: string): Buffer {
  const text = base64.trim();
  const key = Buffer.from(text, 'base64');
  if (!/^[A-Za-z0-9+/]{43}=?$/.test(text) || key.length !== 32) {
    throw new RangeError('the codes key must be 32 bytes, base64-encoded (make one with: openssl rand -base64 32)');
  }
  return key;
}

/** A fresh random key, base64 (for a development data folder). */
export function newCodesKey(): string {
  return randomBytes(32).toString('base64');
}

/** A cipher over `key` (32 bytes). */
export function codesCipher(key: Buffer): CodesCipher {
  return {
    seal(value, meetingId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(meetingId, 'utf8'));
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed, meetingId) {
      if (!sealed.startsWith(PREFIX)) throw new Error('sealed room in an unknown format');
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(meetingId, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    },
  };
}
