/** The popup's form logic: invite drafts the user confirms, and the edit form's change set. */
import { describe, expect, it } from 'vitest';
import { buildCaptureLink } from '../../../core/links/capture';
import { draftOpensAt, draftsFromInvite, draftToInput, editChangesOf, editFormOf, errorsByField, errorSummary, fromLocalInput, nodeLabel, nodeNamesOf, plainIssue, toLocalInput } from '../../../extension/popup/forms';
import type { MeetingSummary } from '../../../extension/background/ui';
import { meetingWindow, newSavedMeeting } from '../../../core/vault';
import type { ManualMeetingInput } from '../../../core/vault';

const INVITE = ['Join: https://meet.example.com/webapp3/m/board?role=guest', 'Guest PIN: 4821 9933', 'Host PIN: 777777'].join('\n');

describe('paste an invite', () => {
  it('finds the meeting with its best-guess role and PIN, and the user may pick another PIN and role', () => {
    const [choice, ...rest] = draftsFromInvite(INVITE);
    expect(rest).toEqual([]);
    expect(choice).toMatchObject({ role: 'guest', pin: '48219933', draft: { alias: 'board', pinOptions: ['48219933', '777777'] } });
    const input = draftToInput({ ...choice!, role: 'host', pin: '777777' });
    expect(input).toMatchObject({ url: choice!.draft.url, alias: 'board', role: 'host', pin: '777777', source: 'invite' });
    expect(input).not.toHaveProperty('pinOptions');
  });

  it('takes PIN, role and the window from a capture link in the text; the saved input carries them', () => {
    const start = Date.UTC(2030, 0, 14, 9);
    const link = buildCaptureLink({ origin: 'https://meet.example.com', path: 'webapp3', alias: 'board', role: 'guest', pin: '55667788', startsAt: start, endsAt: start + 3_600_000, leadMinutes: 20, graceMinutes: 10 });
    const [choice, ...rest] = draftsFromInvite(`Your passcode is 55667788.\nPersonal join link: ${link}\nRoom link: https://meet.example.com/webapp3/m/board`);
    expect(rest).toEqual([]);
    expect(choice).toMatchObject({ role: 'guest', pin: '55667788', draft: { url: 'https://meet.example.com/webapp3/m/board' } });
    expect(draftOpensAt(choice!.draft)).toBe(start - 20 * 60_000);
    expect(draftToInput(choice!)).toMatchObject({ startsAt: start, endsAt: start + 3_600_000, leadMinutes: 20, graceMinutes: 10, source: 'invite' });
    // Without a capture link there is no time: the popup says so.
    expect(draftOpensAt(draftsFromInvite(INVITE)[0]!.draft)).toBeNull();
    expect(draftOpensAt({ startsAt: start })).toBe(start - 15 * 60_000);
  });

  it('a series draft says when the next occurrence opens and saves the series', () => {
    // Mondays 09:00 Berlin from 24 March 2025; 31 March is summer time (07:00Z).
    const start = Date.UTC(2025, 2, 24, 8);
    const recurrence = { timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const } };
    const link = buildCaptureLink({ origin: 'https://meet.example.com', path: 'webapp3', alias: 'board', role: 'guest', pin: '55667788', startsAt: start, endsAt: start + 3_600_000, leadMinutes: 15, graceMinutes: 0, recurrence });
    const [choice] = draftsFromInvite(`Personal join link: ${link}`);
    expect(draftOpensAt(choice!.draft, start + 2 * 3_600_000)).toBe(Date.UTC(2025, 2, 31, 7) - 15 * 60_000);
    expect(draftOpensAt(choice!.draft)).toBe(start - 15 * 60_000);
    expect(draftToInput(choice!)).toMatchObject({ startsAt: start, recurrence });
  });

  it('a pasted per-invitee invite (no save link) keeps the time its block states, up to the saved meeting', () => {
    // The block the add-in writes for a meeting at 14:00 New York with a 10 minute lead, as an attendee copies it.
    const text = [
      'Quarterly review',
      '-- SecureJoin secure access --',
      'Join link: https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0',
      'Access code: 48291736 (the conference ID for hosts only; not a PIN: invitees use the one in their personal message)',
      'Passcode: personal - each invitee gets a personal message with their own join link and passcode (and phone steps); the join link and access code above admit hosts only',
      'The code works from Tue, Dec 8, 1:50\u202fPM (America/New_York), 10 minutes before the start.',
      '-- End of SecureJoin secure access --',
    ].join('\n');
    const [choice] = draftsFromInvite(text, Date.UTC(2026, 10, 29));
    const start = Date.UTC(2026, 11, 8, 19, 0);
    expect(draftOpensAt(choice!.draft)).toBe(start - 10 * 60_000);
    const input = draftToInput({ ...choice!, pin: '55667788' });
    expect(input).toMatchObject({ startsAt: start, leadMinutes: 10, source: 'invite' });
    const saved = newSavedMeeting(input as unknown as ManualMeetingInput, Date.UTC(2026, 10, 29), 'm1');
    expect(saved.ok && meetingWindow(saved.value)?.opensAt).toBe(start - 10 * 60_000);
  });

  it('a pasted series block (its rule in words) gives a series draft opening at the next occurrence, saved as a series', () => {
    const text = [
      '-- SecureJoin secure access --',
      'Join link: https://meet.example.com/webapp3/m/k3v9q2x7m4p8w1z6t5r0',
      'Access code: 48291736 (the conference ID for hosts only; not a PIN: invitees use the one in their personal message)',
      'The code works from Tue, Dec 8, 1:50\u202fPM (America/New_York), 10 minutes before the start.',
      'For this recurring series (every 2 weeks on Tuesday from Tue, Dec 8, 2026, 1 hour each, until Tue, Feb 2, 2027, America/New_York time), the code is active 10 minutes before each occurrence.',
      '-- End of SecureJoin secure access --',
    ].join('\n');
    const now = Date.UTC(2026, 11, 10); // after the first occurrence (8 Dec), before the second (22 Dec)
    const [choice] = draftsFromInvite(text, now);
    const start = Date.UTC(2026, 11, 8, 19, 0);
    expect(choice!.draft).toMatchObject({ startsAt: start, endsAt: start + 3_600_000, recurrence: { timeZone: 'America/New_York', rule: { frequency: 'weekly', interval: 2, daysOfWeek: ['TU'] } } });
    expect(draftOpensAt(choice!.draft, now)).toBe(start + 14 * 86_400_000 - 10 * 60_000);
    const saved = newSavedMeeting(draftToInput({ ...choice!, pin: '55667788' }) as unknown as ManualMeetingInput, now, 'm1');
    expect(saved.ok && meetingWindow(saved.value, now)?.opensAt).toBe(start + 14 * 86_400_000 - 10 * 60_000);
    // The series ends on 2 Feb 2027 (the fifth meeting): nothing opens after it.
    expect(saved.ok && meetingWindow(saved.value, Date.UTC(2027, 1, 3))).toBeNull();
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(draftsFromInvite('')).toEqual([]);
    expect(draftsFromInvite('PIN: 1234, no link')).toEqual([]);
  });
});

