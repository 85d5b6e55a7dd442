/** Code generation, weak-code detection and guess risk. */
export { DIGITS, ACCESS_CODE_LENGTH, PIN_LENGTH, ALPHABET_SIZE, validateAlphabet } from './alphabet';
export { CodeSpaceExhaustedError } from './errors';
export { MAX_DRAWS_PER_CODE, comparableCode } from './draw';
export { generateAccessCode, generatePin, generatePinPair } from './generate';
export type { CodeOptions, PinOptions, PinPairOptions } from './generate';
export { generateInviteePasscodes } from './invitees';
export { normaliseInviteeEmail, isValidInviteeEmail, normaliseInviteeEmails, repeatedInviteeEmails } from './email';
export type { RepeatedInviteeEmail } from './email';
export { isWeakCode } from './weak';
export { guessProbability, maxGuesses } from './guessRisk';
export type { GuessRiskInput } from './guessRisk';
export { generateWebAlias, generateDialAlias, WEB_ALIAS_ALPHABET, WEB_ALIAS_LENGTH } from './alias';
export type { AliasOptions, DialAliasOptions } from './alias';
export { pinPromptLength } from './promptLength';
export type { PromptLengthInput } from './promptLength';
