/**
 * The pane's colour scheme from Office's theme. Office (Outlook on Windows and Mac, new Outlook)
 * tells add-ins its theme in `Office.context.officeTheme`; where it does, the pane follows it,
 * since Outlook's theme can differ from the system's. Elsewhere taskpane.css follows
 * `prefers-color-scheme`.
 */

/** The part of `Office.context.officeTheme` read here. */
export interface OfficeThemeLike {
  bodyBackgroundColor?: unknown;
}

/** 'dark' or 'light' for Office's body background (`#rrggbb`, `#rgb`); null when there is none to read. */
export function schemeOfOfficeTheme(theme: OfficeThemeLike | null | undefined): 'dark' | 'light' | null {
  const color = typeof theme?.bodyBackgroundColor === 'string' ? theme.bodyBackgroundColor.trim() : '';
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (!hex) return null;
  const full = hex.length === 3 ? hex.replace(/./g, '$&$&') : hex;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
  // Perceived lightness (Rec. 601 weights): Office's dark themes paint #1f1f1f to #3b3b3b, its light ones white or #f3f2f1.
  return 0.299 * r + 0.587 * g + 0.114 * b < 0.5 ? 'dark' : 'light';
}

/** Sets `data-theme` on the page root from Office's theme (taskpane.css reads it); leaves it unset when Office says nothing. */
export function applyOfficeTheme(root: HTMLElement, theme: OfficeThemeLike | null | undefined): void {
  const scheme = schemeOfOfficeTheme(theme);
  if (scheme) root.dataset.theme = scheme;
}
