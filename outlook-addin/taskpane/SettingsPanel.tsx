/** Policy errors, the meeting's security settings (locked ones shown with the reason) and the guess risk. */
import type { GuessRisk } from '../../core/policy';
import type { LoadedPolicy, OrganizerSettings, PasscodeModeChoice } from '../logic';
import type { PaneController, PaneState } from './controller';
import { BUTTON, MODE_EXPLAINED } from '../logic/wording';

const MODES: Array<{ value: PasscodeModeChoice; label: string }> = [
  { value: 'none', label: 'No passcode' },
  { value: 'shared', label: 'One shared passcode' },
  { value: 'per-invitee', label: 'Unique passcode per invitee' },
];

/** Where the policy came from; every error with its path when the file was unusable. */
export function PolicyPanel({ loaded, settings }: { loaded: LoadedPolicy; settings: OrganizerSettings | null }) {
  return (
    <section id="policy" data-source={loaded.source} aria-label="Policy">
      {loaded.source === 'file' ? (
        <p>Policy from your administrator.</p>
      ) : (
        <div class="bar error" role="alert">
          <p id="policy-fallback">The SecureJoin policy could not be used, so the secure defaults apply:</p>
          <ul id="policy-errors">
            {loaded.errors.map((e) => (
              <li>{e.path ? `${e.path}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {settings && settings.ignored.length > 0 && (
        <ul id="prefs-ignored" class="bar warning">
          {settings.ignored.map((e) => (
            <li>Your default {e.path} was not applied: {e.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A padlock drawn inline: an emoji glyph renders as an empty box where no emoji font is installed. */
function LockIcon() {
  return (
    <svg class="lock-icon" width="10" height="12" viewBox="0 0 10 12" aria-hidden="true" focusable="false">
      <path d="M2.5 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" stroke-width="1.4" />
      <rect x="0.5" y="5" width="9" height="6.5" rx="1" fill="currentColor" />
    </svg>
  );
}

function Lock({ locked, reason }: { locked: boolean; reason: string }) {
  return locked ? (
    <span class="lock" title={reason}>
      {' '}
      <LockIcon /> Locked: {reason}
    </span>
  ) : null;
}

/** Access code on/off, passcode mode, "default for all meetings". */
export function SettingsPanel({ state, controller, commit }: { state: PaneState; controller: PaneController; commit: () => void }) {
  const settings = state.settings as OrganizerSettings;
  const accessLocked = settings.locked.includes('organizer.accessCode.required');
  const modeLocked = settings.locked.includes('organizer.passcodes.mode');
  // Too guessable for the policy: the choices are what the organizer can change, so the risk
  // text describes them. (They stay usable while an action runs: a change made then applies
  // when it ends, and the keyboard focus stays where it is.)
  const tooGuessable = !!state.risk && !state.risk.ok;
  // What explains a control: the risk, and a personal default of it that was not applied.
  const explained = (path: string) => ({
    'aria-invalid': tooGuessable || undefined,
    'aria-describedby': [tooGuessable && 'risk', settings.ignored.some((e) => e.path === path) && 'prefs-ignored'].filter(Boolean).join(' ') || undefined,
  });
  return (
    <section aria-label="Settings" id="settings">
      <label>
        <input
          id="access-code"
          type="checkbox"
          checked={state.choices.accessCode}
          disabled={accessLocked}
          {...explained('organizer.accessCode.required')}
          onChange={(e) => {
            controller.rechooseLater({ ...state.choices, accessCode: (e.currentTarget as HTMLInputElement).checked });
            commit();
          }}
        />
        Access code in the invite
        <Lock locked={accessLocked} reason={settings.lockedReason} />
      </label>
      {/* Arrow keys move the choice (codes are not made at each step); the choice that stays gets codes once: on a click, Enter or Space, or when the focus leaves the group. */}
      <fieldset
        id="passcode-mode"
        disabled={modeLocked}
        role="radiogroup"
        {...explained('organizer.passcodes.mode')}
        onFocusOut={(e) => !(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null) && commit()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && commit()}
      >
        <legend>
          Passcodes
          <Lock locked={modeLocked} reason={settings.lockedReason} />
        </legend>
        {MODES.map((m) => (
          <label>
            <input
              type="radio"
              name="passcode-mode"
              id={`mode-${m.value}`}
              value={m.value}
              checked={state.choices.passcodeMode === m.value}
              onChange={() => controller.pickPasscodeMode(m.value)}
              // A pointer click (detail > 0) is a choice made; the click browsers fire for an arrow key (detail 0) is not.
              // (The click comes before the change event: the choice is taken here first.)
              onClick={(e) => {
                if (e.detail === 0) return;
                controller.pickPasscodeMode(m.value);
                commit();
              }}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      <p class="hint">
        {MODE_EXPLAINED[state.choices.passcodeMode]} Codes: {codeLengths(state, settings)}; active {settings.leadMinutes} minutes before the start
        {settings.graceMinutes ? ` until ${settings.graceMinutes} minutes after the end` : ''}.
      </p>
      <button id="save-default" type="button" aria-disabled={state.busy || undefined} onClick={() => state.busy || void controller.saveDefault()}>
        {BUTTON.saveDefault}
      </button>
    </section>
  );
}

/** "access code 9 digits, passcodes 10 digits, PINs 10 digits": only the codes the choices make (no passcodes without a passcode mode). */
export function codeLengths(state: Pick<PaneState, 'choices'>, settings: Pick<OrganizerSettings, 'accessCodeLength' | 'passcodeLength' | 'pinLength'>): string {
  return [
    state.choices.accessCode && `access code ${settings.accessCodeLength} digits`,
    state.choices.passcodeMode !== 'none' && `passcodes ${settings.passcodeLength} digits`,
    `PINs ${settings.pinLength} digits`,
  ]
    .filter(Boolean)
    .join(', ');
}

/** "1 in 2,000,000" for a probability. */
function oneIn(p: number): string {
  if (p <= 0) return 'practically none';
  return `1 in ${Math.round(1 / p).toLocaleString('en-GB')}`;
}

/** Chance that an attacker guesses a working code while it works, per enforced code. */
export function RiskPanel({ risk }: { risk: GuessRisk | null }) {
  if (!risk) return null;
  const enforced = risk.codes.filter((c) => c.enforced);
  return (
    <section id="risk" data-ok={String(risk.ok)} aria-label="Guess risk">
      <p>
        Guess risk: {risk.ok ? 'within' : 'ABOVE'} your organization's limit ({oneIn(risk.maxGuessProbability)}).
      </p>
      <ul>
        {enforced.map((c) => (
          <li>
            {c.kind === 'accessCode' ? 'Access code' : c.kind === 'passcode' ? 'Passcode' : 'Room PIN'}: {oneIn(c.probability)}
            {c.fix ? ` - ${c.fix}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
