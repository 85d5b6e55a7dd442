/**
 * The add-in's one shared logic module, used by the task pane and the event runtime alike.
 * No Office, no DOM: plain data in, plain data out; decisions come from core/.
 */
export type {
  Attendee,
  MeetingSnapshot,
  PasscodeModeChoice,
  MeetingSecurity,
  OrganizerChoices,
  OrganizerSettings,
  LoadedPolicy,
  SendDecision,
  PersonalMessage,
} from './types';
export type { ItemPort, ItemChangeKind } from './port';
export { SECURITY_SESSION_KEY, PREFS_ROAMING_KEY, MEETING_SESSION_KEY } from './port';
export { loadPolicyLazily, prefsFromChoices, enforceLocks } from './policy';
export { organizerSettings } from './policyFile';
export { LOCKED_REASON } from './organizerSettingsFrom';
export { createSecurity, syncAttendees, securityFromBody, rebuildSecurityFromBody, parseSecurity, inviteesOf, codesOf, aliasesOf } from './security';
export { applySecurity, removeSecurity, checkBeforeSend, blockInput, blockProblems, roomJoinUrl, MAX_SEND_MESSAGE, smartAlertText } from './block';
export { BUTTON } from './wording';
export type { ButtonLabel } from './wording';
export { personalMessages } from './roster';
export { personalLink } from './personalLink';
export { rosterCsv, csvField } from './rosterCsv';
export { roomSpecFor } from './provisioning';
export { meetingUrl, meetingBody, parseMeetingRecord, serviceOutcome, MEETING_ID } from './meetingService';
export type { MeetingRecord, ServiceOutcome } from './meetingService';
export { provisionMeeting, withdrawMeeting } from './provisionMeeting';
export { registeredBody } from './itemRecord';
export type { ProvisionFetch, ProvisionOptions, ProvisionResult, ServiceResponse, WithdrawResult } from './serviceCalls';
export { TokenUnavailableError, tokenFailureText, tokenOrProblem } from './tokens';
export type { TokenSource, TokenRequest, TokenProblem } from './tokens';
export { readSecurity, saveSecurity, securityForUpdate, readPrefs, savePrefs, settingsFor, writeSecurity, clearSecurity, withPaneMemory } from './session';
export { PANE_HEARTBEAT_SESSION_KEY, PANE_HEARTBEAT_INTERVAL_MS, PANE_HEARTBEAT_FRESH_MS, isFreshHeartbeat, markPaneOpen, markPaneClosed, paneOwnsUpdates } from './ownership';
export { paneTruth, blockDrifts, attendeeDrifts, serviceDrifts, registrationDrifts, itemMoved } from './drift';
export type { Drift, DriftKind, DriftInput, PaneTruth, RegistrationView } from './drift';
