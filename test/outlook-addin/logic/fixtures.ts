/** Shared test data for the add-in logic: the example policy and a meeting snapshot. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { organizerSettings } from '../../../outlook-addin/logic';
import { loadPolicy } from '../../../outlook-addin/logic/policyFile';
import type { MeetingSnapshot } from '../../../outlook-addin/logic';

/** examples/policy.json's text. */
export const EXAMPLE_POLICY_TEXT = readFileSync(join(process.cwd(), 'examples', 'policy.json'), 'utf8');
/** The example policy, parsed. */
export const POLICY = loadPolicy(EXAMPLE_POLICY_TEXT).policy;
/** The organizer settings under the example policy with no personal defaults. */
export const SETTINGS = organizerSettings(POLICY, null);

/** 2026-03-10 09:00-10:00 Europe/Berlin (08:00Z). */
export const START = Date.UTC(2026, 2, 10, 8, 0);

/** A meeting with two attendees and an Outlook-like body. */
export function meeting(over: Partial<MeetingSnapshot> = {}): MeetingSnapshot {
  return {
    subject: 'Quarterly review',
    start: START,
    end: START + 3_600_000,
    timeZone: 'Europe/Berlin',
    locale: 'en-GB',
    attendees: [
      { email: 'ana@example.com', name: 'Ana Lima' },
      { email: 'Bo@Example.com', name: 'Bo Chen' },
    ],
    recurrence: null,
    bodyHtml: '<html><body><p class=MsoNormal>Agenda: numbers.</p></body></html>',
    ...over,
  };
}
