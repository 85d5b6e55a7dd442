/** Shared fixtures for vault, autofill and guard tests: one valid saved meeting. */
import type { SavedMeeting } from '../../../core/vault/schema';

export const T0 = Date.UTC(2025, 5, 2, 9, 0);

/** A valid record; override any field. */
export function meeting(over: Partial<SavedMeeting> = {}): SavedMeeting {
  return {
    id: 'm1',
    origin: 'https://meet.example.com',
    path: 'webapp3',
    alias: 'Alice.Room',
    role: 'guest',
    pin: '246813',
    source: 'manual',
    createdAt: T0,
    updatedAt: T0,
    ...over,
  };
}
