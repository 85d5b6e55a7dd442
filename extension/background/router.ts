/**
 * The background's message router: classify the sender, validate the message with zod against
 * the schema for that kind of sender, dispatch to a handler. Everything is async and returns
 * plain JSON (a Dexie promise returned straight from onMessage would reach the sender as
 * `undefined` in Chromium: platform facts §2).
 */
import type { ErrorResponse } from '../messaging/messages';
import { contentRequestSchema, parseRequest, uiRequestSchema } from '../messaging/messages';
import type { SenderInfo } from '../messaging/sender';
import { classifySender } from '../messaging/sender';
import { answerCaptureSave } from './capture';
import { confirmChange, discardChange, listChanges } from './changes';
import type { ChangeAnswer } from './changes';
import type { CaptureAnswer } from './capture';
import type { BackgroundContext } from './context';
import { answerFillAsk, answerPageStatus } from './fill';
import type { FillAnswer, PageStatusAnswer } from './fill';
import { answerManualFill } from './manualFill';
import { addMeeting, checkPrefs, editMeeting, exportMeetings, importMeetings, listMeetings, readSettings, removeMeeting } from './ui';
import type { UiAnswer } from './ui';

/** Any answer the router gives. */
export type RouterAnswer = FillAnswer | PageStatusAnswer | CaptureAnswer | UiAnswer | ChangeAnswer | { ok: true; shown: 'badge' } | ErrorResponse;

/**
 * Handles one message. Never throws: failures become `{ ok: false, error }` without details
 * that could help a page probe the vault.
 */
export async function handleMessage(raw: unknown, senderInfo: SenderInfo, ctx: BackgroundContext): Promise<RouterAnswer> {
  try {
    return await route(raw, senderInfo, ctx);
  } catch (error) {
    console.error('SecureJoin: message failed', error);
    return { ok: false, error: 'internal error' };
  }
}

async function route(raw: unknown, senderInfo: SenderInfo, ctx: BackgroundContext): Promise<RouterAnswer> {
  const sender = classifySender(senderInfo, ctx.runtimeId, ctx.extensionOrigin);
  if (sender === null) return { ok: false, error: 'unknown sender' };
  if (sender.kind === 'content') {
    const msg = parseRequest(contentRequestSchema, raw);
    if (!msg.ok) return msg;
    const request = msg.value;
    switch (request.type) {
      case 'fill:ask':
        return answerFillAsk(request.report, sender, ctx, request.confirmed === true);
      case 'fill:manual':
        return answerManualFill(request.report, sender, ctx);
      case 'page:status':
        return answerPageStatus(sender, ctx);
      case 'capture:save':
        return answerCaptureSave(request.url, sender, ctx);
      case 'notice:suppressed':
        // Only the top frame's notice; the text is the content script's own (the page cannot send this).
        if (sender.frameId !== 0) return { ok: false, error: 'only the top frame shows notices' };
        await ctx.showInBadge(sender.tabId, request.text);
        return { ok: true, shown: 'badge' };
    }
  }
  const msg = parseRequest(uiRequestSchema, raw);
  if (!msg.ok) return msg;
  const request = msg.value;
  switch (request.type) {
    case 'meetings:list':
      return listMeetings(ctx);
    case 'meetings:add':
      return addMeeting(request.input, ctx);
    case 'meetings:update':
      return editMeeting(request.id, request.changes, ctx);
    case 'meetings:delete':
      return removeMeeting(request.id, ctx);
    case 'settings:get':
      return readSettings(ctx, await ctx.policyState(), await ctx.prefs());
    case 'settings:set': {
      const checked = checkPrefs(await ctx.policyState(), request.prefs);
      if (!checked.ok) return checked;
      await ctx.savePrefs(request.prefs);
      ctx.changed();
      return { ok: true, saved: true };
    }
    case 'vault:export':
      return exportMeetings(ctx);
    case 'vault:import':
      return importMeetings(request.text, ctx);
    case 'changes:list':
      return listChanges(ctx);
    case 'changes:confirm':
      return confirmChange(request.id, ctx);
    case 'changes:discard':
      return discardChange(request.id, ctx);
  }
}
