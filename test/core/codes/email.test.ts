import { describe, expect, it } from 'vitest';
import { repeatedInviteeEmails } from '../../../core/codes';

describe('repeatedInviteeEmails', () => {
  it('groups entries that are one invitee, including spellings that differ only in case', () => {
    expect(repeatedInviteeEmails(['ana@example.com', 'Bob@Example.com', ' bob@example.com', 'cy@example.com', 'ana@example.com'])).toEqual([
      { email: 'ana@example.com', entries: ['ana@example.com', 'ana@example.com'] },
      { email: 'bob@example.com', entries: ['Bob@Example.com', 'bob@example.com'] },
    ]);
    expect(repeatedInviteeEmails(['a@example.com', 'b@example.com'])).toEqual([]);
  });
});
