/** PIN autofill decisions: which saved meetings a page belongs to, which PIN to send, fill/wait/none. */
export { matchJoinPage, joinPageOf, isJoinPageOf, PEXIP_WEB_APP_PATHS } from './match';
export type { JoinPage, MatchOptions } from './match';
export { pinToSend, choosePin } from './pin';
export type { PinPrompt, PinChoice } from './pin';
export { decideFill } from './decide';
export type { FillInput, FillDecision, NoFillReason } from './decide';
