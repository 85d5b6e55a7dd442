/**
 * Issue 13: one vocabulary for the pane, Smart Alerts and the README. Every message that tells
 * the organizer what to press names a label the pane's buttons really carry (BUTTON), a deleted
 * line is reported as missing, and sentences never run together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applySecurity, checkBeforeSend, createSecurity, serviceOutcome } from '../../../outlook-addin/logic';
import { BUTTON, MODE_EXPLAINED, sentences } from '../../../outlook-addin/logic/wording';
import { meeting, POLICY, SETTINGS } from './fixtures';

const LABELS: string[] = Object.values(BUTTON);

/** Every `press "X"` in a text. */
const pressed = (text: string): string[] => [...text.matchAll(/press "([^"]*)"/gi)].map((m) => m[1] as string);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'playground' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function secured() {
  const m = meeting();
  const security = createSecurity(m, { accessCode: true, passcodeMode: 'shared' }, SETTINGS, POLICY);
  const applied = applySecurity(m, security, SETTINGS);
  return { m: { ...m, bodyHtml: applied.bodyHtml }, security: applied.security };
}

describe('the messages name real buttons', () => {
  it('no source names a button except through BUTTON, and no old wording is left', () => {
    const files = [...sourceFiles(join(process.cwd(), 'outlook-addin')), join(process.cwd(), 'core', 'invite', 'check.ts')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const label of pressed(text)) expect(label.startsWith('${') || LABELS.includes(label), `${file}: press "${label}"`).toBe(true);
      expect(text, file).not.toMatch(/choose Insert|Insert or update|sign in again\.|generate new codes|generate a new one|add it again|\(Export roster\)/);
    }
  });

  it('every service answer that says what to press names a BUTTON label', () => {
    for (const status of [0, 400, 401, 403, 404, 409, 413, 500, 502, 503]) {
      for (const label of pressed(serviceOutcome(status, '{"message":"x"}').ok ? '' : (serviceOutcome(status, '{"message":"x"}') as { message: string }).message)) expect(LABELS).toContain(label);
    }
    expect((serviceOutcome(401, '') as { message: string }).message).toBe('The meeting service did not accept your sign-in (401): open SecureJoin and press "Sign in to the meeting service".');
    expect((serviceOutcome(403, '') as { message: string }).message).toBe('This meeting belongs to another organizer on the meeting service (403): open SecureJoin and press "Regenerate codes" to make it yours.');
  });
});

describe('Smart Alerts texts', () => {
  it('a deleted access code line is reported as missing, naming "Update block"', () => {
    const { m, security } = secured();
    const body = m.bodyHtml.replace(/<p><b>Access code:<\/b>[^\n]*<\/p>\n?/, '');
    expect(body).not.toContain('Access code:');
    expect(checkBeforeSend({ ...m, bodyHtml: body }, security, POLICY, SETTINGS)).toEqual({
      allow: false,
      message: 'SecureJoin: The access code line is missing from the block. Open SecureJoin and press "Update block", then send again.',
    });
  });

  it('a deleted passcode line or activation line is missing too; an edited code differs', () => {
    const { m, security } = secured();
    const without = (re: RegExp) => checkBeforeSend({ ...m, bodyHtml: m.bodyHtml.replace(re, '') }, security, POLICY, SETTINGS);
    expect(without(/<p><b>Passcode:<\/b>[^\n]*<\/p>\n?/)).toMatchObject({ message: expect.stringContaining('The passcode line is missing from the block.') });
    expect(without(/<p>The code works from[^\n]*<\/p>\n?/)).toMatchObject({ message: expect.stringContaining('The activation time line is missing from the block.') });
    const edited = m.bodyHtml.replace(`<b>Access code:</b> ${security.accessCode}`, '<b>Access code:</b> 40404040');
    expect(checkBeforeSend({ ...m, bodyHtml: edited }, security, POLICY, SETTINGS)).toMatchObject({ message: expect.stringContaining('The access code in the invite differs from the one set for this meeting.') });
  });
});

describe('sentences', () => {
  it('ends every part with a full stop and joins them with one space', () => {
    expect(sentences('SecureJoin could not register it', 'Failed to fetch', 'Send again.')).toBe('SecureJoin could not register it. Failed to fetch. Send again.');
    expect(sentences(' a? ', '', 'b (c).', 'd "e."')).toBe('a? b (c). d "e."');
  });
});

describe('what each passcode mode protects against', () => {
  it('is short and plain', () => {
    expect(MODE_EXPLAINED['per-invitee']).toBe('Unique passcode per invitee: each person gets their own link and passcode, so a forwarded invite lets no one else in, and you see who joined.');
    const panel = readFileSync(join(process.cwd(), 'outlook-addin', 'taskpane', 'SettingsPanel.tsx'), 'utf8');
    // Each starts with its choice's label in the pane: one vocabulary.
    for (const text of Object.values(MODE_EXPLAINED)) expect(panel).toContain(`label: '${text.split(':')[0]}'`);
    for (const text of Object.values(MODE_EXPLAINED)) expect(text.length).toBeLessThan(160);
  });
});

describe('the README uses the same words', () => {
  const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8').replace(/\s+/g, ' ');
  it('quotes the mode explanations, the alert texts and every button label as the code has them', () => {
    for (const text of Object.values(MODE_EXPLAINED)) expect(readme).toContain(`"${text}"`);
    for (const label of LABELS) expect(readme).toContain(`**${label}**`);
    expect(readme).not.toMatch(/\*\*Export roster\*\*/);
    const { m, security } = secured();
    const body = m.bodyHtml.replace(/<p><b>Access code:<\/b>[^\n]*<\/p>\n?/, '');
    const alert = checkBeforeSend({ ...m, bodyHtml: body }, security, POLICY, SETTINGS);
    expect(readme).toContain(`"${(alert as { message: string }).message}"`);
    expect(readme).toContain('Check your network connection. Send again to retry."');
  });
});
