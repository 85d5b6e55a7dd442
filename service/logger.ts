/**
 * The service's pino logger. Request logs carry method, URL and status only; the Authorization
 * header and any field that could hold a code or token are redacted in case one is ever logged.
 */
import { pino } from 'pino';
import type { Logger } from 'pino';
import type { MeetingServiceOptions } from './options';

const REDACT = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  '*.hostPin',
  '*.guestPin',
  '*.passcode',
  '*.accessCode',
  '*.token',
  'token',
];

export function createLogger(opts: Pick<MeetingServiceOptions, 'logLevel' | 'logStream'>): Logger {
  const level = opts.logLevel ?? 'info';
  const options = { level, redact: { paths: REDACT, censor: '[redacted]' } };
  return opts.logStream ? pino(options, opts.logStream) : pino(options);
}
