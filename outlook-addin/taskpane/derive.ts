/**
 * What the pane shows that follows from the meeting, its codes and the organizer's settings:
 * the activation sentence, the guess risk, the block's preview, the personal messages, and the
 * top line (logic/drift.ts paneTruth). Pure: no Office, no DOM.
 */
// Straight from the modules, not core/invite's index: its paste parser (six languages) is not the pane's.
import { renderInviteBlock } from '../../core/invite/render';
import { findInviteBlock } from '../../core/invite/upsert';
import { policyGuessRisk } from '../../core/policy/risk';
import type { GuessRisk } from '../../core/policy';
import { activationSentence, activationWindow, recurringActivationSentence } from '../../core/time';
import { BUTTON, blockInput, paneTruth, personalMessages } from '../logic';
import type { LoadedPolicy, MeetingSecurity, MeetingSnapshot, OrganizerChoices, OrganizerSettings, PaneTruth } from '../logic';
import { errorText } from './paneState';
import type { PaneState } from './paneState';

/** The sentence "code works from Tue 24 Nov, 09:45, 15 minutes before the start" for the meeting, in its zone. */
function activationText(meeting: MeetingSnapshot, settings: OrganizerSettings): string {
  const time = { start: meeting.start, end: meeting.end };
  const window = activationWindow(time, { leadMinutes: settings.leadMinutes, graceMinutes: settings.graceMinutes });
  const sentence = activationSentence(window, time, { timeZone: meeting.timeZone, locale: meeting.locale, leadMinutes: settings.leadMinutes, withDate: true });
  return meeting.recurrence ? `${sentence} ${recurringActivationSentence(settings.leadMinutes)}` : sentence;
}

/** Guess risk of the organizer's current choices under the policy's limits. */
function riskOf(loaded: LoadedPolicy, settings: OrganizerSettings, choices: OrganizerChoices): GuessRisk {
  return policyGuessRisk(loaded.policy, {
    accessCodeRequired: { value: choices.accessCode, locked: true },
    accessCodeLength: settings.accessCodeLength,
    passcodeMode: { value: choices.passcodeMode, locked: true },
    passcodeLength: settings.passcodeLength,
    pinMinLength: settings.pinLength,
    leadMinutes: settings.leadMinutes,
    graceMinutes: settings.graceMinutes,
  });
}

/** Everything derived from `meeting` + `security` under `state`'s settings and choices. */
export function derive(state: PaneState, meeting: MeetingSnapshot, security: MeetingSecurity | null): Partial<PaneState> {
  const settings = state.settings as OrganizerSettings;
  const inserted = findInviteBlock(meeting.bodyHtml, 'html') !== null;
  const out: Partial<PaneState> = { meeting, security, inserted, written: state.written || inserted, preview: null, messages: [] };
  try {
    out.activation = activationText(meeting, settings);
  } catch (error) {
    out.activation = `The meeting time is not valid: ${errorText(error)}`;
  }
  if (state.loaded) out.risk = riskOf(state.loaded, settings, state.choices);
  if (security) {
    try {
      out.preview = renderInviteBlock(blockInput(meeting, security, settings)).text;
      if (security.passcodeMode === 'per-invitee') out.messages = personalMessages(meeting, security, settings);
    } catch {
      // The top line says why (truthOf): the codes cannot be rendered for this meeting.
    }
  }
  return out;
}

/** The top line for `state` (null until the meeting is read). Never "up to date" when something cannot be checked. */
export function truthOf(state: PaneState): PaneTruth | null {
  const { meeting, settings } = state;
  if (!meeting || !settings) return null;
  try {
    return paneTruth({ meeting, security: state.security, settings, written: state.written, registration: { ...state.provisioning, registered: state.registered }, sentInvite: state.sentInvite ?? null });
  } catch (error) {
    return { state: 'stale', headline: 'The block in the invite could not be checked:', drifts: [{ kind: 'block', text: errorText(error), action: BUTTON.update }], action: BUTTON.update };
  }
}
