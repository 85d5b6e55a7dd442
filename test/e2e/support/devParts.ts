/**
 * The one place the browser tests import development-only code from: the add-in development
 * server with its playground and dev token issuer, the add-in build, the reference conference
 * node, the local meeting service stack and the development certificate. When any of these
 * moves, only the paths below change.
 */
export { startAddinServer } from '../../../dev/addin-server/server';
export type { AddinServer } from '../../../dev/addin-server/server';
export { devObjectId } from '../../../cli/devIssuerRoutes';
export { buildAddin } from '../../../scripts/build/outlookAddin';
export { startConferenceNode } from '../../../dev/conference-node/server';
export type { ConferenceNode, ConferenceNodeOptions } from '../../../dev/conference-node/server';
export { createLocalIssuer, localServicePolicy, policyWithLocalService, startLocalMeetingStack } from '../../../scripts/localMeetingService';
export type { LocalMeetingStack } from '../../../scripts/localMeetingService';
export { ensureDevCertificate } from '../../../dev/devcert';
