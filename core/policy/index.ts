/** The admin policy manifest: schema, parsing, guess risk, user-preference merge, managed storage, docs. */
export { POLICY_VERSION, PASSCODE_MODES, AUTOFILL_MODES, PolicySchema } from './schema';
export type { Policy, PolicyInput, PolicyNode, MeetingServicePolicy, PasscodeMode, AutofillMode, LockableSetting } from './schema';
export { parsePolicy, parsePolicyJson, DEFAULT_POLICY } from './parse';
export { policyGuessRisk, raisedLengthNote, riskSettingsOf } from './risk';
export { effectiveCodeLengths, policyCodeLengths } from './codeLengths';
export type { CodeLengths, CodeLengthSettings } from './codeLengths';
export type { GuessRisk, CodeRisk, RiskSettings } from './risk';
export { effectiveSettings, SETTING_PATHS } from './effective';
export type { EffectiveSettings, EffectiveSettingsResult, UserPrefs } from './effective';
export { managedStorageSchema, checkChromeManagedSchema, policyFromManaged, policyToManaged, CHROME_SCHEMA_ATTRIBUTES } from './managed';
export type { ChromeSchema } from './managed';
export { policyDocs } from './docs';
export { originProblem, serviceUrlProblem } from './origin';
export { officeSsoApp, webApplicationInfoLines, OFFICE_SSO_SCOPES } from './officeSso';
export type { OfficeSsoApp } from './officeSso';
