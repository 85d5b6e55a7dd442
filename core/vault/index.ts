/** Saved meeting PINs: record schema, creation (manual, capture, invite), merge, export/import, upgrade, retention. */
export {
  savedMeetingSchema,
  parseSavedMeeting,
  pinIssue,
  roomIssues,
  SAVED_MEETING_VERSION,
  NO_GUEST_PIN,
  MEETING_SOURCES,
  MEETING_ID_PATTERN,
  MAX_MEETING_LABEL_LENGTH,
  MAX_INSTANT,
  meetingName,
} from './schema';
export type { SavedMeeting, MeetingSource } from './schema';
export { meetingKey, sameMeetingContent } from './key';
export { newSavedMeeting, fromCaptureRecord, cleanPinInput, DEFAULT_WEB_APP_PATH } from './create';
export type { ManualMeetingInput } from './create';
export { fromParsedInvite } from './invite';
export type { InviteDraft } from './invite';
export { mergeMeeting, decideMerge } from './merge';
export type { MergeOutcome, MergeResult, MergeDecision, VaultConflict } from './merge';
export {
  exportVault,
  importVault,
  VAULT_FORMAT,
  VAULT_FILE_VERSION,
  MAX_VAULT_FILE_CHARS,
  MAX_VAULT_MEETINGS,
  MAX_IMPORT_ISSUES,
  MAX_FUTURE_SKEW_MS,
} from './transfer';
export type { VaultFile, VaultImportResult, ImportOptions } from './transfer';
export { upgradeStoredMeeting, storedMeetingV0Schema } from './upgrade';
export type { StoredMeetingV0 } from './upgrade';
export { meetingWindow, meetingSeries, currentStart, meetingLastInstant, expiredMeetings, upcomingMeetings } from './window';
export { admitMeeting } from './admit';
export type { KeepRules, Admission } from './admit';
export { decideCapture, describeChanges, maskPin, sameRoom, pendingChangeLive, PENDING_CHANGE_TTL_MS } from './captureChange';
export type { CaptureDecision, FieldChange } from './captureChange';
