/**
 * What the organizer hands out per invitee: personal messages (the invite body is the same for
 * everyone, so personal passcodes travel separately). Their links are ./personalLink.ts; the
 * roster's CSV export is ./rosterCsv.ts (the task pane loads it on first use).
 */
import { singleLine } from '../../core/invite/escape';
import type { Invitee } from '../../core/roster';
import { describeLead, describeSeries, formatInstant } from '../../core/time';
import { blockTimeZone, dialInNumber, usableLocale } from './block';
import { personalLink, personalRoomUrl } from './personalLink';
import type { MeetingSecurity, MeetingSnapshot, OrganizerSettings, PersonalMessage } from './types';

/**
 * When the link and passcode work, with the first opening in the organizer's zone, named:
 * "The link and passcode work from Tue 10 Mar, 08:45 (Europe/Berlin), 15 minutes before the
 * start, until 10 minutes after the end." A series states its rule in words (core/time's
 * describeSeries: "weekly on Tuesday, 1 hour each, until ..., Europe/Berlin time"), "each
 * occurrence" and when the first opens.
 */
function windowSentence(meeting: MeetingSnapshot, settings: Pick<OrganizerSettings, 'leadMinutes' | 'graceMinutes'>): string {
  const until = settings.graceMinutes > 0 ? `${describeLead(settings.graceMinutes)} after the end` : 'the end';
  const timeZone = blockTimeZone(meeting);
  const opens = `${formatInstant(meeting.start - Math.round(settings.leadMinutes * 60_000), { timeZone, locale: usableLocale(meeting.locale), withDate: true })} (${timeZone})`;
  if (meeting.recurrence) return `For this recurring series (${describeSeries(meeting.recurrence, usableLocale(meeting.locale))}), the link and passcode work from ${describeLead(settings.leadMinutes)} before each occurrence until ${until} of it; the first time from ${opens}.`;
  return `The link and passcode work from ${opens}, ${describeLead(settings.leadMinutes)} before the start, until ${until}.`;
}

/** "By phone: call N, enter conference ID <personal numeric alias> followed by #, then your passcode followed by #." (the invite's words, with their own ID) */
function phoneSteps(settings: Pick<OrganizerSettings, 'node'>, invitee: Invitee): string | null {
  const number = dialInNumber(settings);
  if (!number || !invitee.dialAlias) return null;
  return `By phone: call ${singleLine(number, 40)}, enter conference ID ${invitee.dialAlias} followed by #, then your passcode ${invitee.passcode} followed by #.`;
}

/**
 * One plain-text message per invitee of a 'per-invitee' meeting: their passcode, their personal
 * link (a capture link to their personal alias, see {@link personalLink}), the same link without
 * the extension's part, the phone steps (their personal numeric alias, then the passcode) when
 * the node has a dial-in number, and when the codes work. The invite's own link admits hosts
 * only, so this message is how an invitee gets in. Empty for other modes. Text only: the caller
 * must not render it as HTML (names and subjects may contain markup). Throws RangeError when the
 * meeting's times cannot make a window (end not after start).
 */
export function personalMessages(meeting: MeetingSnapshot, security: MeetingSecurity, settings: OrganizerSettings): PersonalMessage[] {
  if (security.passcodeMode !== 'per-invitee' || !security.roster) return [];
  const subject = singleLine(meeting.subject) || 'meeting';
  return security.roster.invitees.map((inv) => {
    const phone = phoneSteps(settings, inv);
    return {
      email: inv.email,
      name: inv.name,
      subject: `Your personal link and passcode for "${subject}"`,
      text: [
        `Hello ${singleLine(inv.name)},`,
        '',
        `your personal passcode for "${subject}" is ${inv.passcode}. Please keep it and your link to yourself: they identify you in the meeting. The link in the invitation admits hosts only.`,
        `Personal join link: ${personalLink(meeting, security, settings, inv)}`,
        'With the SecureJoin browser extension, opening this link saves your passcode and the meeting time, so it is filled in when the meeting opens. The passcode is in the part of the link that browsers never send to a server.',
        `Without the extension: open ${personalRoomUrl(security, inv)} and type your passcode when asked for a PIN.`,
        ...(phone ? [phone] : []),
        windowSentence(meeting, settings),
      ].join('\n'),
    };
  });
}
