/**
 * Reads SecureJoin's own activation sentence back into an instant, so a pasted invite without a
 * "Save in SecureJoin" link (per-invitee mode's shared block, a forwarded or older invite) keeps
 * the time its code opens. The add-in writes it with core/time's activationSentence:
 * "The code works from Tue 24 Nov, 09:45 (Europe/Berlin), 15 minutes before the start." The
 * date and time are shaped by the organizer's Outlook display language (24 h or AM/PM, day and
 * month order, month names in that language) and the year is not written.
 *
 * So the sentence is not parsed by a grammar per language. Its numbers give candidates (hour,
 * or hour + 12; day; every month; the years around `now`) and a candidate counts only when Intl,
 * in one of the languages Outlook is offered in, writes exactly the same words for it, weekday
 * included (which also settles the year). Anything else, or two different readings, is
 * unknown (null): a wrong time would make the extension spend an attempt, an unknown one makes
 * it ask. A time written twice in a night when clocks go back is read as the later one, when the
 * code certainly works. Only for the extension: the task pane never imports this module.
 */
import { describeLead, formatInstant } from '../time/format';
import { isValidTimeZone, toWallTime, wallTimeToInstant } from '../time/zone';
import type { EpochMs } from '../types';

/** Office's display languages (and the English, German, French, Spanish and Dutch regions in use). */
export const OUTLOOK_LOCALES: readonly string[] = [
  'en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CA',
  'fr-CH', 'es-ES', 'es-MX', 'es-US', 'it-IT', 'nl-NL', 'nl-BE', 'pt-BR', 'pt-PT', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL',
  'cs-CZ', 'sk-SK', 'hu-HU', 'ro-RO', 'bg-BG', 'hr-HR', 'sl-SI', 'sr-Latn-RS', 'et-EE', 'lv-LV', 'lt-LT', 'el-GR', 'tr-TR',
  'ru-RU', 'uk-UA', 'kk-KZ', 'he-IL', 'ar-SA', 'hi-IN', 'th-TH', 'vi-VN', 'id-ID', 'ms-MY', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW',
  'ca-ES', 'eu-ES', 'gl-ES',
];

/** When a block's code opens, as its sentences say. */
export interface BlockActivation {
  /** When the code starts working (UTC ms). For a series: in its first occurrence. */
  opensAt: EpochMs;
  /** Minutes before the start: the meeting starts at `opensAt` + this. */
  leadMinutes: number;
  /** The zone the sentence names. */
  timeZone: string;
  /** The block also says "For this recurring series ... each occurrence". */
  recurring: boolean;
}

const SENTENCE = /^the code works from (.{3,80}) \(([^()]{1,64})\), (.{1,60})\.$/i;
const LEAD = /^(\d{1,6}) (minutes?|hours?) before the start$/i;
const MAX_LEAD_MINUTES = 7 * 24 * 60;

/** Spaces as any mail client may have turned them (no-break, narrow no-break) made plain. */
const plain = (s: string): string => s.replace(/[\s\u00a0\u202f\u2009\u200b\ufeff]+/g, ' ').trim();

/** The numbers written in `s`, Arabic-Indic and Persian digits included. */
function numbersIn(s: string): number[] {
  const latin = s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) - 0x0660) % 0x90));
  return (latin.match(/\d+/g) ?? []).map(Number);
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Intl's formatter for `locale` in UTC (`date`: weekday, day, month as the add-in writes them; else the time). */
function formatter(locale: string, date: boolean): Intl.DateTimeFormat | null {
  const key = `${locale}|${date}`;
  if (!formatters.has(key)) {
    try {
      formatters.set(key, new Intl.DateTimeFormat(locale, date ? { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' } : { timeStyle: 'short', timeZone: 'UTC' }));
    } catch {
      formatters.set(key, null); // a language this runtime lacks reads as no match
    }
  }
  return formatters.get(key) ?? null;
}

/** The lead the sentence's tail states, or null. */
function leadOf(tail: string): number | null {
  if (/^when the meeting starts$/i.test(tail)) return 0;
  const m = LEAD.exec(tail);
  if (!m) return null;
  const minutes = Number(m[1]) * (/^hour/i.test(m[2] as string) ? 60 : 1);
  // describeLead writes it back the same way, or it was not ours.
  return minutes <= MAX_LEAD_MINUTES && describeLead(minutes) === `${m[1]} ${(m[2] as string).toLowerCase()}` ? minutes : null;
}

/**
 * The instant an activation sentence states, read as described in the module comment, with
 * `now` (UTC ms) placing the unwritten year (the year before, of, or after `now` in the named
 * zone). Null when the sentence is not ours, has no date (blocks before issue 13 left it out on
 * the meeting's own day), names an unknown zone or reads two ways. Never throws.
 */
export function readActivationSentence(sentence: string, now: EpochMs, recurringSentence?: string): BlockActivation | null {
  try {
    const m = SENTENCE.exec(plain(sentence));
    if (!m || !Number.isFinite(now)) return null;
    const when = m[1] as string;
    const timeZone = m[2] as string;
    const leadMinutes = leadOf(m[3] as string);
    const comma = when.lastIndexOf(', ');
    if (leadMinutes === null || comma < 0 || !isValidTimeZone(timeZone)) return null;
    const datePart = when.slice(0, comma);
    const timePart = when.slice(comma + 2);
    const [hour, minute] = numbersIn(timePart);
    if (hour === undefined || minute === undefined || hour > 23 || minute > 59) return null;
    const hours = hour <= 12 ? [...new Set([hour, (hour + 12) % 24])] : [hour];
    // A date the add-in writes holds at most a day and a month number ("24.11.", "11月24日").
    const days = [...new Set(numbersIn(datePart).filter((d) => d >= 1 && d <= 31))].slice(0, 3);
    const year = toWallTime(now, timeZone).year;
    const found = new Set<number>();
    for (const locale of OUTLOOK_LOCALES) {
      const time = formatter(locale, false);
      const date = formatter(locale, true);
      if (!time || !date) continue;
      for (const h of hours) {
        if (plain(time.format(Date.UTC(2000, 0, 1, h, minute))) !== timePart) continue;
        for (const day of days) {
          for (let y = year - 1; y <= year + 1; y++) {
            for (let month = 1; month <= 12; month++) {
              const noon = Date.UTC(y, month - 1, day, 12);
              if (new Date(noon).getUTCDate() !== day || plain(date.format(noon)) !== datePart) continue;
              const wall = { year: y, month, day, hour: h, minute };
              // The later of a repeated hour first: then the code certainly works.
              for (const overlap of ['later', 'earlier'] as const) {
                const at = wallTimeToInstant(wall, timeZone, { overlap });
                if (plain(formatInstant(at, { timeZone, locale, withDate: true })) === when) {
                  found.add(at);
                  break;
                }
              }
            }
          }
        }
      }
    }
    if (found.size !== 1) return null;
    const opensAt = [...found][0] as number;
    const recurring = typeof recurringSentence === 'string' && /^for this recurring series\b/i.test(plain(recurringSentence));
    return { opensAt, leadMinutes, timeZone, recurring };
  } catch {
    return null;
  }
}
