/**
 * Capture links: a join link that carries the room's PIN (and optional meeting times) in the
 * URL fragment, e.g. `https://node/webapp3/m/alias#sj=<base64url(JSON)>`. Browsers never send
 * the fragment to a server, so the PIN reaches only the SecureJoin extension, which saves the
 * record and replaces the address bar with {@link stripCaptureFragment}'s result.
 * The payload is versioned (`v: 1`) and validated with zod; the origin, path and alias come from
 * the link itself, so the payload cannot point the record at a different node.
 *
 * Payload v1: `{v: 1, role, pin, startsAt?, endsAt?, leadMinutes?, graceMinutes?, name?, subject?, rec?}`.
 * `leadMinutes`/`graceMinutes` (whole minutes, 0 to a week) are the organizer's activation
 * window around the meeting (the node accepts the code from `startsAt - lead` until
 * `endsAt + grace`), so the extension holds and fills in exactly the node's window instead of
 * assuming the defaults (15 and 0). They were added before any link shipped; links without them
 * still parse (the extension then uses the defaults). A lead needs `startsAt` and a grace needs
 * `endsAt`: a pad around a time the link does not state means nothing, so it is refused.
 * `subject` (optional, at most {@link MAX_CAPTURE_SUBJECT_LENGTH} characters of one line) is the
 * invite's subject, so the extension names the saved meeting as the invite does instead of by
 * its alias; a link without one still parses. Optional in version 1 (added before any link
 * shipped with it, like `leadMinutes`).
 * `rec` (optional, see ./captureRecurrence) makes the link one code for a recurring series:
 * `startsAt`/`endsAt` are then its first occurrence, and the window repeats with each occurrence.
 * Links without `rec` (all older links) parse as before: a single meeting.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { singleLine } from '../invite/escape';
import type { EpochMs, Issue, Result, Role } from '../types';
import { MAX_WINDOW_PAD_MINUTES } from '../time/activation';
import { base64UrlDecodeText, base64UrlEncodeText } from './base64url';
import { captureRecurrenceIssues, captureRecurrenceSchema, fromCaptureRecurrence, toCaptureRecurrence } from './captureRecurrence';
import type { SeriesRecurrence } from './captureRecurrence';
import { buildJoinLink, JOIN_PIN_PATTERN, MAX_JOIN_NAME_LENGTH, parseJoinLink } from './join';
import type { JoinLinkStyle } from './join';

/** Fragment key: `#sj=...`. */
export const CAPTURE_FRAGMENT_KEY = 'sj';
/** The payload version this build writes and reads. */
export const CAPTURE_PAYLOAD_VERSION = 1;
/** Longest fragment read: a real payload is ~150 characters. */
export const MAX_CAPTURE_FRAGMENT_LENGTH = 2048;

/** Longest subject a capture link carries (a longer one is cut with "…"): it lengthens every link, by 4/3 of itself. */
export const MAX_CAPTURE_SUBJECT_LENGTH = 100;

/** Characters a subject may not hold (control characters, line and paragraph separators). */
const SUBJECT_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** `subject` as one visible line of at most {@link MAX_CAPTURE_SUBJECT_LENGTH} characters, or undefined when nothing is left. */
export function captureSubject(subject: string | undefined): string | undefined {
  if (typeof subject !== 'string') return undefined;
  return singleLine(subject, MAX_CAPTURE_SUBJECT_LENGTH) || undefined;
}

/** What {@link buildCaptureLink} needs. `path` as in JoinLink ("webapp3", no slashes at the ends). */
export interface CaptureLinkInput {
  origin: string;
  path: string;
  alias: string;
  role: Role;
  pin: string;
  /** Meeting start/end in UTC ms, so the extension can forget the PIN after the meeting. */
  startsAt?: EpochMs;
  endsAt?: EpochMs;
  /** Minutes before `startsAt` from which the code works (needs `startsAt`). */
  leadMinutes?: number;
  /** Minutes after `endsAt` during which the code still works (needs `endsAt`). */
  graceMinutes?: number;
  /** Display name to offer when joining. */
  name?: string;
  /** The invite's subject, for the extension to name the meeting by (made one line, cut to {@link MAX_CAPTURE_SUBJECT_LENGTH}). */
  subject?: string;
  /** A recurring meeting: its zone and rule; `startsAt`/`endsAt` are its first occurrence (both needed). */
  recurrence?: SeriesRecurrence;
  /** Link style; webapp2 is not possible (it routes with the fragment). Default "webapp3". */
  style?: Exclude<JoinLinkStyle, 'webapp2'>;
}