describe('edit a saved meeting', () => {
  const row: MeetingSummary = {
    id: 'm1', alias: 'board', label: 'Board', name: 'Board', origin: 'https://meet.example.com', role: 'guest',
    startsAt: new Date(2030, 0, 14, 9, 0).getTime(), endsAt: new Date(2030, 0, 14, 10, 0).getTime(),
    opensAt: null, timeUnknown: false, attemptsUsed: 0, attemptsLeft: 5, limit: 5,
  };

  it('fills the form from the row (local times, PIN blank) and round-trips the times', () => {
    expect(editFormOf(row)).toEqual({ label: 'Board', role: 'guest', pin: '', start: '2030-01-14T09:00', end: '2030-01-14T10:00' });
    expect(fromLocalInput(toLocalInput(row.startsAt))).toBe(row.startsAt);
  });

  it('keeps the PIN when left blank, clears label and times when emptied, and sends a typed PIN', () => {
    expect(editChangesOf(editFormOf(row))).toEqual({ ok: true, changes: { label: 'Board', role: 'guest', startsAt: row.startsAt, endsAt: row.endsAt } });
    expect(editChangesOf({ label: ' ', role: 'host', pin: '2468', start: '', end: '' })).toEqual({
      ok: true,
      changes: { label: null, role: 'host', pin: '2468', startsAt: null, endsAt: null },
    });
  });

  it('names bad times', () => {
    expect(editChangesOf({ label: '', role: 'guest', pin: '', start: 'tomorrow', end: '' })).toEqual({ ok: false, errors: [{ path: 'startsAt', message: 'enter a valid date and time' }] });
  });
});

