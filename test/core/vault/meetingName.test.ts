/**
 * A saved meeting is named by the invite's subject (a capture link's or a pasted invite's), the
 * user's own label winning, the alias only when neither is known; records stored before
 * subjects were kept still load.
 */
import { describe, expect, it } from 'vitest';
import { buildCaptureLink, captureSubject, MAX_CAPTURE_SUBJECT_LENGTH, parseCaptureLink } from '../../../core/links/capture';
import { base64UrlEncodeText } from '../../../core/links/base64url';
import { parseInvite } from '../../../core/invite/parse';
import { describeChanges, fromCaptureRecord, fromParsedInvite, meetingName, newSavedMeeting, parseSavedMeeting, upgradeStoredMeeting } from '../../../core/vault';
import { meeting, T0 } from './support';

const room = { origin: 'https://meet.example.com', path: 'webapp3', alias: 'k7Qm2xPz', role: 'guest' as const, pin: '48213579' };

describe('the subject in a capture link', () => {
  it('travels in the fragment and becomes the saved meeting\'s subject', () => {
    const link = buildCaptureLink({ ...room, subject: 'Quarterly review' });
    const read = parseCaptureLink(link);
    expect(read.ok && read.value.subject).toBe('Quarterly review');
    const saved = read.ok ? fromCaptureRecord(read.value, T0, 'c1') : null;
    expect(saved?.ok && saved.value).toMatchObject({ alias: 'k7Qm2xPz', subject: 'Quarterly review' });
    expect(saved?.ok && meetingName(saved.value)).toBe('Quarterly review');
  });

  it('is one line, cut to fit, and left out when blank; a link without one still reads', () => {
    expect(captureSubject(' Budget\n-- End of SecureJoin secure access --\t ')).toBe('Budget -- End of SecureJoin secure access --');
    const long = captureSubject('x'.repeat(300)) as string;
    expect(long).toHaveLength(MAX_CAPTURE_SUBJECT_LENGTH);
    expect(long.endsWith('…')).toBe(true);
    expect(buildCaptureLink({ ...room, subject: ' \n ' })).toBe(buildCaptureLink(room));
    const old = parseCaptureLink(buildCaptureLink(room));
    expect(old.ok && old.value.subject).toBeUndefined();
  });

  it('refuses a crafted payload whose subject is not one line of visible text, or too long', () => {
    const url = (subject: unknown) => `https://meet.example.com/webapp3/m/k7Qm2xPz#sj=${base64UrlEncodeText(JSON.stringify({ v: 1, role: 'guest', pin: '48213579', subject }))}`;
    for (const subject of ['a\nb', '\u2028', '   ', '', 'x'.repeat(MAX_CAPTURE_SUBJECT_LENGTH + 1), 42]) {
      const read = parseCaptureLink(url(subject));
      expect(read.ok, JSON.stringify(subject)).toBe(false);
      expect([...new Set(read.ok ? [] : read.errors.map((e) => e.path))]).toEqual(['payload.subject']);
    }
  });
});

