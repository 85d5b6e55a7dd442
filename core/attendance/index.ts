/** Attendance from Pexip Infinity's Event sink: reading its messages, and the record people see. */
export * from './envelope';
export * from './sequence';
export * from './participant';
export * from './summary';
export * from './csv';