describe('the popup speaks to attendees', () => {
  const settings = {
    ok: true,
    policyState: { source: 'managed', errors: [], policy: { nodes: [{ name: 'EU meeting platform', origin: 'https://meet.example.com' }, { origin: 'https://video.example.org' }, { name: ' ', origin: 'https://x.example' }] } },
  };
  it('names a node by its policy name, else by its host (never a raw origin)', () => {
    const names = nodeNamesOf(settings);
    expect([...names]).toEqual([['https://meet.example.com', 'EU meeting platform']]);
    expect(nodeLabel('https://meet.example.com', names)).toBe('EU meeting platform');
    expect(nodeLabel('https://meet.example.com/webapp3/m/board?role=guest', names)).toBe('EU meeting platform');
    expect(nodeLabel('https://video.example.org', names)).toBe('video.example.org');
    expect(nodeLabel('http://127.0.0.1:8080', names)).toBe('127.0.0.1:8080');
    // No policy, or an answer of another shape: host names.
    for (const answer of [undefined, null, { ok: false, error: 'x' }, { policyState: { policy: { nodes: 'x' } } }]) {
      expect(nodeLabel('https://meet.example.com', nodeNamesOf(answer))).toBe('meet.example.com');
    }
  });
  it('names fields in words and never asks to type "none"', () => {
    expect(plainIssue({ path: 'pin', message: 'enter the PIN (or "none" for a guest of a room without a guest PIN)' })).toBe(
      'PIN: enter the PIN, or tick "No PIN needed" if guests join without one.',
    );
    expect(plainIssue({ path: 'pin', message: '"none" is only possible for a guest (a host always has a PIN)' })).toBe('PIN: no PIN is only possible for a guest (a host always has a PIN)');
    expect(plainIssue({ path: 'url', message: 'must start with https://' })).toBe('Join link: must start with https://');
    expect(plainIssue({ path: 'alias', message: 'enter the meeting alias' })).toBe('Room name: enter the meeting alias');
  });
});

describe('form errors in plain words, tied to fields', () => {
  it('the summary names the fields by their labels; each problem goes to its input', () => {
    const issues = [
      { path: 'url', message: 'must start with https://' },
      { path: 'pin', message: 'must be 4-20 digits' },
      { path: 'pin', message: 'must not repeat one digit' },
      { path: 'recurrence.rule', message: 'needs an end' },
    ];
    expect(errorSummary(issues)).toBe('Not saved. Check the Join link, PIN and Repeats.');
    expect(errorSummary([issues[1]!])).toBe('Not saved. Check the PIN.');
    const byField = errorsByField(issues, { url: 'f-url', pin: 'f-pin' });
    expect([...byField]).toEqual([
      ['f-url', 'Join link: must start with https://'],
      ['f-pin', 'PIN: must be 4-20 digits PIN: must not repeat one digit'],
    ]);
  });
});
