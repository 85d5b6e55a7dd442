/**
 * An invalid policy with its invalid parts taken out, so the other checks (the guess risk) can
 * still judge the rest and an admin sees every problem in one round instead of fixing the
 * schema errors only to meet the next batch. Used for reporting only: the result is never
 * applied (an invalid policy stays invalid).
 */
import type { $ZodIssue } from 'zod/v4/core';
import { PolicySchema } from './schema';
import type { Policy } from './schema';

const MAX_ROUNDS = 8;

type Node = Record<PropertyKey, unknown> | unknown[];
const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object';

/** Removes `path` from `root`; false when there was nothing to remove. */
function removeAt(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isNode(node)) return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  const last = path[path.length - 1] as PropertyKey;
  if (Array.isArray(node) && typeof last === 'number' && last < node.length) {
    node.splice(last, 1);
    return true;
  }
  if (!isNode(node) || Array.isArray(node) || !(last in node)) return false;
  delete (node as Record<PropertyKey, unknown>)[last];
  return true;
}

/** Takes out what one zod issue complains about: the unknown keys, the bad value, or (when the value is missing) its parent. */
function removeIssue(root: unknown, issue: $ZodIssue): boolean {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => removeAt(root, [...path, k])).some(Boolean);
  return removeAt(root, path) || removeAt(root, path.slice(0, -1));
}

/**
 * `input` (a JSON object) with every value the schema refuses removed, so defaults fill in, as a
 * valid Policy; null when no such policy exists within a few rounds.
 */
export function policyWithoutInvalidParts(input: unknown): Policy | null {
  let current: unknown;
  try {
    current = JSON.parse(JSON.stringify(input ?? null)) as unknown; // a copy to cut (core/ has no structuredClone)
  } catch {
    return null; // not plain JSON (a cycle, a BigInt): nothing to judge
  }
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = PolicySchema.safeParse(current);
    if (parsed.success) return parsed.data;
    const changed = parsed.error.issues.map((issue) => removeIssue(current, issue)).some(Boolean);
    if (!changed) return null;
  }
  return null;
}
