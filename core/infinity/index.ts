/**
 * core/infinity: Pexip Infinity's External Policy API as pure decisions: the typed query, the
 * conference a meeting's alias answers with, and participants' display names. service/ is the
 * HTTP and database shell around these.
 */
export * from './query';
export * from './answers';
export * from './participant';
export * from './opening';
