/**
 * The shapes Office.js returns for the playground's item: the Recurrence object (SeriesTime in
 * the item's zone, Office's date and time formats), EmailAddressDetails, and Windows zone names.
 */
import { toWallTime, zoneOffsetMinutes } from '../../core/time';
import type { PlaygroundAttendee, PlaygroundItem } from './hostState';

/**
 * IANA -> Windows zone names for the playground's zone list: Outlook reports
 * `userProfile.timeZone` and `recurrenceTimeZone.name` in Windows format, so the fake does too.
 */
export const WINDOWS_ZONE_NAMES: Readonly<Record<string, string>> = {
  'Europe/London': 'GMT Standard Time',
  'Europe/Lisbon': 'GMT Standard Time',
  'Europe/Berlin': 'W. Europe Standard Time',
  'America/New_York': 'Eastern Standard Time',
  'America/Los_Angeles': 'Pacific Standard Time',
  'Asia/Tokyo': 'Tokyo Standard Time',
  'Asia/Kolkata': 'India Standard Time',
  'Australia/Sydney': 'AUS Eastern Standard Time',
  UTC: 'UTC',
};
/** The Windows name of an IANA zone (the IANA name itself when the playground has no mapping). */
export const windowsZoneName = (zone: string): string => WINDOWS_ZONE_NAMES[zone] ?? zone;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Office's Recurrence object for a playground series (SeriesTime in the item's zone, Office formats). */
export function officeRecurrence(item: PlaygroundItem) {
  const r = item.recurrence;
  if (!r) return null;
  const start = toWallTime(item.start, item.timeZone);
  const end = toWallTime(item.end, item.timeZone);
  const date = `${start.year}-${pad(start.month)}-${pad(start.day)}`;
  const properties: Record<string, unknown> = { interval: r.interval, firstDayOfWeek: 'mon' };
  if (r.type === 'weekly') properties.days = [...r.days];
  if (r.type === 'monthly') properties.dayOfMonth = start.day;
  return {
    recurrenceType: r.type,
    recurrenceProperties: properties,
    recurrenceTimeZone: { name: windowsZoneName(item.timeZone), offset: zoneOffsetMinutes(item.start, item.timeZone) },
    seriesTime: {
      getStartDate: () => date,
      getEndDate: () => r.endDate,
      getStartTime: () => `T${pad(start.hour)}:${pad(start.minute)}:00:000`,
      getEndTime: () => `T${pad(end.hour)}:${pad(end.minute)}:00:000`,
      getDuration: () => Math.round((item.end - item.start) / 60_000),
    },
  };
}

/** EmailAddressDetails for the organizer's view of an attendee. */
export function emailDetails(a: PlaygroundAttendee, organizerDomain: string) {
  const domain = a.email.split('@')[1]?.toLowerCase() ?? '';
  return { emailAddress: a.email, displayName: a.name, appointmentResponse: 'none', recipientType: domain === organizerDomain ? 'user' : 'externalUser' };
}

