/**
 * The reference node's Event sink: against a REAL meeting service (PGlite in memory), joins
 * through the node's client API become the service's attendance record, as Infinity's events
 * would make it; and against a sink that is down for a while, nothing is lost or reordered.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../../dev/conference-node/server';
import type { MeetingService } from '../../../service';
import { call, meetingId, startIssuer, startService } from '../../service/support';
import type { TestIssuer } from '../../service/support';
import { requestToken, startNode } from './support';

const POLICY = { username: 'infinity-node', password: randomBytes(18).toString('base64url') };
const SINK = { username: 'infinity-events', password: randomBytes(18).toString('base64url') };
const HOST_PIN = '480213957';
const ANA_PASSCODE = '551029384';
const BO_PASSCODE = '662940175';

describe('the node tells the meeting service who came', () => {
  let issuer: TestIssuer;
  let service: MeetingService;
  let node: ConferenceNode;

  beforeAll(async () => {
    issuer = await startIssuer();
    service = await startService(issuer, { policy: POLICY, eventSink: SINK });
    node = await startNode({ policy: { url: service.url, ...POLICY }, eventSink: { url: `${service.url}/eventsink/v1`, ...SINK, retryMs: 50 } });
  }, 60_000);

  afterAll(async () => {
    await node?.close();
    await service?.close();
    await issuer?.close();
  });

  it('records each invitee\'s joins, the second person on a link numbered, and a leave', async () => {
    const organizer = await issuer.sign({ oid: 'olga-oid' });
    const id = meetingId();
    const start = Date.now() + 5 * 60_000;
    const room = {
      hostPin: HOST_PIN,
      allowGuests: true,
      accessCode: { role: 'guest' },
      invitees: [
        { email: 'ana.lima@example.com', name: 'Ana Lima', passcode: ANA_PASSCODE },
        { email: 'bo.chen@example.com', name: 'Bo Chen', passcode: BO_PASSCODE },
      ],
      meeting: { start, end: start + 3_600_000 },
      sent: true,
    };
    const written = await call(service.url, 'PUT', `/api/v1/meetings/${id}`, { token: organizer, body: { subject: 'Review', room }, headers: { 'if-none-match': '*' } });
    const [ana, bo] = (written.body as { room: { invitees: Array<{ alias: string }> } }).room.invitees as [{ alias: string }, { alias: string }];
    const first = await requestToken(node, ana.alias, 'Ana', ANA_PASSCODE);
    const second = await requestToken(node, ana.alias, 'Someone', ANA_PASSCODE);
    expect((await requestToken(node, bo.alias, 'Bo', BO_PASSCODE)).status).toBe(200);
    expect([first.status, second.status, second.body.result.display_name]).toEqual([200, 200, 'Ana Lima (2)']);
    const left = await fetch(`${node.url}/api/client/v2/conferences/${ana.alias}/release_token`, { method: 'POST', headers: { token: second.body.result.token } });
    expect(left.status).toBe(200);
    await node.eventSink?.idle();

    const record = await call(service.url, 'GET', `/api/v1/meetings/${id}/attendance`, { token: organizer });
    const rows = record.body.rows as Array<Record<string, unknown>>;
    expect(rows.map((r) => [r.invitee, r.ordinal, r.displayName, r.role, r.protocol, r.leftAt === null])).toEqual([
      ['Ana Lima', 1, 'Ana Lima', 'guest', 'WebRTC', true],
      ['Ana Lima', 2, 'Ana Lima (2)', 'guest', 'WebRTC', false],
      ['Bo Chen', 1, 'Bo Chen', 'guest', 'WebRTC', true],
    ]);
  });
});

describe('a sink that is down', () => {
  it('gets every event later, in order, numbered from 1', async () => {
    const received: Array<{ seq: number; event: string; auth: string | undefined }> = [];
    let refuse = 3;
    const sink = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString('utf8')));
      req.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          res.writeHead(503).end();
          return;
        }
        const e = JSON.parse(text) as { seq: number; event: string };
        received.push({ seq: e.seq, event: e.event, auth: req.headers.authorization });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const node = await startNode({
      rooms: [{ alias: 'standup', hostPin: '61803398', guestPin: '27182818', allowGuests: true }],
      eventSink: { url: `http://127.0.0.1:${(sink.address() as AddressInfo).port}/events`, ...SINK, retryMs: 20 },
    });
    try {
      expect((await requestToken(node, 'standup', 'Host', '61803398')).status).toBe(200);
      await node.eventSink?.idle();
      expect(received.map((r) => [r.seq, r.event])).toEqual([
        [1, 'eventsink_started'],
        [2, 'conference_started'],
        [3, 'participant_connected'],
      ]);
      expect(received[0]?.auth).toBe(`Basic ${Buffer.from(`${SINK.username}:${SINK.password}`).toString('base64')}`);
    } finally {
      await node.close();
      await new Promise((resolve) => sink.close(resolve));
    }
  });
});
