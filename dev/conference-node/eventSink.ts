/**
 * The node's Event sink, as a Pexip Infinity Conferencing Node sends one (platform facts §10):
 * every conference and participant event is POSTed as JSON `{ node, seq, version, time, event,
 * data }` to the configured URL with HTTP Basic credentials, one by one and in order, numbered
 * from 1 since the sink started (`eventsink_started` first). A refused or unreachable sink does
 * not lose events: the node keeps them queued and sends the oldest again after a pause, so a
 * burst follows an outage (as Infinity's docs warn). A 4xx answer other than 401/408/429 says
 * that event will never be taken: it is dropped (and logged) so it cannot block the queue.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { EpochMs } from '../../core/types';
import type { Participant } from './state';

/** Where the sink is and how to sign in to it. */
export interface EventSinkOptions {
  /** The full URL events are POSTed to, e.g. `https://securejoin.example.com/eventsink/v1`. */
  url: string;
  username?: string;
  password?: string;
  /** PEM CA certificate(s) to trust for an https sink. */
  ca?: string;
  /** Pexip's protocol version (default 2). */
  version?: 1 | 2;
  /** The node's address as sent in `node` (Infinity: its primary IP). Default 127.0.0.1. */
  nodeAddress?: string;
  /** Pause before sending a failed event again. Default 1000 ms. */
  retryMs?: number;
  /** Per-request timeout. Default 5000 ms. */
  timeoutMs?: number;
  /** Where a dropped event is reported (default console.error). Never given the event's data. */
  warn?: (text: string) => void;
}

/** The queue of one node. */
export interface EventSink {
  /** Queues one event, stamped now and numbered. */
  send(event: string, data: Record<string, unknown>): void;
  /** Resolves once everything queued so far was delivered (or dropped). */
  idle(): Promise<void>;
  /** Stops sending (queued events are given up, as when a node shuts down). */
  close(): void;
}

/** One POST; resolves with the status (0: no answer). */
function post(url: URL, body: string, headers: Record<string, string>, ca: string | undefined, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }, timeout: timeoutMs, ...(ca ? { ca } : {}) }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('timeout', () => req.destroy(new Error('event sink timed out')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Answers after which the same event is sent again; any other 4xx drops it. */
const retried = (status: number): boolean => status === 0 || status >= 500 || status === 401 || status === 408 || status === 429;

/**
 * Starts a sink queue for `opts` on the node's clock. Sends `eventsink_started` at once.
 * @throws Error when `url` is not an http(s) URL.
 */
export function startEventSink(opts: EventSinkOptions, now: () => EpochMs): EventSink {
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    throw new Error(`event sink url must be an http(s) URL, got ${opts.url}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`event sink url must be http(s), got ${url.protocol}`);
  const headers: Record<string, string> = opts.username ? { authorization: `Basic ${Buffer.from(`${opts.username}:${opts.password ?? ''}`).toString('base64')}` } : {};
  const node = opts.nodeAddress ?? '127.0.0.1';
  const version = opts.version ?? 2;
  const retryMs = opts.retryMs ?? 1000;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const warn = opts.warn ?? ((text: string) => console.error(text));
  const queue: Array<{ event: string; body: string }> = [];
  let seq = 0;
  let closed = false;
  let pumping: Promise<void> | null = null;
  let pause: NodeJS.Timeout | null = null;

  const pump = async (): Promise<void> => {
    while (!closed && queue.length > 0) {
      const head = queue[0] as { event: string; body: string };
      const status = await post(url, head.body, headers, opts.ca, timeoutMs);
      if (closed) return;
      if (status >= 200 && status < 300) queue.shift();
      else if (!retried(status)) {
        queue.shift();
        warn(`conference node: the event sink refused a ${head.event} event (HTTP ${status}); it is dropped`);
      } else {
        await new Promise<void>((resolve) => {
          pause = setTimeout(resolve, retryMs);
          pause.unref();
        });
        pause = null;
      }
    }
  };
  const kick = (): void => {
    pumping ??= pump().finally(() => {
      pumping = null;
      if (!closed && queue.length > 0) kick();
    });
  };
  const sink: EventSink = {
    send(event, data) {
      if (closed) return;
      seq += 1;
      queue.push({ event, body: JSON.stringify({ node, seq, version, time: now() / 1000, event, data }) });
      kick();
    },
    async idle() {
      while (pumping) await pumping;
    },
    close() {
      closed = true;
      if (pause) clearTimeout(pause);
      queue.length = 0;
    },
  };
  sink.send('eventsink_started', {});
  return sink;
}

/**
 * A participant's `data` as Infinity reports it (the fields SecureJoin and most sinks read; the
 * node carries no media). `left`: the disconnect's time and reason.
 */
export function participantEventData(p: Participant, conference: string, nodeAddress: string, left?: { at: EpochMs; reason: string }): Record<string, unknown> {
  return {
    uuid: p.uuid,
    call_id: p.uuid,
    conversation_id: p.uuid,
    call_direction: 'in',
    conference,
    connect_time: p.joinedAt / 1000,
    destination_alias: p.alias,
    display_name: p.displayName,
    encryption: 'On',
    has_media: false,
    is_muted: false,
    is_presenting: false,
    is_streaming: false,
    media_node: nodeAddress,
    protocol: 'WebRTC',
    related_uuids: [],
    role: p.role === 'host' ? 'chair' : 'guest',
    service_tag: '',
    service_type: p.serviceType,
    signalling_node: nodeAddress,
    source_alias: p.displayName,
    system_location: 'SecureJoin reference node',
    vendor: 'SecureJoin reference node',
    ...(left ? { end_time: left.at / 1000, duration: Math.max(0, (left.at - p.joinedAt) / 1000), disconnect_reason: left.reason } : {}),
  };
}
