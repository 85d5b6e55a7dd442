/** The reference conference node (Pexip Infinity look-alike): start it, build its join page. */
export { startConferenceNode, LOOPBACK_HOSTS } from './server';
export type { ConferenceNode, ConferenceNodeOptions, ConferenceStatus, LoopbackHost } from './server';
export type { TestClockControl } from './testClock';
export { buildJoinPageBundle } from './joinPage/build';
export { renderJoinPage, escapeHtml } from './joinPage/html';
export { parseMainOptions, demoRoom } from './main';
