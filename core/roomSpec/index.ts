/**
 * core/roomSpec: the room a meeting opens, as the product defines it: its validated shape
 * (`parseRoomSpec`: aliases, PINs, access code, invitees, window, series), its aliases and how they
 * compare, Infinity's PIN-length rule, and when its codes work (`roomWindowAt`). The meeting
 * service stores it, the add-in builds it, core/infinity answers Infinity's policy requests from it.
 * (What only the reference node decides, token requests and reading policy answers, lives with
 * the node: dev/conference-node/decisions/.)
 */
export * from './types';
export * from './spec';
export * from './aliases';
export * from './window';
