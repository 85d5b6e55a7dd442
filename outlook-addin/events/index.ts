/** Event-based activation: the handlers, their registration and the launch-event list. */
export { createEventHandlers } from './handlers';
export type { EventDeps, LaunchHandler } from './handlers';
export { registerEventHandlers } from './register';
export { LAUNCH_EVENTS } from './launchEvents';
export type { LaunchEventSpec, LaunchFunctionName } from './launchEvents';
