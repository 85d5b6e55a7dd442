/**
 * The task pane's button labels, in one place: the pane renders them, and every Smart Alert and
 * pane message that tells the organizer what to press names them from here, so an alert can
 * never send someone looking for a button that is called something else.
 */
export const BUTTON = {
  generate: 'Generate codes',
  regenerate: 'Regenerate codes',
  insert: 'Insert block',
  update: 'Update block',
  remove: 'Remove block',
  signIn: 'Sign in to the meeting service',
  saveDefault: 'Use as default for all meetings',
  exportRoster: 'Export roster (CSV)',
} as const;

/** A label of the pane's buttons. */
export type ButtonLabel = (typeof BUTTON)[keyof typeof BUTTON];
