/**
 * A policy that is valid as it stands, and nothing more: no plain-words problems. A valid policy
 * file is the everyday case, and this is all the Outlook task pane needs at first paint; it loads
 * parse.ts (JSON syntax positions, version and earlier-format advice, problems per field) only
 * for a broken file. The answer always agrees with parse.ts: a policy here is exactly what
 * parsePolicy / parsePolicyJson return for the same input, and null is where they list problems.
 */
import { findDuplicateKeys } from './jsonDuplicates';
import { policyGuessRisk } from './risk';
import { POLICY_VERSION, PolicySchema } from './schema';
import type { Policy } from './schema';

/** The policy with its defaults when `input` passes the schema and the guess-risk check, else null. */
export function validPolicy(input: unknown): Policy | null {
  const parsed = PolicySchema.safeParse(input);
  if (!parsed.success) return null;
  return policyGuessRisk(parsed.data).codes.every((code) => code.ok) ? parsed.data : null;
}

/**
 * The policy in a policy file's text (a leading UTF-8 BOM is ignored) when the text is JSON
 * without duplicate keys and the policy is valid, else null: ask parsePolicyJson what is wrong.
 */
export function validPolicyJson(text: string): Policy | null {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
  return findDuplicateKeys(text).length === 0 ? validPolicy(data) : null;
}

/**
 * The secure default every component falls back to when there is no policy or the policy is
 * invalid (fail closed): access codes required and locked, 8-digit codes, 9-digit minimum PINs
 * (locked; the host PIN opens the room at any time), per-invitee passcodes, Pexip's attempt
 * limits, and no conference nodes (so the extension autofills nowhere until an admin names the
 * nodes).
 */
export const DEFAULT_POLICY: Policy = (() => {
  const policy = validPolicy({ version: POLICY_VERSION });
  if (!policy) throw new Error('DEFAULT_POLICY is invalid: the schema\'s defaults fail its own checks');
  return deepFreeze(policy);
})();

/** Freezes an object graph, so no caller can weaken the shared default by mutating it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
