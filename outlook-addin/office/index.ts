/** The thin Office adapter: the only code that touches `Office` (promisified, UTC dates). */
export { createOfficeItemPort, officeCall, OfficeCallError } from './itemPort';
export type { OfficeItemPortOptions } from './itemPort';
export { ianaTimeZone, runtimeTimeZone } from './timeZones';
export { toRecurringSeries } from './recurrence';
export type {
  OfficeLike,
  OfficeLaunchEvent,
  OfficeAsyncResult,
  OfficeCallback,
  OfficeAppointmentCompose,
  OfficeBody,
  OfficeSessionData,
  OfficeRoamingSettings,
  OfficeRecurrenceValue,
  OfficeSeriesTime,
  OfficeEmailAddressDetails,
  OfficeGettable,
} from './officeTypes';
