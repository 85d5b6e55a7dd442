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
  newLinks: 'Get new links',
  saveDefault: 'Use as default for all meetings',
  exportRoster: 'Export roster (CSV)',
  showAttendance: 'Show attendance',
  exportAttendance: 'Export attendance (CSV)',
  confirmNewCodes: 'Make new codes',
  sendPersonal: 'Send personal messages',
} as const;

/** A label of the pane's buttons. */
export type ButtonLabel = (typeof BUTTON)[keyof typeof BUTTON];

/** `press "Update block"`: how every message names a button (only ever a {@link BUTTON} label). */
export const press = (label: ButtonLabel): string => `press "${label}"`;

/**
 * Sentences joined into one text, each ending with its own full stop (added when missing), so
 * a reason from elsewhere ("Failed to fetch") never runs into the next sentence.
 */
export function sentences(...parts: string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => (/[.!?…]["')]?$/.test(p) ? p : `${p}.`))
    .join(' ');
}

/**
 * What each passcode mode protects against, shown beside the choice in the pane (and quoted in
 * the README): short, plain, true of what the meeting service tells the node. Each starts with
 * the label of its choice in the pane.
 */
export const MODE_EXPLAINED = {
  none: 'No passcode: anyone with the invite, even a forwarded one, can join; guests wait in the lobby until a host admits them.',
  shared: 'One shared passcode: keeps out people who only have the link, but a forwarded invite lets anyone in.',
  'per-invitee': 'Unique passcode per invitee: each person gets their own link and passcode, so a forwarded invite lets no one else in, and you see who joined.',
} as const;
