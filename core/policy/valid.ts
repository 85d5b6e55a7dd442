/**
 * A policy that is valid as it stands, and nothing more: no plain-words problems. A valid policy
 * file is the everyday case, and this is all the Outlook task pane needs at first paint; it loads
 * parse.ts (JSON syntax positions, version and earlier-format advice, problems per field) only
 * for a broken file. The answer always agrees with parse.ts: a policy here is exactly what
 * parsePolicy / parsePolicyJson return for the same input, and null is where they list problems.
 */
import { MAX_DEPTH } from './jsonDuplicates';
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
  return hasRepeatedKeys(text, data) ? null : validPolicy(data);
}

/**
 * True when a key repeats in one object of `text` (valid JSON, parsed as `value`): the text
 * writes more keys (string tokens followed by ":") than the parsed value holds, since JSON.parse
 * keeps only the last of a repeated key. Also true past jsonDuplicates.ts's nesting limit. The
 * answer of findDuplicateKeys(text).length > 0 (which also says where), without its scanner.
 */
export function hasRepeatedKeys(text: string, value: unknown): boolean {
  let written = 0;
  for (const token of text.matchAll(/"(?:[^"\\]|\\.)*"(\s*:)?/g)) if (token[1]) written++;
  const held = keysIn(value, 0);
  return held === null || held !== written;
}

/** Keys in `value` and everything in it (`depth`: its path's length); null past the nesting limit. */
function keysIn(value: unknown, depth: number): number | null {
  if (value === null || typeof value !== 'object') return 0;
  const children = Object.values(value);
  // jsonDuplicates.ts refuses any value deeper than MAX_DEPTH (its path longer than that).
  if (children.length > 0 && depth >= MAX_DEPTH) return null;
  let count = Array.isArray(value) ? 0 : children.length;
  for (const child of children) {
    const inner = keysIn(child, depth + 1);
    if (inner === null) return null;
    count += inner;
  }
  return count;
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
