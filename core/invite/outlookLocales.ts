/** The languages Outlook writes SecureJoin's sentences in, and how the paste parsers read their text. */

/** Office's display languages (and the English, German, French, Spanish and Dutch regions in use). */
export const OUTLOOK_LOCALES: readonly string[] = [
  'en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IE', 'en-IN', 'en-NZ', 'en-ZA', 'de-DE', 'de-AT', 'de-CH', 'fr-FR', 'fr-BE', 'fr-CA',
  'fr-CH', 'es-ES', 'es-MX', 'es-US', 'it-IT', 'nl-NL', 'nl-BE', 'pt-BR', 'pt-PT', 'sv-SE', 'da-DK', 'nb-NO', 'fi-FI', 'pl-PL',
  'cs-CZ', 'sk-SK', 'hu-HU', 'ro-RO', 'bg-BG', 'hr-HR', 'sl-SI', 'sr-Latn-RS', 'et-EE', 'lv-LV', 'lt-LT', 'el-GR', 'tr-TR',
  'ru-RU', 'uk-UA', 'kk-KZ', 'he-IL', 'ar-SA', 'hi-IN', 'th-TH', 'vi-VN', 'id-ID', 'ms-MY', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW',
  'ca-ES', 'eu-ES', 'gl-ES',
];

/** Spaces as any mail client may have turned them (no-break, narrow no-break) made plain. */
export const plain = (s: string): string => s.replace(/[\s\u00a0\u202f\u2009\u200b\ufeff]+/g, ' ').trim();

/** The numbers written in `s`, Arabic-Indic and Persian digits included. */
export function numbersIn(s: string): number[] {
  const latin = s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) - 0x0660) % 0x90));
  return (latin.match(/\d+/g) ?? []).map(Number);
}
