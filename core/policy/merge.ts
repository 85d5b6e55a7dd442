/**
 * Merging a user's own preferences with the admin policy. Locked policy settings always win;
 * invalid or unknown preference entries are ignored and reported (never half-applied per entry),
 * and preferences that would make codes too guessable are ignored as a group.
 *
 * The merge without its words (effective.ts adds them, with issues.ts for zod's): the Outlook task pane
 * merges its organizer's own saved defaults, which are nearly always clean, with
 * {@link cleanEffectiveSettings} and loads the wording only when one is not.
 */
import { safeParse } from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import type { Issue } from '../types';
import { policyGuessRisk } from './risk';
import type { LockableSetting, Policy } from './schema';
import { PolicySchema } from './schema';
import { listFields, shapeOf, unwrap } from './walk';

/** Replaces every `{ value, locked }` in T by its value type. */
type ValuesOf<T> = T extends LockableSetting<infer V> ? V : { [K in keyof T]: ValuesOf<T[K]> };

/** The organizer- and attendee-facing settings after merging: plain values, no locks. */
export type EffectiveSettings = ValuesOf<Pick<Policy, 'organizer' | 'attendee'>>;

/**
 * A user's preferences: the same shape as {@link EffectiveSettings}, every entry optional
 * (e.g. `{ attendee: { autofill: { mode: 'off' } } }`). Untrusted: validated entry by entry.
 */
export type UserPrefs = unknown;

/** What {@link effectiveSettings} returns. */
export interface EffectiveSettingsResult {
  settings: EffectiveSettings;
  /** Setting paths the admin locked, e.g. `organizer.accessCode.required`. */
  locked: string[];
  /** Preference entries that were not applied, and why. */
  ignored: Issue[];
}

interface SettingInfo {
  path: string;
  valueSchema: $ZodType;
}

/** Every user-facing setting, found in the schema (anything shaped `{ value, locked }`). */
export const SETTING_PATHS: readonly string[] = listFields(PolicySchema)
  .filter((f) => f.setting)
  .map((f) => f.path);

const SETTINGS: ReadonlyMap<string, SettingInfo> = new Map(
  listFields(PolicySchema)
    .filter((f) => f.setting)
    .map((f) => {
      const value = shapeOf(f.schema)?.value;
      if (!value) throw new Error(`setting ${f.path} has no value schema`);
      return [f.path, { path: f.path, valueSchema: unwrap(value) }];
    }),
);

/** Settings that feed the guess-risk check. */
const RISK_PATHS = new Set(SETTING_PATHS.filter((p) => p.startsWith('organizer.')));

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Flattens nested prefs into `path -> value` leaves, stopping at setting paths. */
function leaves(prefs: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(prefs)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (!SETTINGS.has(path) && isPlainObject(value)) out.push(...leaves(value, path));
    else out.push([path, value]);
  }
  return out;
}

function getAt(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isPlainObject(node) ? node[key] : undefined), root);
}

function setAt(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = root;
  for (const key of keys) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = value;
}

/** The words for each preference that is not applied (effective.ts); null: stop at the first one. */
export interface PrefsExplainer {
  /** The preferences are not an object at all. */
  notAnObject(prefs: unknown): string;
  /** A group of settings (e.g. `organizer.accessCode`) that is not an object. */
  notAGroup(value: unknown): string;
  unknown: string;
  locked: string;
  /** The problems zod found in one preference's value, in one sentence. */
  invalid(issues: readonly $ZodIssue[], value: unknown): string;
  /** The organizer preferences together would make `weak` codes too guessable. */
  tooGuessable(weak: string, maxGuessProbability: number): string;
}

/**
 * Merges `prefs` into `policy`'s settings (see effective.ts's effectiveSettings). With `explain`
 * null the answer is null as soon as one preference would not be applied.
 */
export function mergeSettings(policy: Policy, prefs: UserPrefs, explain: PrefsExplainer | null): EffectiveSettingsResult | null {
  const settings: Record<string, unknown> = {};
  const locked: string[] = [];
  for (const path of SETTING_PATHS) {
    const entry = getAt(policy, path) as LockableSetting<unknown>;
    setAt(settings, path, entry.value);
    if (entry.locked) locked.push(path);
  }
  const ignored: Issue[] = [];
  if (prefs === null || prefs === undefined) return { settings: settings as EffectiveSettings, locked, ignored };
  if (!isPlainObject(prefs)) {
    if (!explain) return null;
    return { settings: settings as EffectiveSettings, locked, ignored: [{ path: '(root)', message: explain.notAnObject(prefs) }] };
  }

  const applied: string[] = [];
  // JSON round trip: a deep copy without structuredClone (core/ has no DOM/Node lib).
  const merged = JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
  for (const [path, value] of leaves(prefs)) {
    const info = SETTINGS.get(path);
    if (!info) {
      if (!explain) return null;
      const isGroup = SETTING_PATHS.some((p) => p.startsWith(`${path}.`));
      ignored.push({ path, message: isGroup ? explain.notAGroup(value) : explain.unknown });
      continue;
    }
    if (locked.includes(path)) {
      if (value === getAt(settings, path)) continue;
      if (!explain) return null;
      ignored.push({ path, message: explain.locked });
      continue;
    }
    const parsed = safeParse(info.valueSchema, value);
    if (!parsed.success) {
      if (!explain) return null;
      ignored.push({ path, message: explain.invalid(parsed.error.issues, value) });
      continue;
    }
    setAt(merged, path, parsed.data);
    applied.push(path);
  }

  const o = (merged as EffectiveSettings).organizer;
  const risk = policyGuessRisk(policy, {
    accessCodeRequired: { value: o.accessCode.required, locked: true },
    accessCodeLength: o.accessCode.length,
    passcodeMode: { value: o.passcodes.mode, locked: true },
    passcodeLength: o.passcodes.length,
    pinMinLength: o.pin.minLength,
    leadMinutes: o.activation.leadMinutes,
    graceMinutes: o.activation.graceMinutes,
  });
  if (!risk.ok && applied.some((p) => RISK_PATHS.has(p))) {
    if (!explain) return null;
    const weak = risk.codes.filter((c) => !c.ok).map((c) => c.kind).join(', ');
    for (const path of applied.filter((p) => RISK_PATHS.has(p))) {
      setAt(merged, path, getAt(settings, path));
      ignored.push({ path, message: explain.tooGuessable(weak, policy.maxGuessProbability) });
    }
  }
  return { settings: merged as EffectiveSettings, locked, ignored };
}

/** {@link mergeSettings} when every preference applies as it is; null when one would not (ask effectiveSettings why). */
export function cleanEffectiveSettings(policy: Policy, prefs: UserPrefs): EffectiveSettingsResult | null {
  return mergeSettings(policy, prefs, null);
}
