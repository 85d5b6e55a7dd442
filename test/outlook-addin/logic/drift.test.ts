/**
 * logic/drift.ts: what the top of the task pane says, for each way the item can differ from what
 * SecureJoin wrote into it and registered with the meeting service (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { findInviteBlock } from '../../../core/invite/upsert';
import { applySecurity, createSecurity, itemMoved, meetingBody, paneTruth } from '../../../outlook-addin/logic';
import type { DriftInput, MeetingSecurity, MeetingSnapshot, RegistrationView } from '../../../outlook-addin/logic';
import { meeting, POLICY, SETTINGS, START } from './fixtures';

const HOUR = 3_600_000;

/** A meeting with its block written and registered as it is: the pane's "up to date" case. */
function written(over: Partial<MeetingSnapshot> = {}): { meeting: MeetingSnapshot; security: MeetingSecurity; registered: string } {
  const m = meeting(over);
  const { bodyHtml, security } = applySecurity(m, createSecurity(m, SETTINGS.choices, SETTINGS, POLICY), SETTINGS);
  const after = { ...m, bodyHtml };
  return { meeting: after, security, registered: meetingBody(after, security, SETTINGS) };
}
const ok = (registered: string | null | undefined): RegistrationView => ({ state: 'ok', text: 'Room registered.', registered });
const input = (m: MeetingSnapshot, security: MeetingSecurity | null, registration: RegistrationView, wrote = true): DriftInput => ({ meeting: m, security, settings: SETTINGS, written: wrote, registration });
const kinds = (i: DriftInput) => paneTruth(i).drifts.map((d) => d.kind);

