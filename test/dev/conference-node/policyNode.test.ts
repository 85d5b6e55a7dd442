/**
 * The reference node as an Infinity stand-in against a REAL meeting service (PGlite in memory,
 * port 0, its policy API with Basic credentials): meetings written through the meetings API,
 * joins through the node's client API exactly as a web client sends them; the aliases are the
 * ones the service minted (its answer), as the add-in takes them. Covers the host PIN,
 * the shared passcode, unique passcodes on personal aliases ("Ana Lima (2)"), the lobby, failures
 * counted per conference across aliases, the window, drafts, and the service being down.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceNode } from '../../../dev/conference-node/server';
import type { MeetingService } from '../../../service';
import { call, meetingId, startIssuer, startService } from '../../service/support';
import type { TestIssuer } from '../../service/support';
import { requestToken, startNode } from './support';

const POLICY = { username: 'infinity-node', password: randomBytes(18).toString('base64url') };
const HOST_PIN = '480213957';
const SHARED_PASSCODE = '730514862';
const ANA_PASSCODE = '551029384';
const BO_PASSCODE = '662940175';

let issuer: TestIssuer;
let service: MeetingService;
let node: ConferenceNode;
let organizer: string;

beforeAll(async () => {
  issuer = await startIssuer();
  service = await startService(issuer, { policy: POLICY });
  node = await startNode({
    policy: { url: service.url, ...POLICY },
    // The node's own room, answered when the service does not know an alias (or is down).
    rooms: [{ alias: 'local-standup', hostPin: '61803398', guestPin: '27182818', allowGuests: true }],
  });
  organizer = await issuer.sign({ oid: 'olga-oid', preferred_username: 'olga@example.com' });
}, 60_000);

afterAll(async () => {
  await node?.close();
  await service?.close();
  await issuer?.close();
});

/** An alias no meeting holds (the service mints 20 lower-case letters and digits; this has 24). */
const unknownAlias = () => randomBytes(12).toString('hex');

interface Aliases {
  web: string;
  numeric: string;
  ana: { web: string; numeric: string };
  bo: { web: string; numeric: string };
}

/**
 * Writes a sent meeting to the service: `unique` with two invitees, `shared` with a passcode, now
 * inside its window unless `start` says otherwise. The write carries no alias: the service mints
 * them all, and the answer says which.
 */
