/** Pexip PIN rules: format, room configuration, role resolution, prompt and lobby rule. */
export { PIN_FORMAT_LENGTH, isValidPinFormat, validatePin, pinDigits } from './format';
export { CONSTANT_TIME_SPAN, constantTimeEqual } from './constantTime';
export { validatePinConfig } from './config';
export type { PinConfig } from './config';
export { GUEST_NO_PIN, resolveRole, pinPrompt, guestsWaitForHost } from './role';
export type { PinCheckOutcome } from './role';