/** The record the extension saves: exact origin, path, alias and style from the link, the rest from the payload. */
export interface CaptureRecord {
  origin: string;
  path: string;
  alias: string;
  style: Exclude<JoinLinkStyle, 'webapp2'>;
  role: Role;
  pin: string;
  startsAt?: EpochMs;
  endsAt?: EpochMs;
  leadMinutes?: number;
  graceMinutes?: number;
  name?: string;
  /** The invite's subject, when the link carries it. */
  subject?: string;
  /** The series when the link is for every occurrence of a recurring meeting (`startsAt`/`endsAt`: the first). */
  recurrence?: SeriesRecurrence;
}

const instant = /* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(253_402_300_799_999));
const padMinutes = /* @__PURE__ */ z.int().check(z.minimum(0), z.maximum(MAX_WINDOW_PAD_MINUTES));

/**
 * The fragment payload, version 1. Strict: unknown keys are refused (fail closed).
 * zod/mini (tree-shakeable): modules that only build join links do not carry it.
 */
export const capturePayloadSchema = /* @__PURE__ */ z
  .strictObject({
    v: z.literal(CAPTURE_PAYLOAD_VERSION),
    role: z.enum(['host', 'guest']),
    pin: z.string().check(z.regex(JOIN_PIN_PATTERN, 'must be 4-20 digits, optionally ending in "#"')),
    startsAt: z.optional(instant),
    endsAt: z.optional(instant),
    leadMinutes: z.optional(padMinutes),
    graceMinutes: z.optional(padMinutes),
    name: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_JOIN_NAME_LENGTH))),
    subject: z.optional(
      z.string().check(
        z.minLength(1),
        z.maxLength(MAX_CAPTURE_SUBJECT_LENGTH),
        z.refine((t) => !SUBJECT_CONTROL.test(t) && t.trim() !== '', 'must be one line of visible text'),
      ),
    ),
    rec: z.optional(captureRecurrenceSchema),
  })
  .check(
    z.refine((p) => p.startsAt === undefined || p.endsAt === undefined || p.endsAt > p.startsAt, {
      message: 'endsAt must be after startsAt',
      path: ['endsAt'],
    }),
    z.refine((p) => p.leadMinutes === undefined || p.startsAt !== undefined, {
      message: 'leadMinutes needs startsAt (the lead is counted back from the start)',
      path: ['leadMinutes'],
    }),
    z.refine((p) => p.graceMinutes === undefined || p.endsAt !== undefined, {
      message: 'graceMinutes needs endsAt (the grace is counted on from the end)',
      path: ['graceMinutes'],
    }),
  );

/**
 * zod's English messages for this parse only: zod/mini loads no locale by itself, and a global
 * `z.config` would change every other zod user in the page.
 */
const english = (): z.core.ParseContext<z.core.$ZodIssue> => ({ error: en().localeError });

/** The decoded fragment payload. */
export type CapturePayload = z.infer<typeof capturePayloadSchema>;

const fail = (path: string, message: string): Result<never> => ({ ok: false, errors: [{ path, message }] });

function payloadIssues(error: z.core.$ZodError): Issue[] {
  return error.issues.map((i) => ({ path: ['payload', ...i.path.map(String)].join('.'), message: i.message }));
}

/**
 * Shape (zod) then meaning (core/time's series rules for `rec`) of a payload. `messages`: zod's
 * English texts, for a link a person brought (parsing); a link built wrongly here is a bug that
 * the path and SecureJoin's own texts name well enough, and so the Outlook task pane, which only
 * builds links, carries no zod locale (~1 KiB gzip of its first paint).
 */
function checkPayload(data: unknown, messages?: z.core.ParseContext<z.core.$ZodIssue>): Result<CapturePayload> {
  const parsed = z.safeParse(capturePayloadSchema, data, messages);
  if (!parsed.success) return { ok: false, errors: payloadIssues(parsed.error) };
  const p = parsed.data;
  const issues = p.rec === undefined ? [] : captureRecurrenceIssues(p.rec, p.startsAt, p.endsAt);
  return issues.length > 0 ? { ok: false, errors: issues } : { ok: true, value: p };
}

/**
 * A capture link for the given room and PIN. The visible part is a plain join link without
 * any PIN; the fragment holds `{v:1, role, pin, startsAt?, endsAt?, leadMinutes?, graceMinutes?, name?, subject?, rec?}`
 * as base64url JSON.
 * Throws RangeError when the room or payload is invalid (same checks as parsing).
 */
