/**
 * The one place that associates every launch event's FunctionName with its handler. Classic
 * Outlook on Windows runs the JS file without `Office.onReady`, so this runs at load time.
 */
import type { OfficeLike } from '../office/officeTypes';
import type { LaunchHandler } from './handlers';
import { LAUNCH_EVENTS } from './launchEvents';
import type { LaunchFunctionName } from './launchEvents';

/**
 * Calls `office.actions.associate(name, handler)` for every event in LAUNCH_EVENTS. Returns the
 * names associated. Throws when the host has no `Office.actions` (not an event runtime) or a
 * handler is missing, so a broken build fails loudly instead of silently never firing.
 */
export function registerEventHandlers(office: OfficeLike, handlers: Record<LaunchFunctionName, LaunchHandler>): string[] {
  const actions = office.actions;
  if (!actions || typeof actions.associate !== 'function') throw new Error('Office.actions.associate is not available in this runtime.');
  return LAUNCH_EVENTS.map(({ functionName }) => {
    const handler = handlers[functionName as LaunchFunctionName];
    if (typeof handler !== 'function') throw new Error(`No handler for ${functionName}.`);
    actions.associate(functionName, handler);
    return functionName;
  });
}
