/**
 * The visible text markers around the SecureJoin block. Outlook rewrites HTML (divs become
 * `<p class=MsoNormal>`, attributes and ids are dropped or renamed) and plain-text conversion
 * drops markup altogether, so the block is found by these lines of TEXT, never by attributes.
 * Matching is tolerant of what editors do to text: dashes turned into en/em dashes, no-break
 * spaces, extra spaces, case.
 */

/** First line of the block. */
export const BLOCK_START_MARKER = '-- SecureJoin secure access --';
/** Last line of the block. */
export const BLOCK_END_MARKER = '-- End of SecureJoin secure access --';

/** A line with dashes, spaces and case normalised, for comparing against markers and labels. */
export function normaliseLine(line: string): string {
  return line
    .replace(/[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g, '-')
    .replace(/[\s\u00a0\u200b\ufeff]+/g, ' ')
    .trim()
    .toLowerCase();
}

const START = /^-{1,3} ?securejoin secure access ?-{1,3}$/;
const END = /^-{1,3} ?end of securejoin secure access ?-{1,3}$/;

/** Marker lines are short; anything longer is skipped before normalising (cheap on huge lines). */
const MAX_MARKER_LINE = 120;
/** True when the whole line is the start marker (tolerantly). */
export const isStartMarkerLine = (line: string): boolean => line.length <= MAX_MARKER_LINE && START.test(normaliseLine(line));
/** True when the whole line is the end marker (tolerantly). */
export const isEndMarkerLine = (line: string): boolean => line.length <= MAX_MARKER_LINE && END.test(normaliseLine(line));
