/**
 * One status at a time (issue 22): which confirmation may still be shown (what the invite last
 * sent said is ./sentInvite.ts, which the pane's truth in ./drift.ts reads too). A confirmation ("New codes generated") belongs to the
 * state it was said in: once the state changes (a new subject, a moved meeting, a Send) it is
 * history, and the pane drops it instead of showing it beside a newer truth.
 * Pure: plain data in, plain data out.
 */
import type { PaneTruth } from './drift';
import type { MeetingSecurity, OrganizerChoices } from './types';

/** True when the organizer's choices differ from what the codes were made for (a mode or the access code switched). */
export function choicesDiffer(security: MeetingSecurity | null, choices: OrganizerChoices): boolean {
  return security !== null && (security.passcodeMode !== choices.passcodeMode || (security.accessCode !== null) !== choices.accessCode);
}

/** The state a confirmation was said in: the truth at the top and whether (and what) was sent. */
export function statusKey(truth: PaneTruth | null, sentInvite: string | null | undefined): string {
  return JSON.stringify([truth?.state ?? null, truth?.headline ?? null, truth?.drifts.map((d) => d.text) ?? [], sentInvite ?? null]);
}

/** A pane message tied to the state it was said in. */
export interface KeyedMessage {
  kind: 'info' | 'error';
  text: string;
  key: string;
}

/** The message still to show in the state with `key`: null once the state it was said in has changed. */
export function currentMessage<M extends KeyedMessage>(message: M | null, key: string): M | null {
  return message && message.key === key ? message : null;
}
