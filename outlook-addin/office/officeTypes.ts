/**
 * The small subset of Office.js the adapter uses, declared here instead of depending on
 * `@types/office-js`. Shapes follow the Office.js reference (Mailbox requirement sets noted);
 * the real `Office` object, office-addin-mock and the playground's fake all fit it structurally.
 */

/** `Office.AsyncResult`: what every `...Async` callback receives. */
export interface OfficeAsyncResult<T> {
  status: 'succeeded' | 'failed' | string;
  value: T;
  error?: { name?: string; message?: string; code?: number };
}

/** A callback taking an AsyncResult. */
export type OfficeCallback<T> = (result: OfficeAsyncResult<T>) => void;

/** `Office.EmailAddressDetails` (attendees). */
export interface OfficeEmailAddressDetails {
  emailAddress: string;
  displayName?: string;
}

/** Compose-mode property with getAsync (subject, start, end, attendees, recurrence). */
export interface OfficeGettable<T> {
  getAsync(callback: OfficeCallback<T>): void;
}

/** `Office.SeriesTime` (Mailbox 1.7): local dates and times of a series. */
export interface OfficeSeriesTime {
  getStartDate(): string;
  getStartTime(): string;
  /** "YYYY-MM-DD", or null for a series with no end. */
  getEndDate(): string | null;
  getDuration(): number;
}

/** `Office.Recurrence` value (Mailbox 1.7). */
export interface OfficeRecurrenceValue {
  recurrenceType: 'daily' | 'weekday' | 'weekly' | 'monthly' | 'yearly' | string;
  recurrenceProperties?: { interval?: number; days?: string[]; dayOfMonth?: number } | null;
  seriesTime?: OfficeSeriesTime | null;
  recurrenceTimeZone?: { name?: string } | null;
}

/** `item.body` (Mailbox 1.3 for getAsync/setAsync with a coercion type). */
export interface OfficeBody {
  getAsync(coercionType: string, callback: OfficeCallback<string>): void;
  setAsync(data: string, options: { coercionType: string }, callback: OfficeCallback<void>): void;
}

/** `item.sessionData` (Mailbox 1.11): `Office.SessionData`. A missing key is a failed getAsync. */
export interface OfficeSessionData {
  getAsync(name: string, callback: OfficeCallback<string>): void;
  setAsync(name: string, value: string, callback: OfficeCallback<void>): void;
  removeAsync?(name: string, callback: OfficeCallback<void>): void;
}

/** An appointment in organizer (compose) mode. */
export interface OfficeAppointmentCompose {
  subject: OfficeGettable<string>;
  start: OfficeGettable<Date>;
  end: OfficeGettable<Date>;
  requiredAttendees: OfficeGettable<OfficeEmailAddressDetails[]>;
  optionalAttendees: OfficeGettable<OfficeEmailAddressDetails[]>;
  recurrence?: OfficeGettable<OfficeRecurrenceValue | null>;
  body: OfficeBody;
  sessionData?: OfficeSessionData;
  /** Mailbox 1.7 for the appointment events. */
  addHandlerAsync?(eventType: string, handler: (args?: unknown) => void, callback?: OfficeCallback<void>): void;
}

/** `Office.RoamingSettings` (Mailbox 1.1). */
export interface OfficeRoamingSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: OfficeCallback<void>): void;
}

/** The `Office` namespace as far as the add-in uses it. */
export interface OfficeLike {
  context: {
    mailbox: {
      item: OfficeAppointmentCompose | null;
      userProfile?: { timeZone?: string };
      /** Opens a new message form prefilled (Mailbox 1.1); the organizer sends it. */
      displayNewMessageForm?(params: { toRecipients: Array<{ emailAddress: string; displayName: string }>; subject: string; htmlBody: string }): void;
    };
    roamingSettings?: OfficeRoamingSettings;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
    displayLanguage?: string;
  };
  CoercionType?: { Html?: string };
  EventType?: Record<string, string>;
  AsyncResultStatus?: { Succeeded?: string };
  /** Event-based activation (Mailbox 1.10). */
  actions?: { associate(name: string, handler: (event: OfficeLaunchEvent) => unknown): void };
}

/** The event a launch-event handler receives. */
export interface OfficeLaunchEvent {
  type?: string;
  /**
   * Must be called on every path. Smart Alerts (1.12): `{ allowEvent: false, errorMessage }`;
   * `sendModeOverride: 'promptUser'` (1.14) lets the organizer send anyway (a warning, not a block).
   */
  completed(options?: { allowEvent?: boolean; errorMessage?: string; sendModeOverride?: 'promptUser' }): void;
}
