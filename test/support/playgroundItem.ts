/**
 * The unit tests' playground meeting: one hour from {@link PLAYGROUND_START} in Berlin, Ana
 * Lima invited, an agenda in the body; each test overrides what it is about.
 */
import type { PlaygroundItem } from '../../dev/outlook-playground/hostState';

export const PLAYGROUND_START = Date.UTC(2030, 2, 4, 9, 0); // 10:00 in Berlin

export const playgroundItem = (over: Partial<PlaygroundItem> = {}): PlaygroundItem => ({
  subject: 'Plan',
  location: '',
  start: PLAYGROUND_START,
  end: PLAYGROUND_START + 3_600_000,
  timeZone: 'Europe/Berlin',
  requiredAttendees: [{ email: 'ana@example.com', name: 'Ana Lima' }],
  optionalAttendees: [],
  recurrence: null,
  bodyHtml: '<div>Agenda</div>',
  ...over,
});