export function buildCaptureLink(input: CaptureLinkInput): string {
  const base = buildJoinLink({ origin: input.origin, path: input.path, alias: input.alias, style: input.style ?? 'webapp3' });
  const payload: Record<string, unknown> = { v: CAPTURE_PAYLOAD_VERSION, role: input.role, pin: input.pin };
  if (input.startsAt !== undefined) payload.startsAt = input.startsAt;
  if (input.endsAt !== undefined) payload.endsAt = input.endsAt;
  if (input.leadMinutes !== undefined) payload.leadMinutes = input.leadMinutes;
  if (input.graceMinutes !== undefined) payload.graceMinutes = input.graceMinutes;
  if (input.name !== undefined) payload.name = input.name;
  const subject = captureSubject(input.subject);
  if (subject !== undefined) payload.subject = subject;
  if (input.recurrence !== undefined) payload.rec = toCaptureRecurrence(input.recurrence);
  const checked = checkPayload(payload);
  if (!checked.ok) {
    throw new RangeError(`invalid capture link: ${checked.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`);
  }
  return `${base}#${CAPTURE_FRAGMENT_KEY}=${base64UrlEncodeText(JSON.stringify(checked.value))}`;
}

/** Index of the capture fragment's "#" in `url`, or -1 when there is none. */
function captureHashIndex(url: string): number {
  const hash = url.indexOf('#');
  return hash >= 0 && url.startsWith(`${CAPTURE_FRAGMENT_KEY}=`, hash + 1) ? hash : -1;
}

/** True when `url` carries a SecureJoin capture fragment (`#sj=...`). Never throws. */
export function hasCaptureFragment(url: unknown): boolean {
  return typeof url === 'string' && captureHashIndex(url) >= 0;
}

/**
 * `url` without its capture fragment (everything from "#sj=" on), for the extension to put in
 * the address bar; any other URL comes back unchanged. Never throws.
 */
export function stripCaptureFragment(url: string): string {
  if (typeof url !== 'string') return '';
  const hash = captureHashIndex(url);
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Reads a capture link into the record to save. Never throws. Fails when the link part is not
 * a webapp3/legacy join link, carries a PIN in its query (that part reaches servers and
 * logs), or the fragment is missing, too long, not base64url UTF-8 JSON, of an unknown
 * version or invalid per {@link capturePayloadSchema}.
 */
export function parseCaptureLink(url: string): Result<CaptureRecord> {
  try {
    return parseCaptureLinkUnsafe(url);
  } catch {
    return fail('url', 'could not be read as a capture link');
  }
}

function parseCaptureLinkUnsafe(url: string): Result<CaptureRecord> {
  if (typeof url !== 'string') return fail('url', 'must be a string');
  const text = url.trim();
  const hash = captureHashIndex(text);
  if (hash < 0) return fail('url', `has no capture fragment "#${CAPTURE_FRAGMENT_KEY}=..."`);
  const encoded = text.slice(hash + 2 + CAPTURE_FRAGMENT_KEY.length);
  if (encoded.length > MAX_CAPTURE_FRAGMENT_LENGTH) return fail('payload', `is longer than ${MAX_CAPTURE_FRAGMENT_LENGTH} characters`);
  const link = parseJoinLink(text.slice(0, hash));
  if (!link.ok) return link;
  const { origin, path, alias, style } = link.value;
  if (style === 'webapp2') return fail('url', 'capture links cannot use webapp2 links (their fragment is the route)');
  if (link.value.pin !== undefined) return fail('url.pin', 'must not be in the query: a capture link keeps the PIN in the fragment only');
  const json = base64UrlDecodeText(encoded);
  if (json === null) return fail('payload', 'is not base64url-encoded UTF-8');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('payload', 'is not valid JSON');
  }
  if (data !== null && typeof data === 'object' && 'v' in data && data.v !== CAPTURE_PAYLOAD_VERSION) {
    return fail('payload.v', `unsupported version ${JSON.stringify(data.v).slice(0, 20)}; this build reads version ${CAPTURE_PAYLOAD_VERSION}`);
  }
  const parsed = checkPayload(data, english());
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const record: CaptureRecord = { origin, path, alias, style, role: p.role, pin: p.pin };
  if (p.startsAt !== undefined) record.startsAt = p.startsAt;
  if (p.endsAt !== undefined) record.endsAt = p.endsAt;
  if (p.leadMinutes !== undefined) record.leadMinutes = p.leadMinutes;
  if (p.graceMinutes !== undefined) record.graceMinutes = p.graceMinutes;
  if (p.name !== undefined) record.name = p.name;
  if (p.subject !== undefined) record.subject = p.subject;
  if (p.rec !== undefined) record.recurrence = fromCaptureRecurrence(p.rec);
  return { ok: true, value: record };
}
