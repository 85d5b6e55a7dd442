/**
 * core/room: the decisions of the reference conference node (a Pexip Infinity look-alike),
 * as pure functions over plain data. `conference-node/` is the HTTP shell around these.
 */
export * from './types';
export * from './bodies';
export * from './spec';
export * from './aliases';
export * from './decideTokenRequest';
export * from './lobby';
export * from './clientKey';
export * from './policyAnswer';
