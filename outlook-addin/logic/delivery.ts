/**
 * Which invitees got their personal message, kept in the item's sessionData beside the codes
 * (`securejoin.delivered`): the task pane shows it per invitee, and the send check warns when an
 * invitee added since has none. A delivery counts for the invitee's codes as they were sent: it
 * is recorded against their personal aliases, so new codes (Regenerate, a new mode) make every
 * message out of date without storing any passcode again. Pure except the two port helpers.
 *
 * Why sessionData and not the meeting service: the roster itself (passcodes, personal aliases)
 * lives there, is what the send check reads, and goes with the item; a delivery only means
 * something beside the roster it delivered. The meeting service's write body is Infinity's room
 * spec, validated strictly, and delivery is no property of the room.
 */
import * as z from 'zod/mini';
import type { Invitee } from '../../core/roster';
import type { ItemPort } from './port';
import type { MeetingSecurity } from './types';
import { BUTTON, press } from './wording';

/** sessionData key of the {@link DeliveryRecord}. */
export const DELIVERY_SESSION_KEY = 'securejoin.delivered';

/** Per invitee: their email, the aliases their delivered message carried, and when it was accepted (UTC ms). */
export interface DeliveryRecord {
  version: 1;
  invitees: Array<{ email: string; key: string; at: number }>;
}

const recordSchema = z.strictObject({
  version: z.literal(1),
  invitees: z.array(z.strictObject({ email: z.string().check(z.maxLength(320)), key: z.string().check(z.maxLength(250)), at: z.number() })).check(z.maxLength(10_000)),
});

/** An empty record. */
export const NO_DELIVERIES: DeliveryRecord = { version: 1, invitees: [] };

/** What a message for `invitee` carried that new codes change: their personal aliases (never the passcode). */
export const deliveryKey = (invitee: Pick<Invitee, 'alias' | 'dialAlias' | 'email'>): string => `${invitee.alias ?? invitee.email}|${invitee.dialAlias ?? ''}`;

/** The record from its stored text; empty when absent or malformed (stored state is untrusted). Never throws. */
export function parseDeliveries(text: string | null): DeliveryRecord {
  if (!text) return NO_DELIVERIES;
  try {
    const parsed = z.safeParse(recordSchema, JSON.parse(text));
    return parsed.success ? parsed.data : NO_DELIVERIES;
  } catch {
    return NO_DELIVERIES;
  }
}

/** `record` with `invitee`'s message accepted at `at`. */
export const withDelivery = (record: DeliveryRecord, invitee: Invitee, at: number): DeliveryRecord => ({
  version: 1,
  invitees: [...record.invitees.filter((d) => d.email !== invitee.email), { email: invitee.email, key: deliveryKey(invitee), at }],
});

/** The delivery recorded for `email`, if any (for the current codes or older ones). */
export const deliveryOf = (record: DeliveryRecord, email: string) => record.invitees.find((d) => d.email === email);

/** True when `invitee` got the message for their current codes. */
export const wasDelivered = (record: DeliveryRecord, invitee: Invitee): boolean => deliveryOf(record, invitee.email)?.key === deliveryKey(invitee);

/** The roster's invitees without a message for their current codes (none outside per-invitee mode). */
export function undelivered(security: MeetingSecurity | null, record: DeliveryRecord): Invitee[] {
  if (!security || security.passcodeMode !== 'per-invitee') return [];
  return (security.roster?.invitees ?? []).filter((i) => !wasDelivered(record, i));
}

/**
 * The send check's warning, or null: personal messages went out for this roster, but some
 * invitees (added since, or whose codes changed) have none. Names up to five (Smart Alerts allow
 * 500 characters) and the button that fixes it.
 */
export function deliveryWarning(security: MeetingSecurity | null, record: DeliveryRecord): string | null {
  const roster = security?.passcodeMode === 'per-invitee' ? (security.roster?.invitees ?? []) : [];
  const missing = undelivered(security, record);
  // Only once the organizer sends them through SecureJoin: someone handing out passcodes another way is not nagged.
  if (!missing.length || !roster.some((i) => wasDelivered(record, i))) return null;
  const names = missing.slice(0, 5).map((i) => i.name.slice(0, 60));
  const more = missing.length > 5 ? ` and ${missing.length - 5} more` : '';
  return `SecureJoin: ${names.join(', ')}${more} ${missing.length === 1 ? 'has' : 'have'} no personal message with their link and passcode yet, so they cannot join. Open SecureJoin and ${press(BUTTON.sendPersonal)}, then send again.`;
}

/** The item's delivery record (empty when none or unreadable). */
export async function readDeliveries(port: ItemPort): Promise<DeliveryRecord> {
  return parseDeliveries(await port.getSessionData(DELIVERY_SESSION_KEY).catch(() => null));
}

/** Keeps the record; false when the host has no sessionData. */
export const saveDeliveries = (port: ItemPort, record: DeliveryRecord): Promise<boolean> => port.setSessionData(DELIVERY_SESSION_KEY, JSON.stringify(record)).catch(() => false);
