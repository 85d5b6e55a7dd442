/**
 * What only the reference conference node decides (a Pexip Infinity look-alike for development
 * and tests, never shipped), as pure functions over plain data: the `request_token` decision and
 * Pexip's exact bodies, the lobby, per-client attempt keys, and reading External Policy API
 * answers. The node's HTTP shell (../server.ts, ../clientApi.ts, ../policyClient.ts) calls them.
 * The product's own room rules are in core/roomSpec.
 */
export * from './bodies';
export * from './decideTokenRequest';
export * from './lobby';
export * from './clientKey';
export * from './policyAnswer';
