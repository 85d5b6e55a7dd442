/** The SecureJoin block in invite bodies: render, upsert/remove/find, parse (also other services' invites), check. */
export { renderInviteBlock, LABELS as INVITE_LABELS, PERSONAL_PASSCODE_TEXT } from './render';
export type { InviteBlockInput, InviteBlock, InvitePasscode, DialIn } from './render';
export { upsertInviteBlock, removeInviteBlock, findInviteBlock } from './upsert';
export type { FoundInviteBlock } from './upsert';
export type { BodyFormat } from './locate';
export { parseInvite } from './parse';
export { readActivationSentence, OUTLOOK_LOCALES } from './activationTime';
export type { BlockActivation } from './activationTime';
export type { ParsedInvite } from './parse';
export type { InviteBlockFields } from './fields';
export { findCandidates, meetingLinkService } from './candidates';
export type { InviteCandidate, InviteService } from './candidates';
export { checkInviteBlock } from './check';
export type { InviteBlockProblem, InviteBlockProblemKind } from './check';
export { htmlToText, projectHtml, looksLikeHtml } from './htmlToText';
export type { TextProjection, HtmlLink } from './htmlToText';
export { escapeHtml, singleLine } from './escape';
export { BLOCK_START_MARKER, BLOCK_END_MARKER } from './markers';
