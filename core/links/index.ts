/** Pexip web app join links (webapp3, webapp2, legacy) and SecureJoin capture links. */
export { buildJoinLink, parseJoinLink, joinLinkIssues, JOIN_PIN_PATTERN, MAX_JOIN_ALIAS_LENGTH, MAX_JOIN_NAME_LENGTH } from './join';
export type { JoinLink, JoinLinkStyle } from './join';
export {
  buildCaptureLink,
  parseCaptureLink,
  stripCaptureFragment,
  hasCaptureFragment,
  capturePayloadSchema,
  CAPTURE_FRAGMENT_KEY,
  CAPTURE_PAYLOAD_VERSION,
  MAX_CAPTURE_FRAGMENT_LENGTH,
  MAX_CAPTURE_SUBJECT_LENGTH,
  captureSubject,
} from './capture';
export type { CaptureLinkInput, CaptureRecord, CapturePayload } from './capture';
export { captureRecurrenceSchema, toCaptureRecurrence, fromCaptureRecurrence } from './captureRecurrence';
export type { SeriesRecurrence, CaptureRecurrence } from './captureRecurrence';
export { splitWebUrl, percentDecode, parseQuery, LOOPBACK_HOSTS, MAX_URL_LENGTH } from './url';
export type { WebUrl } from './url';
export { utf8Encode, utf8Decode, base64UrlEncode, base64UrlDecode, base64UrlEncodeText, base64UrlDecodeText } from './base64url';
