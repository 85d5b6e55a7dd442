/**
 * The task pane's state and what the controller needs from outside, plus how a registration
 * outcome is shown: plain types and small pure mappings, no Office, no DOM.
 */
import type { GuessRisk, MeetingServicePolicy } from '../../core/policy';
import { BUTTON, press } from '../logic/wording';
import type { KeyedMessage } from '../logic/status';
import { NO_DELIVERIES } from '../logic/delivery';
import type { DeliveryRecord } from '../logic/delivery';
import type { InviteeDelivery } from '../logic/sendPersonal';
import type { ItemPort, LoadedPolicy, MeetingSecurity, MeetingSnapshot, OrganizerChoices, OrganizerSettings, PaneTruth, PersonalMessage, ProvisionFetch, ProvisionResult, TokenSource } from '../logic';

/**
 * Registration with the meeting service, as shown to the organizer. 'sign-in': no token could be
 * had (the pane offers "Sign in"; the send check refuses the send until it works).
 */
export interface ProvisioningStatus {
  state: 'not-configured' | 'idle' | 'pending' | 'ok' | 'failed' | 'sign-in' | 'aliases';
  text: string;
}

/** Everything the task pane shows. */
export interface PaneState {
  phase: 'loading' | 'ready' | 'failed';
  loaded: LoadedPolicy | null;
  settings: OrganizerSettings | null;
  choices: OrganizerChoices;
  meeting: MeetingSnapshot | null;
  security: MeetingSecurity | null;
  /** True when the body holds a SecureJoin block. */
  inserted: boolean;
  /** True once the pane saw or wrote a block in this item (and did not remove it since): a block gone now was deleted. */
  written: boolean;
  /** What this item last registered with the meeting service (logic/drift.ts RegistrationView.registered). */
  registered: string | null | undefined;
  /** The pane's top line: the most important truth, its differences and the button that fixes them. */
  truth: PaneTruth | null;
  /** False where Outlook sends the pane no change events (Mailbox < 1.7): the pane says so and polls; null until known. */
  followsChanges: boolean | null;
  preview: string | null;
  activation: string | null;
  risk: GuessRisk | null;
  messages: PersonalMessage[];
  provisioning: ProvisioningStatus;
  busy: boolean;
  /** A confirmation or an action's failure, tied to the state it was said in (logic/status.ts): gone once that state changes. */
  message: KeyedMessage | null;
  /** What the block of the invite last sent said (logic/status.ts), null: not sent in this session; undefined until read. */
  sentInvite: string | null | undefined;
  /** Which invitees got their personal message (logic/delivery.ts, kept in sessionData). */
  deliveries: DeliveryRecord;
  /** The last "Send personal messages" run's outcome per invitee email (failures are shown with a retry). */
  lastRun: Record<string, InviteeDelivery>;
}

/** What the controller needs from outside: the item, the policy file, the network, sign-in, the clock. */
export interface PaneDeps {
  port: ItemPort;
  /** policy.json's text, or null when it cannot be fetched. */
  fetchPolicy(): Promise<string | null>;
  fetch: ProvisionFetch;
  /**
   * Tokens for the policy's meeting service; called once, only when the policy names one (so
   * the sign-in library is loaded only then). Null: this Outlook cannot sign in.
   */
  tokens?(service: MeetingServicePolicy): TokenSource | null;
  now(): number;
  /** False while the pane is hidden: the poll then reads nothing (default: visible). */
  visible?(): boolean;
  /**
   * Microsoft Graph for personal messages under the policy's meeting service (its app
   * registration signs in for Mail.Send): Graph's root and tokens; null or absent where this
   * Outlook cannot have them (the pane then opens each message for the organizer to send).
   */
  mail?(service: MeetingServicePolicy): { root: string; tokens: TokenSource | null } | null;
}

/** The initial (loading) state. */
export const INITIAL_STATE: PaneState = {
  phase: 'loading',
  loaded: null,
  settings: null,
  choices: { accessCode: true, passcodeMode: 'per-invitee' },
  meeting: null,
  security: null,
  inserted: false,
  written: false,
  registered: undefined,
  truth: null,
  followsChanges: null,
  preview: null,
  activation: null,
  risk: null,
  messages: [],
  provisioning: { state: 'idle', text: '' },
  busy: false,
  message: null,
  sentInvite: undefined,
  deliveries: NO_DELIVERIES,
  lastRun: {},
};

/** Shown when the policy names no meeting service. */
export const NOT_CONFIGURED: ProvisioningStatus = { state: 'not-configured', text: `The policy names no meeting service: register the codes on the conference node yourself (${press(BUTTON.exportRoster)}).` };

/** While the meeting is being registered. */
export const PENDING: ProvisioningStatus = { state: 'pending', text: 'Registering the meeting with the meeting service…' };

/** True for security read back from the body (sessionData lost): its PINs are unknown. */
export const isRecovered = (security: MeetingSecurity) => security.hostPin === '';

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How a registration outcome is shown (`security`: what was registered). */
export function provisioningStatus(result: ProvisionResult, security: MeetingSecurity): ProvisioningStatus {
  switch (result.state) {
    case 'ok':
      return { state: 'ok', text: `Room ${(result.adopted ?? security).alias} ${result.created ? 'registered' : 'updated'} with the meeting service.` };
    case 'unchanged':
      return { state: 'ok', text: `Room ${security.alias} is registered with the meeting service.` };
    case 'not-configured':
      return NOT_CONFIGURED;
    case 'failed':
      if (result.aliasesRefused) return { state: 'aliases', text: result.message };
      return result.signIn ? { state: 'sign-in', text: `${result.message} Until you sign in, the meeting is not registered and SecureJoin will not let it be sent.` } : { state: 'failed', text: result.message };
    default:
      return { state: 'failed', text: result.message };
  }
}

/** The token source for a service, made once and only when the policy names one (so MSAL loads only then); null when this Outlook cannot sign in. */
export function tokenCache(deps: Pick<PaneDeps, 'tokens'>): (service: MeetingServicePolicy) => TokenSource | null {
  let made: { service: MeetingServicePolicy; source: TokenSource | null } | null = null;
  return (service) => {
    if (made?.service !== service) {
      let source: TokenSource | null = null;
      try {
        source = deps.tokens?.(service) ?? null;
      } catch {
        source = null;
      }
      made = { service, source };
    }
    return made.source;
  };
}
