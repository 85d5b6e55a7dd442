/**
 * Event sink messages shaped exactly as a Pexip Infinity v2 Conferencing Node POSTs them
 * (platform facts §10: Pexip's `participant_disconnected` example, times as Unix seconds), with
 * the sink's own HTTP Basic credentials.
 */
export const SINK_USER = 'infinity-events';
export const SINK_PASSWORD = 'event sink password 9';
export const sinkAuth = (user = SINK_USER, password = SINK_PASSWORD): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** One Conferencing Node's numbered stream of events. */
export function sinkNode(node = '10.44.34.11') {
  let seq = 0;
  return {
    node,
    /** The next message: `event` with `data`, stamped `at` (UTC ms). */
    next(event: string, data: Record<string, unknown>, at: number, seqOverride?: number): Record<string, unknown> {
      seq = seqOverride ?? seq + 1;
      return { node, seq, version: 2, time: at / 1000, event, data };
    },
  };
}

/** A participant's data as Infinity reports it on `alias`, connected at `connectedAt` (UTC ms). */
export function participantData(uuid: string, alias: string, displayName: string, connectedAt: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    call_direction: 'in',
    call_id: uuid,
    conference: 'securejoin-meeting',
    connect_time: connectedAt / 1000,
    conversation_id: uuid,
    destination_alias: alias,
    display_name: displayName,
    encryption: 'On',
    has_media: true,
    is_muted: false,
    is_presenting: false,
    media_node: '10.44.34.11',
    protocol: 'WebRTC',
    related_uuids: [],
    remote_address: '198.51.100.7',
    role: 'guest',
    rx_bandwidth: 1722,
    service_tag: 'securejoin',
    service_type: 'conference',
    signalling_node: '10.44.34.15',
    source_alias: displayName,
    system_location: 'London',
    tx_bandwidth: 868,
    uuid,
    vendor: 'Mozilla/5.0 Chrome/126.0',
    ...over,
  };
}

/** POSTs a body (JSON unless a string) to the sink. */
export async function postSink(baseUrl: string, body: unknown, authorization: string | null = sinkAuth()): Promise<{ status: number; body: any }> {
  const res = await fetch(`${baseUrl}/eventsink/v1`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed };
}
