/**
 * SecureJoin core: the shared library every shell (Outlook add-in, browser extension, CLI,
 * reference conference node) calls. Pure TypeScript over plain data: no DOM, Office,
 * browser-extension or Node-only APIs. Each area below is one folder with its own index.
 */
export * from './types';
export * from './extensionIdentity';
/** Access codes, PINs, invitee passcodes, weak-code detection, guess risk. */
export * from './codes';
/** Pexip PIN rules: formats, host/guest roles, the PIN prompt, the lobby rule. */
export * from './pin';
/** Attempt limits per user and per room: AttemptLedger. */
export * from './attempts';
/** Per-invitee passcodes and who used them. */
export * from './roster';
/** Activation windows, recurring meetings, time-zone formatting. */
export * from './time';
/** Pexip web app join links and capture links. */
export * from './links';
/** The security block in invites: render, upsert, find, parse, check. */
export * from './invite';
/** The admin policy manifest. */
export * from './policy';
/** A conference node's decisions (token requests, room specs). */
export * from './roomSpec';
/** The extension's saved meetings: records, import/export, upgrade, retention. */
export * from './vault';
/** The extension's fill decisions: which join page, which PIN, whether to fill now. */
export * from './autofill';
/** The extension's attempt guard over observed request_token outcomes. */
export * from './guard';
