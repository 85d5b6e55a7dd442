/**
 * Every message the extension's parts exchange, as zod schemas. The background validates each
 * incoming message with {@link parseRequest} before it looks at it: content scripts run next to
 * pages we do not trust, so a message is untrusted input like any other.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// zod/mini, like core/policy and core/links: one zod flavour in the bundles that use these.

/** Longest URL accepted in a message (core/links reads at most this much anyway). */
const MAX_URL = 4096;
const text = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max));
const url = text(1, MAX_URL);
const id = text(1, 64);

/** What the content script saw in its frame. The background re-derives what it can from `sender`. */
export const pageReportSchema = z.strictObject({
  pageUrl: url,
  frame: z.strictObject({ isTop: z.boolean(), sandboxed: z.boolean(), frameOrigin: z.string().check(z.maxLength(300)) }),
  field: z.strictObject({ present: z.boolean(), hasValue: z.boolean() }),
  prompt: z.optional(z.strictObject({ hasHostPin: z.boolean(), hasGuestPin: z.boolean() })),
});
/** See {@link pageReportSchema}. */
export type PageReport = z.infer<typeof pageReportSchema>;

/** Messages a content script may send (checked against a content-script sender). */
export const contentRequestSchema = z.discriminatedUnion('type', [
  // `confirmed`: the user pressed Fill on the page's question about a code whose start time is unknown.
  z.strictObject({ type: z.literal('fill:ask'), report: pageReportSchema, confirmed: z.optional(z.literal(true)) }),
  // The user asked for a fill on the focused field (context menu or keyboard command); honoured only right after the background asked for it.
  z.strictObject({ type: z.literal('fill:manual'), report: pageReportSchema }),
  z.strictObject({ type: z.literal('capture:save'), url }),
  z.strictObject({ type: z.literal('page:status'), pageUrl: url }),
  // The page keeps removing the notice: its text goes to the toolbar badge's title instead.
  z.strictObject({ type: z.literal('notice:suppressed'), text: text(1, 1000) }),
]);
/** See {@link contentRequestSchema}. */
export type ContentRequest = z.infer<typeof contentRequestSchema>;

/**
 * Changes to a saved meeting from the popup's edit form. Absent: unchanged; `null` clears
 * (label, times). The origin, path and alias are never editable (they bind the PIN to its page).
 */
export const meetingChangesSchema = z.strictObject({
  label: z.optional(z.nullable(z.string().check(z.maxLength(1000)))),
  role: z.optional(z.enum(['host', 'guest'])),
  pin: z.optional(text(1, 100)),
  startsAt: z.optional(z.nullable(z.number())),
  endsAt: z.optional(z.nullable(z.number())),
});
/** See {@link meetingChangesSchema}. */
export type MeetingChanges = z.infer<typeof meetingChangesSchema>;

/** Messages the popup and options page may send (checked against an extension-page sender). */
export const uiRequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('meetings:list') }),
  // The input itself is validated by core (newSavedMeeting) with field-named errors.
  z.strictObject({ type: z.literal('meetings:add'), input: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('meetings:delete'), id }),
  z.strictObject({ type: z.literal('meetings:update'), id, changes: meetingChangesSchema }),
  z.strictObject({ type: z.literal('settings:get') }),
  z.strictObject({ type: z.literal('settings:set'), prefs: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('vault:export') }),
  // Captures waiting for the user's confirmation (background/changes.ts).
  z.strictObject({ type: z.literal('changes:list') }),
  z.strictObject({ type: z.literal('changes:confirm'), id }),
  z.strictObject({ type: z.literal('changes:discard'), id }),
  z.strictObject({ type: z.literal('vault:import'), text: z.string().check(z.maxLength(5_000_000)) }),
]);
/** See {@link uiRequestSchema}. */
export type UiRequest = z.infer<typeof uiRequestSchema>;

/** Any request the background answers. */
export type Request = ContentRequest | UiRequest;

/** What the background answers when it refuses or fails: never a PIN. */
export interface ErrorResponse {
  ok: false;
  error: string;
}

/** Pushed from the background to a tab when the guard learns something about its room. */
export const guardPushSchema = z.strictObject({
  type: z.literal('guard:update'),
  warning: z.nullable(z.string().check(z.maxLength(500))),
});
/** See {@link guardPushSchema}. */
export type GuardPush = z.infer<typeof guardPushSchema>;

/**
 * zod's English messages for this parse only: zod/mini loads no locale by itself, and a global
 * `z.config` would change every other zod user in the bundle.
 */
const english = (): z.core.ParseContext<z.core.$ZodIssue> => ({ error: en().localeError });

/** Validates a request against one schema; the error names the first problem (never echoes values). */
export function parseRequest<T>(schema: z.ZodMiniType<T>, raw: unknown): { ok: true; value: T } | ErrorResponse {
  const parsed = z.safeParse(schema, raw, english());
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `invalid message${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}` };
}