describe('paneTruth', () => {
  it('says up to date only when the block and the registration match the meeting', () => {
    const w = written();
    expect(paneTruth(input(w.meeting, w.security, ok(w.registered)))).toEqual({ state: 'current', headline: 'The block in the invite is up to date.', drifts: [], action: null });
  });

  it('a block never inserted: not inserted, "Insert block"', () => {
    const m = meeting();
    expect(paneTruth(input(m, createSecurity(m, SETTINGS.choices, SETTINGS, POLICY), { state: 'idle', text: '', registered: null }, false))).toMatchObject({ state: 'absent', headline: 'No SecureJoin block in the invite yet.', action: 'Insert block' });
  });

  it('the block deleted by hand: says so, "Insert block"', () => {
    const w = written();
    const truth = paneTruth(input({ ...w.meeting, bodyHtml: meeting().bodyHtml }, w.security, ok(w.registered)));
    expect(truth).toEqual({
      state: 'stale',
      headline: 'The SecureJoin block is missing:',
      drifts: [{ kind: 'block-deleted', text: 'The SecureJoin block was deleted from the invite: attendees would get no link and no code.', action: 'Insert block' }],
      action: 'Insert block',
    });
  });

  it('the access-code line deleted: names the line, "Update block"', () => {
    const w = written();
    const body = w.meeting.bodyHtml.replace(/<p[^>]*>(?:(?!<\/p>).)*Access code:(?:(?!<\/p>).)*<\/p>/s, '');
    expect(body).not.toContain('Access code:');
    const truth = paneTruth(input({ ...w.meeting, bodyHtml: body }, w.security, ok(w.registered)));
    expect(truth).toMatchObject({ state: 'stale', headline: 'The block in the invite is out of date:', action: 'Update block' });
    expect(truth.drifts[0]).toEqual({ kind: 'access-code-deleted', text: 'The access code line was deleted from the invite.', action: 'Update block' });
  });

  it('a join link whose real URL sits only in its title or data-href: out of date, never "up to date" (issue 24)', () => {
    const w = written();
    const url = /href="(https:\/\/[^"]+\/m\/[^"#]+)"/.exec(w.meeting.bodyHtml)?.[1] ?? '';
    expect(url).not.toBe('');
    for (const attrs of [`title='href="${url}"' href="https://evil.example/steal"`, `data-href="${url}" href="https://evil.example/steal"`]) {
      const body = w.meeting.bodyHtml.replace(`href="${url}"`, attrs);
      expect(body).not.toBe(w.meeting.bodyHtml);
      const truth = paneTruth(input({ ...w.meeting, bodyHtml: body }, w.security, ok(w.registered)));
      expect(truth).toMatchObject({ state: 'stale', action: 'Update block' });
      expect(truth.drifts.map((d) => d.text).join(' ')).toMatch(/leads to another address than the one it shows/);
    }
  });

  it('a digit of the access code changed: says what it reads and what it should', () => {
    const w = written();
    const code = w.security.accessCode as string;
    const changed = `${code.slice(0, -1)}${code.endsWith('1') ? '2' : '1'}`;
    const truth = paneTruth(input({ ...w.meeting, bodyHtml: w.meeting.bodyHtml.split(code).join(changed) }, w.security, ok(w.registered)));
    expect(truth.state).toBe('stale');
    expect(truth.drifts).toContainEqual({ kind: 'access-code-changed', text: `The access code in the invite was changed: it reads ${changed}, but this meeting's code is ${code}.`, action: 'Update block' });
  });

  it('the subject changed after the block was written: the block still names the old one', () => {
    const w = written();
    const truth = paneTruth(input({ ...w.meeting, subject: 'Budget' }, w.security, ok(w.registered)));
    expect(truth.state).toBe('stale');
    expect(truth.drifts).toEqual([
      { kind: 'subject', text: 'The meeting\'s subject is now "Budget", but the block in the invite says "Quarterly review".', action: 'Update block' },
      { kind: 'service-behind', text: 'The meeting service still holds the meeting\'s old subject.', action: 'Update block' },
    ]);
    expect(paneTruth(input({ ...w.meeting, subject: '' }, w.security, ok(w.registered))).drifts[0]?.text).toBe('The meeting has no subject now, but the block in the invite still names one.');
  });

  it('the meeting moved: the block quotes its old time, and the service holds the old time', () => {
    const w = written();
    const truth = paneTruth(input({ ...w.meeting, start: START + 2 * HOUR, end: START + 3 * HOUR }, w.security, ok(w.registered)));
    expect(truth.action).toBe('Update block');
    expect(truth.drifts).toEqual([
      { kind: 'time', text: 'The meeting time changed, but the invite still says: "The code works from Tue 10 Mar, 08:45 (Europe/Berlin), 15 minutes before the start."', action: 'Update block' },
      { kind: 'service-behind', text: 'The meeting service still holds the meeting\'s old time.', action: 'Update block' },
    ]);
  });

  it('a moved meeting with a shared passcode: the save link (it carries the window) differs because of the move, not a hand edit', () => {
    const choices = { accessCode: true, passcodeMode: 'shared' as const };
    const m = meeting();
    const { bodyHtml, security } = applySecurity(m, createSecurity(m, choices, SETTINGS, POLICY), SETTINGS);
    const w = { ...m, bodyHtml };
    expect(paneTruth(input(w, security, ok(meetingBody(w, security, SETTINGS)))).state).toBe('current');
    const moved = paneTruth(input({ ...w, start: START + HOUR, end: START + 2 * HOUR }, security, ok(meetingBody(w, security, SETTINGS))));
    expect(moved.drifts.map((d) => d.kind)).toEqual(['time', 'time', 'service-behind']);
    // Edited by hand (the time as it was): the block's own change.
    const link = findInviteBlock(bodyHtml, 'html')?.fields.captureUrl as string;
    const forged = bodyHtml.split(link).join(`${link.slice(0, -1)}${link.endsWith('A') ? 'B' : 'A'}`);
    expect(forged).not.toBe(bodyHtml);
    expect(kinds(input({ ...w, bodyHtml: forged }, security, ok(meetingBody(w, security, SETTINGS))))).toContain('block');
  });

  it('an attendee added and one removed (per-invitee passcodes): who has none, whose still opens the room', () => {
    const w = written();
    const attendees = [{ email: 'ana@example.com', name: 'Ana Lima' }, { email: 'cy@example.com', name: 'Cy' }];
    const truth = paneTruth(input({ ...w.meeting, attendees }, w.security, ok(w.registered)));
    expect(truth.state).toBe('stale');
    expect(truth.drifts).toEqual([
      { kind: 'attendees', text: 'Added to the meeting but without a passcode yet: cy@example.com.', action: 'Update block' },
      { kind: 'attendees', text: 'Removed from the meeting but their passcode still opens the room: bo@example.com.', action: 'Update block' },
    ]);
  });

  it('the repeat pattern changed: the block\'s series line (it states the rule, issue 13) and the service hold the old one', () => {
    const weekly = { start: START, end: START + HOUR, timeZone: 'Europe/Berlin', rule: { frequency: 'weekly' as const } };
    const w = written({ recurrence: weekly });
    const truth = paneTruth(input({ ...w.meeting, recurrence: { ...weekly, rule: { frequency: 'daily' } } }, w.security, ok(w.registered)));
    expect(truth).toEqual({
      state: 'stale',
      headline: 'The block in the invite is out of date:',
      drifts: [
        { kind: 'time', text: 'The series line in the invite does not say how the series repeats now.', action: 'Update block' },
        { kind: 'service-behind', text: 'The meeting service still holds the meeting\'s old repeat pattern.', action: 'Update block' },
      ],
      action: 'Update block',
    });
    // A one-off made a series: the block lacks "before each occurrence" too.
    const once = written();
    expect(kinds(input({ ...once.meeting, recurrence: weekly }, once.security, ok(once.registered)))).toEqual(['time', 'service-behind']);
  });

  it('a failed registration is the state, never "up to date"; a missing sign-in offers "Sign in to the meeting service"', () => {
    const w = written();
    const failed = paneTruth(input(w.meeting, w.security, { state: 'failed', text: 'Could not reach the meeting service (https://securejoin.example.com): Failed to fetch', registered: null }));
    expect(failed).toEqual({
      state: 'unregistered',
      headline: 'The meeting service does not hold this meeting as the invite says:',
      drifts: [{ kind: 'not-registered', text: 'The meeting is not registered with the meeting service: Could not reach the meeting service (https://securejoin.example.com): Failed to fetch', action: 'Update block' }],
      action: 'Update block',
    });
    const signIn = paneTruth(input(w.meeting, w.security, { state: 'sign-in', text: 'You are not signed in.', registered: w.registered }));
    expect(signIn).toMatchObject({ state: 'unregistered', action: 'Sign in to the meeting service', drifts: [{ kind: 'sign-in', text: 'You are not signed in.', action: 'Sign in to the meeting service' }] });
  });

  it('never registered: "not registered"; registering: says so, no button; registered with other codes: says so', () => {
    const w = written();
    expect(paneTruth(input(w.meeting, w.security, { state: 'idle', text: '', registered: null })).drifts).toEqual([
      { kind: 'not-registered', text: 'The meeting is not registered with the meeting service, so its codes would not open the room.', action: 'Update block' },
    ]);
    expect(paneTruth(input(w.meeting, w.security, { state: 'pending', text: 'Registering…', registered: null }))).toEqual({ state: 'pending', headline: 'Registering the meeting with the meeting service…', drifts: [], action: null });
    const other = written();
    expect(paneTruth(input(w.meeting, w.security, ok(other.registered))).drifts.map((d) => d.text)).toEqual(['The meeting service still holds the meeting\'s old invitees and codes.']);
  });

  it('the block removed but the meeting not taken off the service: its codes still open the room, "Remove block"', () => {
    const m = meeting();
    const text = 'The meeting could not be removed from the meeting service, so its codes still open the room. You are not signed in.';
    expect(paneTruth(input(m, null, { state: 'sign-in', text, registered: null }, false))).toEqual({
      state: 'unregistered',
      headline: 'The meeting service does not hold this meeting as the invite says:',
      drifts: [{ kind: 'not-withdrawn', text, action: 'Remove block' }],
      action: 'Remove block',
    });
    // Removed and taken off: nothing but "not inserted".
    expect(paneTruth(input(m, null, { state: 'idle', text: 'The meeting was removed from the meeting service.', registered: null }, false)).state).toBe('absent');
  });

  it('nothing to compare the registration with (no service, or codes read back without PINs): only the block counts', () => {
    const w = written();
    expect(paneTruth({ ...input(w.meeting, w.security, { state: 'not-configured', text: '', registered: null }), settings: { ...SETTINGS, service: null } }).state).toBe('current');
    expect(paneTruth(input(w.meeting, { ...w.security, hostPin: '' }, { state: 'idle', text: '', registered: null })).state).toBe('current');
    expect(paneTruth(input(w.meeting, w.security, { state: 'ok', text: '', registered: undefined })).state).toBe('current');
  });

  it('a block with no codes SecureJoin knows is damaged', () => {
    const w = written();
    expect(paneTruth(input(w.meeting, null, ok(w.registered)))).toMatchObject({ state: 'stale', action: 'Update block', drifts: [{ kind: 'block-damaged' }] });
  });

  it('is never "up to date" while any difference exists', () => {
    const w = written();
    const cases: DriftInput[] = [
      input({ ...w.meeting, subject: 'x' }, w.security, ok(w.registered)),
      input({ ...w.meeting, start: START + HOUR, end: START + 2 * HOUR }, w.security, ok(w.registered)),
      input(w.meeting, w.security, { state: 'failed', text: 'no', registered: w.registered }),
      input({ ...w.meeting, bodyHtml: '' }, w.security, ok(w.registered)),
    ];
    for (const c of cases) {
      const truth = paneTruth(c);
      expect(truth.state).not.toBe('current');
      expect(truth.drifts.length).toBeGreaterThan(0);
      expect(truth.action).toBe(truth.drifts[0]?.action);
    }
  });
});

describe('itemMoved', () => {
  it('is true for a change of time, zone, attendees or recurrence, and false for body and subject edits', () => {
    const m = meeting();
    expect(itemMoved(m, { ...m, subject: 'other', bodyHtml: '<p>x</p>' })).toBe(false);
    expect(itemMoved(m, { ...m, start: m.start + 1 })).toBe(true);
    expect(itemMoved(m, { ...m, end: m.end + 1 })).toBe(true);
    expect(itemMoved(m, { ...m, timeZone: 'UTC' })).toBe(true);
    expect(itemMoved(m, { ...m, attendees: m.attendees.slice(1) })).toBe(true);
    expect(itemMoved(m, { ...m, recurrence: { start: m.start, end: m.end, timeZone: 'Europe/Berlin', rule: { frequency: 'daily' } } })).toBe(true);
  });
});
