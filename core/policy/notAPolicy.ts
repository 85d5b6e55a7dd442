/**
 * Recognises the files SecureJoin writes around a policy (what `securejoin policy export` and
 * `policy schema` print) when one is given where the policy itself belongs. Without this an
 * admin who checks the exported file gets "version: is required" and no idea why.
 */
import type { Issue } from '../types';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const PASS_INSTEAD = 'pass the policy JSON it was made from (the file with "version": 1, like examples/policy.json)';

/** The issue for a file that is not a policy but one of our outputs. */
const notAPolicy = (what: string): Issue => ({ path: '(root)', message: `this is ${what}, not a SecureJoin policy: ${PASS_INSTEAD}` });

/**
 * When `text` is a Windows .reg file (as `policy export --target chrome-windows|edge-windows`
 * writes, UTF-16 already decoded), the issue saying so; else null.
 */
export function regFileIssue(text: string): Issue | null {
  const head = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).trimStart();
  if (!/^(?:Windows Registry Editor Version|REGEDIT4)/.test(head)) return null;
  return notAPolicy('a Windows registry file (what "securejoin policy export --target chrome-windows" or "edge-windows" writes)');
}

/**
 * When parsed JSON `input` is a browser policy file or the managed-storage schema rather than a
 * policy, the issue saying which and what to pass instead; else null. A document with a
 * `version` is always treated as a policy (and checked as one).
 */
export function exportDocumentIssue(input: unknown): Issue | null {
  if (!isObject(input) || 'version' in input) return null;
  const thirdParty = input['3rdparty'];
  if (isObject(thirdParty) && isObject(thirdParty.extensions)) {
    return notAPolicy('a Chrome/Chromium managed policy file (what "securejoin policy export --target chromium-linux" or "chrome-linux" writes)');
  }
  if (isObject(input.policies)) {
    return notAPolicy('a Firefox policies.json (what "securejoin policy export --target firefox" writes)');
  }
  if (input.type === 'object' && isObject(input.properties)) {
    return notAPolicy('a JSON schema (what "securejoin policy schema" prints for the extension manifest)');
  }
  return null;
}
