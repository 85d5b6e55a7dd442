/** PIN autofill decisions: which saved meetings a page belongs to, which PIN to send, fill/wait/none, which field and button. */
export { matchJoinPage, joinPageOf, isJoinPageOf, PEXIP_WEB_APP_PATHS } from './match';
export type { JoinPage, MatchOptions } from './match';
export { pinToSend, choosePin } from './pin';
export type { PinPrompt, PinChoice } from './pin';
export { decideFill } from './decide';
export { codeTiming, asksBeforeFilling } from './timing';
export type { CodeTiming } from './timing';
export { chooseJoinButton, choosePinField, isOtherField, pinFieldScore, wordsOf } from './field';
export type { ButtonFacts, FieldFacts } from './field';
export type { FillInput, FillDecision, NoFillReason } from './decide';
