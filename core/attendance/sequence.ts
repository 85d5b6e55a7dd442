/**
 * Per-node sequence numbers (platform facts §10): each Conferencing Node numbers the events it
 * sends to one sink 1, 2, 3, ... from the sink's start on that node, and starts again at 1 when
 * the sink restarts. A jump forward means events were lost on the way: it is noted (a metric and
 * a log line), never an error, since the events that did arrive are still true.
 */

/** What one event's `seq` says about the node's stream. */
export type SeqOutcome =
  /** The first event seen from this node (nothing to compare with). */
  | { kind: 'first' }
  /** The next one, as expected. */
  | { kind: 'next' }
  /** `missing` events between the last one seen and this one never arrived (yet). */
  | { kind: 'gap'; missing: number; after: number }
  /** The sink restarted on the node (`eventsink_started`, or 1 again): counting starts afresh. */
  | { kind: 'restart' }
  /** Older than the newest seen: arrived out of order (a duplicate is caught before this). */
  | { kind: 'late' };

/** The outcome for `seq` after `last` (null: none seen), and the node's newest seq from now on. */
export function nextSequence(last: number | null, seq: number, event: string): { outcome: SeqOutcome; last: number } {
  if (last === null) return { outcome: { kind: 'first' }, last: seq };
  if (event === 'eventsink_started' || (seq === 1 && last !== 0)) return { outcome: { kind: 'restart' }, last: seq };
  if (seq === last + 1) return { outcome: { kind: 'next' }, last: seq };
  if (seq > last + 1) return { outcome: { kind: 'gap', missing: seq - last - 1, after: last }, last: seq };
  return { outcome: { kind: 'late' }, last };
}
