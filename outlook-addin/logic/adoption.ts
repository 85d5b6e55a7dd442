/**
 * Taking the aliases the meeting service minted (issue 18) into the item: after a write, the
 * answer's aliases go into sessionData and the block, so the invite shows the links and access
 * code the service made; and finding the organizer's own meeting by its web alias when the item
 * lost its meeting record. Loaded by ./provisionMeeting.ts on first use (after a write), so the
 * task pane's first paint does without it.
 */
import * as z from 'zod/mini';
import { findInviteBlock } from '../../core/invite/upsert';
// The file, not core/meeting's index: that pulls classic zod and JSON-schema conversion into the task pane.
import { etagOf } from '../../core/meeting/preconditions';
import type { MeetingServicePolicy } from '../../core/policy';
import { meetingBody } from './meetingService';
import { adoptAliases } from './minted';
import type { AnsweredAliases } from './minted';
import { SECURITY_SESSION_KEY } from './port';
import type { ItemPort } from './port';
import { readRecord } from './itemRecord';
import type { ItemWrite } from './itemRecord';
import { call } from './serviceCalls';
import type { ProvisionFetch } from './serviceCalls';
import { parseSecurity } from './security';
import { saveSecurity, writeSecurity } from './session';
import type { MeetingSecurity, OrganizerSettings } from './types';
import { BUTTON, press } from './wording';

const webAlias = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$/));
const dialAlias = z.string().check(z.regex(/^[0-9]{4,20}$/));

/** The part of the answer (core/meeting's MeetingView) the add-in reads; other fields are the service's business. */
const answerSchema = z.object({
  room: z.object({
    alias: webAlias,
    accessCode: z.nullable(z.object({ code: dialAlias })),
    invitees: z.array(z.object({ email: z.string().check(z.maxLength(320)), alias: webAlias, dialAlias })),
  }),
});

/**
 * The aliases in a 200/201 answer's body, or an error naming what is missing: an answer without
 * them cannot be adopted, and a block whose aliases the service did not mint must not go out.
 */
export function parseAnsweredAliases(text: string): { ok: true; value: AnsweredAliases } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The meeting service\'s answer was not JSON, so the meeting\'s links and access code it made are unknown.' };
  }
  const parsed = z.safeParse(answerSchema, json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '';
    return { ok: false, message: `The meeting service's answer lacks the meeting's links and access code (${path || 'body'}: ${first?.message ?? 'invalid'}).` };
  }
  const room = parsed.data.room;
  return {
    ok: true,
    value: {
      alias: room.alias,
      accessCode: room.accessCode?.code ?? null,
      invitees: room.invitees.map((i) => ({ email: i.email.toLowerCase(), alias: i.alias, dialAlias: i.dialAlias })),
    },
  };
}

/** What {@link adoptAnswer} did. */
export interface Adoption {
  /** The body the service now holds (the write, with the minted aliases carried back), for the record. */
  body: string;
  /** False when the other writer recorded a later version meanwhile: its record (and aliases) stand. */
  current: boolean;
  /** The codes written into the block and sessionData, when they changed. */
  security?: MeetingSecurity;
  /** Why the item could not take the aliases (then the invite must not go out as it is). */
  problem?: string;
}

/** The version an ETag names (`"3"` is 3), 0 for none. */
const versionOf = (etag: string | null): number => Number(/^"([0-9]{1,10})"$/.exec(etag ?? '')?.[1] ?? 0);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Takes the aliases of the service's answer (`text`, with `etag`) to `write`: the codes the item
 * keeps now (sessionData; they may be newer than the write) get them, and the block is written
 * with them. Not when the other writer recorded a later version (its own adoption stands), and
 * not when the organizer removed the codes meanwhile. Never throws.
 */
export async function adoptAnswer(port: ItemPort, settings: OrganizerSettings, service: MeetingServicePolicy, write: ItemWrite, answer: { etag: string | null; text: string }, sent: boolean): Promise<Adoption> {
  const parsed = parseAnsweredAliases(answer.text);
  if (!parsed.ok) return { body: write.body, current: true, problem: parsed.message };
  const body = meetingBody(write.meeting, adoptAliases(write.security, parsed.value, service), settings, sent);
  const theirs = await readRecord(port, service).catch(() => null);
  if (theirs && versionOf(theirs.etag) > versionOf(answer.etag)) return { body, current: false };
  try {
    // The codes as the item keeps them now; none: the block was removed meanwhile (its withdrawal follows).
    const stored = parseSecurity(await port.getSessionData(SECURITY_SESSION_KEY).catch(() => null));
    if (!stored) return { body, current: true };
    const next = adoptAliases(stored, parsed.value, service);
    if (JSON.stringify(next) === JSON.stringify(stored)) return { body, current: true };
    const meeting = await port.getSnapshot();
    // Codes kept without a block (not inserted yet): kept with the minted aliases, no block is written.
    if (!findInviteBlock(meeting.bodyHtml, 'html')) {
      if (!(await saveSecurity(port, next))) throw new Error('sessionData could not be written');
      return { body, current: true, security: next };
    }
    return { body, current: true, security: await writeSecurity(port, meeting, next, settings) };
  } catch (error) {
    return {
      body,
      current: true,
      problem: `The meeting service made the meeting's links and access code, but SecureJoin could not write them into the invite (${errorText(error)}): open SecureJoin and ${press(BUTTON.update)}.`,
    };
  }
}

/** The caller's meeting on the service whose room has the web alias `alias`, with its ETag, or null. */
export async function ownMeetingWithAlias(fetch: ProvisionFetch, service: MeetingServicePolicy, auth: Record<string, string>, alias: string): Promise<{ id: string; etag: string } | null> {
  const list = await call(fetch, `${service.url.replace(/\/+$/, '')}/api/v1/meetings`, { method: 'GET', headers: auth });
  if (list.status !== 200) return null;
  try {
    const { meetings } = JSON.parse(list.text) as { meetings: Array<{ id: string; version: number; room: { alias: string } }> };
    const own = meetings.find((m) => String(m.room?.alias).toLowerCase() === alias.toLowerCase());
    return own && typeof own.id === 'string' && Number.isInteger(own.version) ? { id: own.id, etag: etagOf(own.version) } : null;
  } catch {
    return null;
  }
}