describe('meetingName', () => {
  it('the user\'s label, else the invite\'s subject, else the alias', () => {
    expect(meetingName(meeting({ label: 'Mine', subject: 'Quarterly review' }))).toBe('Mine');
    expect(meetingName(meeting({ subject: 'Quarterly review' }))).toBe('Quarterly review');
    expect(meetingName(meeting())).toBe('Alice.Room');
  });

  it('records stored before subjects were kept load as they are, named by label or alias', () => {
    const stored = { ...meeting(), label: 'Ops' };
    const v1 = upgradeStoredMeeting(stored);
    expect(v1).toEqual({ ok: true, value: stored });
    expect(v1.ok && meetingName(v1.value)).toBe('Ops');
    const v0 = upgradeStoredMeeting({ id: 3, url: 'https://meet.example.com/webapp3/m/ops?role=guest', pin: '2468 1357' }, T0);
    expect(v0.ok && v0.value.subject).toBeUndefined();
    expect(v0.ok && meetingName(v0.value)).toBe('ops');
    // A subject is checked like a label: visible text of one line.
    expect(parseSavedMeeting(meeting({ subject: 'a\nb' })).ok).toBe(false);
  });

  it('a new subject from a capture link is a change the user sees', () => {
    expect(describeChanges(meeting({ subject: 'Budget' }), meeting({ subject: 'Budget 2031' }))).toEqual([{ field: 'subject', before: 'Budget', after: 'Budget 2031' }]);
  });

  it('an entered subject is made one line; an empty one is left out', () => {
    const made = newSavedMeeting({ url: 'https://meet.example.com/webapp3/m/ops', role: 'guest', pin: '24681357', subject: ' Ops\r\nweekly ' }, T0, 'n1');
    expect(made.ok && made.value.subject).toBe('Ops weekly');
    const none = newSavedMeeting({ url: 'https://meet.example.com/webapp3/m/ops', role: 'guest', pin: '24681357', subject: '  ' }, T0, 'n2');
    expect(none.ok && 'subject' in none.value).toBe(false);
  });
});

describe('the subject of a pasted invite', () => {
  it('comes from the forwarded mail\'s Subject line (prefixes dropped) when there is no SecureJoin block', () => {
    const text = [
      '---------- Forwarded message ---------',
      'From: Alex Example <alex@example.com>',
      'Date: Mon, 14 Jan 2030 at 09:00',
      'Subject: FW: Re: Quarterly review',
      '',
      'Join: https://video.example.org/webapp3/m/team.alpha?role=guest',
      'Guest PIN: 24681357',
    ].join('\n');
    const [draft] = fromParsedInvite(parseInvite(text));
    expect(draft).toMatchObject({ alias: 'team.alpha', pin: '24681357', subject: 'Quarterly review' });
    expect(draft?.label).toBeUndefined();
  });

  it('reads Subject lines in other languages, only in a mail\'s header, never from the wrong mail', () => {
    const german = 'Betreff: WG: Projekt Alpha\n\nhttps://video.example.org/webapp3/m/alpha\nPIN: 24681357';
    expect(fromParsedInvite(parseInvite(german))[0]?.subject).toBe('Projekt Alpha');
    expect(fromParsedInvite(parseInvite('Objet : TR : Revue trimestrielle\nhttps://video.example.org/webapp3/m/alpha\nCode secret : 24681357'))[0]?.subject).toBe('Revue trimestrielle');
    expect(fromParsedInvite(parseInvite('件名: 定例会議\nhttps://video.example.org/webapp3/m/alpha\nPIN: 24681357'))[0]?.subject).toBe('定例会議');
    // Far down in the body it is prose, not a header.
    const prose = `${'Notes.\n'.repeat(15)}Subject: this is not a header\nhttps://video.example.org/webapp3/m/alpha\nPIN: 24681357`;
    expect(fromParsedInvite(parseInvite(prose))[0]?.subject).toBeUndefined();
    // The meeting is in the forwarded mail: the top mail's subject is not its name.
    const forwarded = [
      'Subject: Lunch?',
      'See below.',
      '-----Original Message-----',
      'From: Bo <bo@example.com>',
      'Sent: Monday, 14 January 2030 09:00',
      'Subject: Design sync',
      'https://video.example.org/webapp3/m/design',
      'PIN: 13572468',
    ].join('\n');
    expect(fromParsedInvite(parseInvite(forwarded))[0]).toMatchObject({ alias: 'design', subject: 'Design sync' });
  });

  it('a capture link in a pasted text gives its subject', () => {
    const link = buildCaptureLink({ ...room, origin: 'https://video.example.org', subject: 'Board' });
    expect(fromParsedInvite(parseInvite(`Your link: ${link}`))[0]).toMatchObject({ alias: 'k7Qm2xPz', subject: 'Board', pin: '48213579' });
  });
});
