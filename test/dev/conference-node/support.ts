/** Helpers for the conference node HTTP tests: a started node and small fetch wrappers. */
import { startConferenceNode } from '../../../dev/conference-node/server';
import type { ConferenceNode, ConferenceNodeOptions } from '../../../dev/conference-node/server';

/** Starts a node on 127.0.0.1. */
export function startNode(opts: ConferenceNodeOptions = {}): Promise<ConferenceNode> {
  return startConferenceNode(opts);
}

/** POST request_token as a Pexip client does. */
export async function requestToken(node: ConferenceNode, alias: string, displayName: string, pin?: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${node.url}/api/client/v2/conferences/${encodeURIComponent(alias)}/request_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(pin === undefined ? {} : { pin }) },
    body: JSON.stringify({ display_name: displayName }),
  });
  return { status: res.status, body: await res.json() };
}

/** A call to the node's test clock route (`GET|POST /api/securejoin/v1/clock`). */
export async function clockCall(node: ConferenceNode, method: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${node.url}/api/securejoin/v1/clock`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/**
 * Opens the event stream and collects events until `until` matches one, then closes it.
 * `onEvents` sees the list after each chunk read (e.g. to learn that the initial sync arrived).
 */
export async function readEvents(
  node: ConferenceNode,
  alias: string,
  token: string,
  until: (events: Array<{ event: string; data: any }>) => boolean,
  onEvents?: (events: Array<{ event: string; data: any }>) => void,
): Promise<Array<{ event: string; data: any }>> {
  const ac = new AbortController();
  const res = await fetch(`${node.url}/api/client/v2/conferences/${alias}/events?token=${encodeURIComponent(token)}`, { signal: ac.signal });
  if (res.status !== 200 || !res.body) throw new Error(`events: HTTP ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: any }> = [];
  let buffer = '';
  try {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
      onEvents?.(events);
    }
  } finally {
    ac.abort();
  }
  return events;
}