async function meeting(mode: 'unique' | 'shared' | 'none', opts: { start?: number; sent?: boolean } = {}): Promise<Aliases> {
  const start = opts.start ?? Date.now() + 5 * 60_000;
  const room: Record<string, unknown> = {
    hostPin: HOST_PIN,
    allowGuests: true,
    accessCode: { role: 'guest' },
    meeting: { start, end: start + 3_600_000 },
    sent: opts.sent ?? true,
  };
  if (mode === 'shared') room.guestPin = SHARED_PASSCODE;
  if (mode === 'unique') {
    room.invitees = [
      { email: 'ana.lima@example.com', name: 'Ana Lima', passcode: ANA_PASSCODE },
      { email: 'bo.chen@example.com', name: 'Bo Chen', passcode: BO_PASSCODE },
    ];
  }
  const res = await call(service.url, 'PUT', `/api/v1/meetings/${meetingId()}`, { token: organizer, body: { subject: 'Quarterly review', room }, headers: { 'if-none-match': '*' } });
  if (res.status !== 201) throw new Error(`meeting write: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  const minted = (res.body as { room: { alias: string; accessCode: { code: string }; invitees: Array<{ alias: string; dialAlias: string }> } }).room;
  const [ana, bo] = minted.invitees;
  const none = { web: '', numeric: '' };
  return {
    web: minted.alias,
    numeric: minted.accessCode.code,
    ana: ana ? { web: ana.alias, numeric: ana.dialAlias } : none,
    bo: bo ? { web: bo.alias, numeric: bo.dialAlias } : none,
  };
}

/** The participants list as one participant sees it. */
async function participants(alias: string, token: string): Promise<Array<{ display_name: string; role: string; service_type: string }>> {
  const res = await fetch(`${node.url}/api/client/v2/conferences/${alias}/participants`, { headers: { token } });
  return ((await res.json()) as { result: Array<{ display_name: string; role: string; service_type: string }> }).result;
}

describe('the node asks the meeting service (External Policy API) for every alias', () => {
  it('shared passcode: pin-required, host PIN -> HOST, passcode -> GUEST in the lobby until a host joins; web and numeric alias are one conference', async () => {
    const a = await meeting('shared');
    expect(await requestToken(node, a.web, 'Ana')).toMatchObject({ status: 403, body: { status: 'success', result: { pin: 'required', guest_pin: 'required' } } });
    const guest = await requestToken(node, a.web, 'Ana', SHARED_PASSCODE);
    expect(guest).toMatchObject({ status: 200, body: { result: { role: 'GUEST', current_service_type: 'waiting_room' } } });
    // A phone-style join on the numeric alias (the access code) lands in the same conference.
    const host = await requestToken(node, a.numeric, 'Olga', HOST_PIN);
    expect(host).toMatchObject({ status: 200, body: { result: { role: 'HOST', current_service_type: 'conference' } } });
    const seen = await participants(a.web, guest.body.result.token);
    expect(seen.map((p) => [p.display_name, p.role, p.service_type])).toEqual([
      ['Ana', 'guest', 'conference'],
      ['Olga', 'chair', 'conference'],
    ]);
    // A token works on the alias it was issued for only.
    expect((await fetch(`${node.url}/api/client/v2/conferences/${a.numeric}/participants`, { headers: { token: guest.body.result.token } })).status).toBe(403);
    expect(await requestToken(node, a.web, 'Eve', '111111')).toMatchObject({ status: 403, body: { result: 'Invalid PIN' } });
  });

  it('no passcode: guests enter with `none` and wait for the host', async () => {
    const a = await meeting('none');
    expect(await requestToken(node, a.web, 'Ana')).toMatchObject({ status: 403, body: { result: { pin: 'required', guest_pin: 'none' } } });
    expect(await requestToken(node, a.web, 'Ana', 'none')).toMatchObject({ status: 200, body: { result: { role: 'GUEST', current_service_type: 'waiting_room' } } });
  });

  it('unique passcodes: each personal alias takes its own passcode and names the participant, "Ana Lima (2)" for a second person; shared aliases admit hosts only', async () => {
    const a = await meeting('unique');
    const ana = await requestToken(node, a.ana.web, 'ana', ANA_PASSCODE);
    expect(ana).toMatchObject({ status: 200, body: { result: { role: 'GUEST', display_name: 'Ana Lima', current_service_type: 'waiting_room' } } });
    const colleague = await requestToken(node, a.ana.web, 'Somebody else', ANA_PASSCODE);
    expect(colleague).toMatchObject({ status: 200, body: { result: { display_name: 'Ana Lima (2)' } } });
    // Bo's passcode does not open Ana's alias, and no passcode opens the meeting's shared aliases.
    expect(await requestToken(node, a.ana.web, 'Bo', BO_PASSCODE)).toMatchObject({ status: 403, body: { result: 'Invalid PIN' } });
    expect(await requestToken(node, a.web, 'Bo', BO_PASSCODE)).toMatchObject({ status: 403, body: { result: 'Invalid PIN' } });
    expect(await requestToken(node, a.numeric, 'Bo', 'none')).toMatchObject({ status: 403, body: { result: 'Invalid PIN' } });
    // Bo by phone: his personal numeric alias, then his passcode.
    expect(await requestToken(node, a.bo.numeric, 'Bo', BO_PASSCODE)).toMatchObject({ status: 200, body: { result: { display_name: 'Bo Chen' } } });
    const host = await requestToken(node, a.web, 'Olga', HOST_PIN);
    expect(host).toMatchObject({ status: 200, body: { result: { role: 'HOST', display_name: 'Olga' } } });
    const seen = await participants(a.web, host.body.result.token);
    expect(seen.map((p) => [p.display_name, p.service_type])).toEqual([
      ['Ana Lima', 'conference'],
      ['Ana Lima (2)', 'conference'],
      ['Bo Chen', 'conference'],
      ['Olga', 'conference'],
    ]);
  });

  it('counts wrong PINs per conference across its aliases: the 21st blocks every alias of the meeting (404), not other meetings', async () => {
    const a = await meeting('unique');
    const other = await meeting('shared');
    const aliases = [a.web, a.numeric, a.ana.web, a.ana.numeric, a.bo.web, a.bo.numeric];
    for (let i = 0; i < 21; i++) {
      // A new "person" each time (names vary): the per-person limit of 5 does not stop this, the room limit does.
      expect((await requestToken(node, aliases[i % aliases.length]!, `guess-${i}`, String(100_000 + i * 7919))).body.result).toBe('Invalid PIN');
    }
    const blocked = await requestToken(node, a.ana.web, 'Ana', ANA_PASSCODE);
    const unknown = await requestToken(node, unknownAlias(), 'Ana', ANA_PASSCODE);
    expect(blocked).toEqual({ status: 404, body: unknown.body });
    expect(await requestToken(node, a.numeric, 'Olga', HOST_PIN)).toMatchObject({ status: 404 });
    expect(await requestToken(node, other.web, 'Olga', HOST_PIN)).toMatchObject({ status: 200 });
  });

  it('stops one web user after 5 wrong PINs', async () => {
    const a = await meeting('shared');
    for (let i = 0; i < 5; i++) expect((await requestToken(node, a.web, 'Clumsy', '999999')).body.result).toBe('Invalid PIN');
    expect(await requestToken(node, a.web, 'Clumsy', SHARED_PASSCODE)).toMatchObject({ status: 403, body: { result: 'Participant exceeded PIN entry retries' } });
  });

  it('outside the window, for a draft and for an unknown alias the service rejects and the node answers 404, even to the host PIN', async () => {
    const later = await meeting('shared', { start: Date.UTC(2030, 0, 7, 9) });
    const draft = await meeting('shared', { sent: false });
    for (const alias of [later.web, later.numeric, draft.web, unknownAlias()]) {
      expect(await requestToken(node, alias, 'Olga', HOST_PIN)).toEqual({ status: 404, body: { status: 'failed', result: 'Neither conference nor gateway found' } });
    }
  });

  it('wrong policy credentials are refused by the service: the node falls back to its local rooms', async () => {
    const a = await meeting('shared');
    const stranger = await startNode({ policy: { url: service.url, username: POLICY.username, password: 'wrong' }, rooms: [{ alias: 'local-standup', hostPin: '61803398', allowGuests: false }] });
    try {
      expect((await requestToken(stranger, a.web, 'Olga', HOST_PIN)).status).toBe(404);
      expect((await requestToken(stranger, 'local-standup', 'Olga', '61803398')).status).toBe(200);
    } finally {
      await stranger.close();
    }
  });
});

describe('the service down', () => {
  it('meeting aliases answer 404 (fail closed), the node\'s local rooms keep working', async () => {
    const a = await meeting('shared');
    expect((await requestToken(node, a.web, 'Olga', HOST_PIN)).status).toBe(200);
    await service.close();
    expect(await requestToken(node, a.web, 'Olga', HOST_PIN)).toMatchObject({ status: 404 });
    expect(await requestToken(node, 'local-standup', 'Guest', '27182818')).toMatchObject({ status: 200, body: { result: { role: 'GUEST' } } });
  });
});
