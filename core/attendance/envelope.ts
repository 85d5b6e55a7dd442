/**
 * Pexip Infinity's Event sink messages (platform facts §10): a JSON object `{ node, seq, version,
 * time, event, data }` POSTed per event, or, with bulk support, an `eventsink_bulk` envelope
 * (`node` 127.0.0.1, `seq` 0) whose `data` lists such events. Versions 1 and 2 carry the same
 * participant fields SecureJoin reads. Unknown events and unknown fields are tolerated (Infinity
 * adds them between releases); a body without the envelope, or a participant event without its
 * participant's `uuid`, is malformed as a whole.
 */
import { z } from 'zod';
import type { EpochMs, Issue, Result } from '../types';

/** The participant events an attendance record is made of. */
export const PARTICIPANT_EVENTS = ['participant_connected', 'participant_updated', 'participant_disconnected'] as const;
export type ParticipantEventName = (typeof PARTICIPANT_EVENTS)[number];

/** Events Infinity documents that SecureJoin reads nothing from (accepted, counted by name). */
export const OTHER_KNOWN_EVENTS = [
  'eventsink_started',
  'eventsink_updated',
  'eventsink_stopped',
  'eventsink_ended',
  'conference_started',
  'conference_updated',
  'conference_ended',
  'participant_media_stream_window',
  'participant_media_streams_destroyed',
] as const;

/** The event name as counted in metrics: a documented one, else `unknown` (bounded labels). */
export function eventLabel(event: string): string {
  return (PARTICIPANT_EVENTS as readonly string[]).includes(event) || (OTHER_KNOWN_EVENTS as readonly string[]).includes(event) ? event : 'unknown';
}

/** The bulk envelope's event name; its `node`/`seq` are sentinels, each inner event has its own. */
export const BULK_EVENT = 'eventsink_bulk';

/** Events in one POST at most (a bulk envelope); the body limit bounds it too. */
export const MAX_EVENTS_PER_BODY = 1000;

const text = (max: number) => z.string().max(max);
/** Pexip's times are Unix seconds as floats. */
const unixSeconds = z.number().finite().min(0).max(1e11);

const envelopeSchema = z.looseObject({
  node: text(255).min(1),
  seq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  version: z.number().int().min(1).max(100),
  time: unixSeconds,
  event: text(100).min(1),
  data: z.unknown(),
});

/** The fields of a participant event SecureJoin reads; every other field is ignored. */
const participantDataSchema = z.looseObject({
  uuid: text(200).min(1),
  destination_alias: z.optional(z.nullable(text(1000))),
  display_name: z.optional(z.nullable(text(1000))),
  role: z.optional(z.nullable(text(50))),
  protocol: z.optional(z.nullable(text(50))),
  connect_time: z.optional(z.nullable(unixSeconds)),
  end_time: z.optional(z.nullable(unixSeconds)),
  duration: z.optional(z.nullable(z.number().finite().min(0))),
});

/** A participant event's data as read (times already in ms). */
export interface ParticipantData {
  uuid: string;
  destinationAlias: string | null;
  displayName: string | null;
  role: string | null;
  protocol: string | null;
  connectTime: EpochMs | null;
  endTime: EpochMs | null;
  durationSeconds: number | null;
}

/** One event as read. `participant` is set for the participant events only. */
export interface SinkEvent {
  node: string;
  seq: number;
  version: number;
  time: EpochMs;
  event: string;
  participant: ParticipantData | null;
}

const issuesOf = (error: z.ZodError, prefix: string): Issue[] =>
  error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter((p) => p !== '').join('.') || '(body)', message: i.message }));

const ms = (seconds: number | null | undefined): EpochMs | null => (seconds === null || seconds === undefined ? null : Math.round(seconds * 1000));

function readOne(value: unknown, path: string): Result<SinkEvent> {
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, errors: issuesOf(envelope.error, path) };
  const e = envelope.data;
  let participant: ParticipantData | null = null;
  if ((PARTICIPANT_EVENTS as readonly string[]).includes(e.event)) {
    const data = participantDataSchema.safeParse(e.data);
    if (!data.success) return { ok: false, errors: issuesOf(data.error, `${path ? `${path}.` : ''}data`) };
    const d = data.data;
    participant = {
      uuid: d.uuid,
      destinationAlias: d.destination_alias ?? null,
      displayName: d.display_name ?? null,
      role: d.role ?? null,
      protocol: d.protocol ?? null,
      connectTime: ms(d.connect_time),
      endTime: ms(d.end_time),
      durationSeconds: d.duration ?? null,
    };
  }
  return { ok: true, value: { node: e.node, seq: e.seq, version: e.version, time: ms(e.time) as EpochMs, event: e.event, participant } };
}

/**
 * The events of one POST body (parsed JSON): one event, or the events of a bulk envelope in their
 * order. Fails whole, with every problem named, when any part is malformed.
 */
export function readSinkBody(body: unknown): Result<SinkEvent[]> {
  const outer = envelopeSchema.safeParse(body);
  if (outer.success && outer.data.event === BULK_EVENT) {
    const list = z.array(z.unknown()).max(MAX_EVENTS_PER_BODY).safeParse(outer.data.data);
    if (!list.success) return { ok: false, errors: issuesOf(list.error, 'data') };
    const events: SinkEvent[] = [];
    const errors: Issue[] = [];
    list.data.forEach((inner, i) => {
      const read = readOne(inner, `data.${i}`);
      if (read.ok) events.push(read.value);
      else errors.push(...read.errors);
    });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: events };
  }
  const one = readOne(body, '');
  return one.ok ? { ok: true, value: [one.value] } : one;
}
