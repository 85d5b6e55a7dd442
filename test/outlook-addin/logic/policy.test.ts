import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../core/policy';
import { enforceLocks, loadPolicyLazily, organizerSettings, prefsFromChoices } from '../../../outlook-addin/logic';
import { organizerSettingsLazily } from '../../../outlook-addin/logic/policy';
import { loadPolicy } from '../../../outlook-addin/logic/policyFile';
import { EXAMPLE_POLICY_TEXT, POLICY } from './fixtures';

describe('loadPolicy', () => {
  it('uses a valid policy file', () => {
    const loaded = loadPolicy(EXAMPLE_POLICY_TEXT);
    expect(loaded.source).toBe('file');
    expect(loaded.errors).toEqual([]);
    expect(loaded.policy.nodes[0]?.origin).toBe('https://meet.example.com');
  });

  it('falls back to the secure defaults with errors for an invalid policy', () => {
    const loaded = loadPolicy('{"version": 1, "organizer": {"accessCode": {"required": {"value": "no"}}}}');
    expect(loaded.source).toBe('default');
    expect(loaded.policy).toBe(DEFAULT_POLICY);
    expect(loaded.errors[0]?.path).toBe('organizer.accessCode.required.value');
    expect(organizerSettings(loaded.policy, null).choices.accessCode).toBe(true);
  });

  it('reports JSON syntax errors with a position, and an unreachable file', () => {
    expect(loadPolicy('{"version": 1,,}').errors[0]?.path).toMatch(/^line 1, column/);
    const missing = loadPolicy(null);
    expect(missing.source).toBe('default');
    expect(missing.errors[0]?.message).toMatch(/could not be loaded/);
  });
});

describe('loadPolicyLazily (the task pane: problems loaded only for a broken file)', () => {
  // Valid, BOM, duplicate key, JSON syntax, schema error, too guessable, earlier format, a .reg export, newer version, unreachable.
  const texts: Array<string | null> = [
    EXAMPLE_POLICY_TEXT,
    `\uFEFF${EXAMPLE_POLICY_TEXT}`,
    '{"version": 1, "assumedInvitees": 5, "assumedInvitees": 6}',
    '{"version": 1,,}',
    '{"version": 1, "organizer": {"accessCode": {"required": {"value": "no"}}}}',
    '{"version": 1, "organizer": {"accessCode": {"length": {"value": 6}}}, "maxGuessProbability": 1e-9}',
    '{"version": 1, "nodes": [{"origin": "https://meet.example.com", "provisioningUrl": "https://x.example.com"}]}',
    'Windows Registry Editor Version 5.00\r\n',
    '{"version": 2}',
    null,
  ];
  it('answers exactly what loadPolicy answers, for valid, broken and missing files', async () => {
    for (const text of texts) expect(await loadPolicyLazily(text), String(text).slice(0, 60)).toEqual(loadPolicy(text));
    expect((await loadPolicyLazily(EXAMPLE_POLICY_TEXT)).source).toBe('file');
    expect((await loadPolicyLazily('{"version": 1,,}')).errors[0]?.path).toMatch(/^line 1, column/);
  });
});

describe('organizerSettingsLazily (the task pane: words for defaults not applied loaded only then)', () => {
  it('answers exactly what organizerSettings answers', async () => {
    for (const prefs of [null, {}, { organizer: { passcodes: { mode: 'shared' } } }, { organizer: { accessCode: { required: false } } }, { organizer: { passcodes: { mode: 'nope' } } }, 'x']) {
      expect(await organizerSettingsLazily(POLICY, prefs), JSON.stringify(prefs)).toEqual(organizerSettings(POLICY, prefs));
    }
  });
});

describe('organizerSettings', () => {
  it('takes the policy values and locks', () => {
    const s = organizerSettings(POLICY, null);
    expect(s.choices).toEqual({ accessCode: true, passcodeMode: 'per-invitee' });
    // Passcodes are the guest PIN of their alias: the host PIN's length (the larger of 10 and 8).
    expect(s).toMatchObject({ accessCodeLength: 9, passcodeLength: 10, pinLength: 10, leadMinutes: 15, graceMinutes: 10, autoInsert: true });
    expect(s.locked).toContain('organizer.accessCode.required');
    expect(s.node?.origin).toBe('https://meet.example.com');
  });

  it('applies personal defaults for unlocked settings and ignores them for locked ones', () => {
    const s = organizerSettings(POLICY, { organizer: { passcodes: { mode: 'shared' }, accessCode: { required: false } } });
    expect(s.choices).toEqual({ accessCode: true, passcodeMode: 'shared' });
    expect(s.ignored).toEqual([{ path: 'organizer.accessCode.required', message: 'locked by your administrator' }]);
  });

  it('ignores garbage preferences without throwing', () => {
    expect(organizerSettings(POLICY, 'nonsense').ignored).toHaveLength(1);
    expect(organizerSettings(POLICY, { organizer: { passcodes: { mode: 'everyone' } } }).choices.passcodeMode).toBe('per-invitee');
  });

  it('saves only unlocked choices as defaults, and locks always win', () => {
    const s = organizerSettings(POLICY, null);
    expect(prefsFromChoices({ accessCode: false, passcodeMode: 'none' }, s.locked)).toEqual({ organizer: { passcodes: { mode: 'none' } } });
    expect(enforceLocks({ accessCode: false, passcodeMode: 'none' }, POLICY)).toEqual({ accessCode: true, passcodeMode: 'none' });
  });
});
