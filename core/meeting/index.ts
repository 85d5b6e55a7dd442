/**
 * core/meeting: the meeting service's decisions (what a write body is, which write a request
 * is, who may do what) as pure functions. `service/` is the HTTP and database shell around them.
 */
export * from './id';
export * from './body';
export * from './preconditions';
export * from './access';
export * from './claims';
export * from './view';
export * from './drafts';
