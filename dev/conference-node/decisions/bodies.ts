/**
 * The exact JSON bodies a Pexip Infinity conference node answers on `request_token`
 * (platform facts, section 4). The SDKs validate them strictly, so shapes here must not drift.
 */
import type { Role } from '../../../core/types';

/** `version` object included in pin-required and token bodies (the SDK requires it). */
export interface NodeVersion {
  version_id: string;
  pseudo_version: string;
}

/** The version this reference node reports. */
export const NODE_VERSION: NodeVersion = { version_id: '36', pseudo_version: '0.1.0-securejoin' };

/** Error strings Pexip uses (the SDK maps them to `#pex` codes). */
export const PEXIP_ERRORS = {
  invalidPin: 'Invalid PIN',
  notFound: 'Neither conference nor gateway found',
  pinRetriesExceeded: 'Participant exceeded PIN entry retries',
  invalidToken: 'Invalid token',
} as const;

/** 403 body asking for a PIN: `pin`/`guest_pin` say which PINs exist (`'none'` = guests join without one). */
export interface PinRequiredBody {
  status: 'success';
  result: { version: NodeVersion; pin: 'required' | 'none'; guest_pin: 'required' | 'none' };
}

/** 403/404 body carrying one error string. */
export interface ErrorBody {
  status: 'success' | 'failed';
  result: string;
}

/** Service a participant lands in: the conference, or the lobby until a host joins. */
export type ServiceType = 'conference' | 'waiting_room';

/** 200 body of `request_token`. */
export interface TokenBody {
  status: 'success';
  result: {
    token: string;
    expires: string;
    participant_uuid: string;
    display_name: string;
    role: 'HOST' | 'GUEST';
    service_type: 'conference';
    current_service_type: ServiceType;
    conference_name: string;
    version: NodeVersion;
    chat_enabled: boolean;
    direct_media: boolean;
    call_type: 'video';
    guests_can_present: boolean;
  };
}

/** 403 `{"status":"success","result":{"version":..,"pin":..,"guest_pin":..}}`. */
export function pinRequiredBody(prompt: { pin: 'required' | 'none'; guest_pin: 'required' | 'none' }): PinRequiredBody {
  return { status: 'success', result: { version: NODE_VERSION, pin: prompt.pin, guest_pin: prompt.guest_pin } };
}

/** 403 `{"status":"success","result":"Invalid PIN"}` (client error `#pex101`). */
export function invalidPinBody(): ErrorBody {
  return { status: 'success', result: PEXIP_ERRORS.invalidPin };
}

/** 403 `{"status":"success","result":"Participant exceeded PIN entry retries"}` (`#pex192`). */
export function retriesExceededBody(): ErrorBody {
  return { status: 'success', result: PEXIP_ERRORS.pinRetriesExceeded };
}

/** 404 `{"status":"failed","result":"Neither conference nor gateway found"}`: unknown or blocked room. */
export function notFoundBody(): ErrorBody {
  return { status: 'failed', result: PEXIP_ERRORS.notFound };
}

/** 403 `{"status":"success","result":"Invalid token"}` for client API calls with a bad token. */
export function invalidTokenBody(): ErrorBody {
  return { status: 'success', result: PEXIP_ERRORS.invalidToken };
}

/** What the HTTP shell adds to an admission to build the 200 body. */
export interface TokenGrant {
  token: string;
  /** Token lifetime in seconds (Pexip sends it as a string). */
  expiresSeconds: number;
  participantUuid: string;
  displayName: string;
  role: Role;
  serviceType: ServiceType;
  conferenceName: string;
}

/** 200 body of `request_token` for an admitted participant. */
export function tokenBody(grant: TokenGrant): TokenBody {
  return {
    status: 'success',
    result: {
      token: grant.token,
      expires: String(grant.expiresSeconds),
      participant_uuid: grant.participantUuid,
      display_name: grant.displayName,
      role: grant.role === 'host' ? 'HOST' : 'GUEST',
      service_type: 'conference',
      current_service_type: grant.serviceType,
      conference_name: grant.conferenceName,
      version: NODE_VERSION,
      chat_enabled: false,
      direct_media: false,
      call_type: 'video',
      guests_can_present: false,
    },
  };
}
