/** Invitee roster: per-invitee passcodes, passcode lookup and join naming. */
export { createRoster, resolvePasscode } from './roster';
export type { Invitee, Roster, CreateRosterOptions } from './roster';
export { recordJoin } from './joins';
export type { RosterUsage } from './joins';
export { withPersonalAliases } from './aliases';
export type { PersonalAliasOptions } from './aliases';
