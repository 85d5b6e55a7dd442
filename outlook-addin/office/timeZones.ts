/**
 * Windows time-zone names (what `userProfile.timeZone` returns) to IANA zones (what Intl and
 * core/time need). The common zones from CLDR's windowsZones table ("001" territory); anything
 * else falls back to the runtime's own zone.
 */
import { isValidTimeZone, zoneOffsetMinutes } from '../../core/time';

const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central Standard Time': 'America/Chicago',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'Eastern Standard Time': 'America/New_York',
  'SA Pacific Standard Time': 'America/Bogota',
  'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Buenos_Aires',
  'Pacific SA Standard Time': 'America/Santiago',
  'UTC': 'Etc/UTC',
  'Coordinated Universal Time': 'Etc/UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Arab Standard Time': 'Asia/Riyadh',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Kolkata',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'New Zealand Standard Time': 'Pacific/Auckland',
};

/**
 * An IANA zone for what Outlook reports: an IANA name as is; a known Windows name mapped (or
 * `fallback` when that keeps the same clock, e.g. Europe/Amsterdam for "W. Europe Standard
 * Time"); else `fallback` (the runtime's zone); else "UTC". Never throws.
 */
export function ianaTimeZone(reported: string | undefined | null, fallback: string | undefined = runtimeTimeZone()): string {
  if (typeof reported === 'string' && reported !== '') {
    if (isValidTimeZone(reported)) return reported;
    const mapped = WINDOWS_TO_IANA[reported.trim()];
    if (mapped && isValidTimeZone(mapped)) {
      // One Windows zone covers many IANA zones (W. Europe: Berlin, Amsterdam, Rome...): when the
      // runtime's own zone keeps the same clock all year, name it instead (what the organizer knows).
      return fallback && isValidTimeZone(fallback) && sameClock(fallback, mapped) ? fallback : mapped;
    }
  }
  return fallback && isValidTimeZone(fallback) ? fallback : 'UTC';
}

/** True when two zones have the same UTC offset in January and in July (same clock all year). */
function sameClock(a: string, b: string): boolean {
  const year = new Date().getUTCFullYear();
  return [Date.UTC(year, 0, 15), Date.UTC(year, 6, 15)].every((t) => zoneOffsetMinutes(t, a) === zoneOffsetMinutes(t, b));
}

/** The zone Intl says this runtime is in (the OS zone in classic Outlook), or undefined. */
export function runtimeTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
