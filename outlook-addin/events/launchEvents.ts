/**
 * The launch events the add-in handles: one list that the manifest, the registration in the
 * runtime and the tests all read, so a LaunchEvent can never name a function nobody associates.
 */

/** A manifest `<LaunchEvent>`: its Type, the handler's FunctionName, and Smart Alerts' SendMode. */
export interface LaunchEventSpec {
  type: string;
  functionName: string;
  /** Mailbox requirement set that introduced the event. */
  minMailbox: '1.10' | '1.11' | '1.12';
  /** Only for OnAppointmentSend. SoftBlock: the organizer can fix and resend; the add-in being unavailable does not block. */
  sendMode?: 'SoftBlock' | 'Block' | 'PromptUser';
}

/** Every launch event, in manifest order. */
export const LAUNCH_EVENTS: readonly LaunchEventSpec[] = [
  { type: 'OnNewAppointmentOrganizer', functionName: 'onNewAppointmentOrganizer', minMailbox: '1.10' },
  { type: 'OnAppointmentTimeChanged', functionName: 'onAppointmentTimeChanged', minMailbox: '1.11' },
  { type: 'OnAppointmentAttendeesChanged', functionName: 'onAppointmentAttendeesChanged', minMailbox: '1.11' },
  { type: 'OnAppointmentRecurrenceChanged', functionName: 'onAppointmentRecurrenceChanged', minMailbox: '1.11' },
  { type: 'OnAppointmentSend', functionName: 'onAppointmentSend', minMailbox: '1.12', sendMode: 'SoftBlock' },
];

/** The handler names, as `Office.actions.associate` and the manifest's FunctionName use them. */
export type LaunchFunctionName =
  | 'onNewAppointmentOrganizer'
  | 'onAppointmentTimeChanged'
  | 'onAppointmentAttendeesChanged'
  | 'onAppointmentRecurrenceChanged'
  | 'onAppointmentSend';
