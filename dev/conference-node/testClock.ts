/**
 * The node's test clock (nodes started with `testClock: true` only, for tests and demos):
 * `GET /api/securejoin/v1/clock` reads it, `POST` sets (`{set: epochMs}`) or advances
 * (`{advanceMs}`) it. No credential: it exists only on a loopback node started for testing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody, sendJson } from './http/io';

/** Controls for the test clock; null on nodes without one. */
export interface TestClockControl {
  set(now: number): void;
  advance(ms: number): void;
}

/** Handles `/api/securejoin/v1/clock`. */
export async function handleTestClock(clock: TestClockControl, now: () => number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  if (method === 'GET') return sendJson(res, 200, { now: now() });
  if (method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' });
  const body = await readJsonBody(req, 1024);
  if (!body.ok) return sendJson(res, body.status, { error: 'bad_body', message: body.message });
  const v = (body.value ?? {}) as Record<string, unknown>;
  const keys = Object.keys(v);
  if (keys.length === 1 && Number.isSafeInteger(v.set) && (v.set as number) >= 0) clock.set(v.set as number);
  else if (keys.length === 1 && Number.isSafeInteger(v.advanceMs) && (v.advanceMs as number) >= 0) clock.advance(v.advanceMs as number);
  else return sendJson(res, 400, { error: 'bad_body', message: 'send {"set": epochMs} or {"advanceMs": ms >= 0}' });
  return sendJson(res, 200, { now: now() });
}
