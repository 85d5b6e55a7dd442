/**
 * The Event sink's metrics (../routes/eventSink.ts), in the service's one registry. Labels come
 * from closed sets: a documented event name or `unknown`, an outcome; never a node's events'
 * contents (no name, no alias).
 */
import { Counter } from 'prom-client';
import { OTHER_KNOWN_EVENTS, PARTICIPANT_EVENTS, eventLabel } from '../../core/attendance';
import { registry } from './registry';

/** What became of one event: recorded on an attendance row, a duplicate (a resend), not on a SecureJoin alias, or nothing to record. */
export type SinkOutcome = 'recorded' | 'duplicate' | 'not_ours' | 'accepted';

const events = new Counter({
  name: 'securejoin_eventsink_events_total',
  help: 'Pexip Infinity Event sink events by event name (unknown for undocumented ones) and outcome: recorded, duplicate, not_ours (an alias that is not SecureJoin\'s), accepted (nothing to record)',
  labelNames: ['event', 'outcome'] as const,
  registers: [registry],
});

const malformed = new Counter({
  name: 'securejoin_eventsink_malformed_total',
  help: 'Event sink bodies refused as malformed (400, nothing stored)',
  registers: [registry],
});

const gaps = new Counter({
  name: 'securejoin_eventsink_sequence_gaps_total',
  help: 'Jumps in a Conferencing Node\'s event sequence (events lost on the way)',
  registers: [registry],
});

const missing = new Counter({
  name: 'securejoin_eventsink_missing_events_total',
  help: 'Events a sequence jump says never arrived',
  registers: [registry],
});

for (const event of [...PARTICIPANT_EVENTS, ...OTHER_KNOWN_EVENTS, 'unknown']) {
  for (const outcome of ['recorded', 'duplicate', 'not_ours', 'accepted'] as const) events.inc({ event, outcome }, 0);
}

/** Counts one event. */
export function countSinkEvent(event: string, outcome: SinkOutcome): void {
  events.inc({ event: eventLabel(event), outcome });
}

/** Counts one malformed body. */
export function countSinkMalformed(): void {
  malformed.inc();
}

/** Counts one sequence jump of `count` missing events. */
export function countSequenceGap(count: number): void {
  gaps.inc();
  missing.inc(count);
}
