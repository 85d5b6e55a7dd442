/**
 * Server-sent events for `/api/client/v2/conferences/<alias>/events?token=`: one stream per
 * participant, kept open, with Pexip's event names (`participant_sync_begin`, `participant_create`,
 * `participant_update`, `participant_delete`, `conference_update`, `disconnect`).
 */
import type { ServerResponse } from 'node:http';
import type { Participant } from './state';

/** Seconds between keep-alive comments on an idle stream (proxies drop silent connections). */
const KEEPALIVE_MS = 20_000;

/** The participant object Pexip sends in events and from `GET participants`. */
export function participantJson(p: Participant): Record<string, unknown> {
  return {
    uuid: p.uuid,
    display_name: p.displayName,
    role: p.role === 'host' ? 'chair' : 'guest',
    service_type: p.serviceType,
    start_time: Math.floor(p.joinedAt / 1000),
    api_url: '',
    buzz_time: 0,
    call_direction: 'in',
    disconnect_supported: 'YES',
    encryption: 'On',
    external_node_uuid: '',
    fecc_supported: 'NO',
    has_media: false,
    is_audio_only_call: 'NO',
    is_external: false,
    is_muted: 'NO',
    is_presenting: 'NO',
    is_streaming_conference: false,
    is_video_call: 'NO',
    is_video_muted: false,
    is_video_silent: false,
    local_alias: p.alias,
    mute_supported: 'NO',
    overlay_text: p.displayName,
    protocol: 'api',
    rx_presentation_policy: 'ALLOW',
    spotlight: 0,
    supports_direct_chat: false,
    transfer_supported: 'NO',
    uri: '',
    vendor: 'SecureJoin reference node',
    can_receive_personal_mix: false,
    receive_from_video_mix: { mix_name: 'main', timestamp: 0 },
  };
}

interface Stream {
  roomKey: string;
  participantUuid: string;
  res: ServerResponse;
  keepalive: NodeJS.Timeout;
}

/** Open event streams of one node. */
export class EventHub {
  private readonly streams = new Set<Stream>();

  /** Starts an event stream on `res` for a participant and sends the initial participant sync. */
  open(roomKey: string, participantUuid: string, res: ServerResponse, initial: readonly Participant[], conference: Record<string, unknown>): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 2000\n\n');
    const keepalive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    const stream: Stream = { roomKey, participantUuid, res, keepalive };
    this.streams.add(stream);
    res.on('close', () => this.drop(stream));
    write(res, 'participant_sync_begin', {});
    for (const p of initial) write(res, 'participant_create', participantJson(p));
    write(res, 'participant_sync_end', {});
    write(res, 'conference_update', conference);
  }

  /** Sends one event to every stream of a room. */
  broadcast(roomKey: string, event: string, data: unknown): void {
    for (const s of this.streams) if (s.roomKey === roomKey) write(s.res, event, data);
  }

  /** Sends a final event (e.g. `disconnect`) to one participant and closes its streams. */
  closeParticipant(participantUuid: string, finalEvent?: { event: string; data: unknown }): void {
    for (const s of [...this.streams]) {
      if (s.participantUuid !== participantUuid) continue;
      if (finalEvent) write(s.res, finalEvent.event, finalEvent.data);
      s.res.end();
      this.drop(s);
    }
  }

  /** Ends every stream of a room (room deleted) or of the node (`roomKey` omitted). */
  closeAll(roomKey?: string): void {
    for (const s of [...this.streams]) {
      if (roomKey !== undefined && s.roomKey !== roomKey) continue;
      s.res.end();
      this.drop(s);
    }
  }

  /** Number of open streams (tests, diagnostics). */
  get size(): number {
    return this.streams.size;
  }

  private drop(stream: Stream): void {
    clearInterval(stream.keepalive);
    this.streams.delete(stream);
  }
}

function write(res: ServerResponse, event: string, data: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
