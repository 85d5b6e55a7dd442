/**
 * The one place the browser tests import development-only code from: the add-in development
 * server with its playground and dev token issuer, the add-in build, the reference conference
 * node, the local meeting service stack and the development certificate. When any of these
 * moves, only the paths below change.
 */
export { startAddinServer } from '../../../outlook-addin/server';
export type { AddinServer } from '../../../outlook-addin/server';
export { devObjectId } from '../../../outlook-addin/devIssuerRoutes';
export { buildAddin } from '../../../outlook-addin/build';
export { startConferenceNode } from '../../../conference-node/server';
export type { ConferenceNode, ConferenceNodeOptions } from '../../../conference-node/server';
export { createLocalIssuer, localServicePolicy, policyWithLocalService, startLocalMeetingStack } from '../../../scripts/localMeetingService';
export type { LocalMeetingStack } from '../../../scripts/localMeetingService';
export { ensureDevCertificate } from '../../../devcert';
