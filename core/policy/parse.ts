/**
 * Parsing an admin's policy: version gate, strict schema, plain-words errors, guess-risk check.
 * Never half-applied: either a complete Policy with defaults, or every problem found.
 */
import type { Issue, Result } from '../types';
import { toIssues } from './issues';
import { parseJsonText } from './jsonError';
import { policyGuessRisk, raisedLengthNote } from './risk';
import { POLICY_VERSION, PolicySchema } from './schema';
import type { Policy } from './schema';
import { findDuplicateKeys } from './jsonDuplicates';
import { exportDocumentIssue, regFileIssue } from './notAPolicy';
import { policyWithoutInvalidParts } from './repair';
import { keysAt } from './walk';

/** Checks the version first, so a future manifest gets "upgrade SecureJoin", not 30 unknown keys. */
function versionProblem(input: unknown): Issue | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { path: '(root)', message: `the policy must be a JSON object like { "version": ${POLICY_VERSION} }` };
  }
  const exported = exportDocumentIssue(input);
  if (exported) return exported;
  const version = (input as Record<string, unknown>).version;
  if (version === undefined) return { path: 'version', message: `is required: add "version": ${POLICY_VERSION}` };
  if (typeof version === 'number' && Number.isInteger(version) && version > POLICY_VERSION) {
    return {
      path: 'version',
      message: `policy version ${version} is newer than this SecureJoin understands (it reads version ${POLICY_VERSION}); upgrade SecureJoin or write a version ${POLICY_VERSION} policy`,
    };
  }
  if (version !== POLICY_VERSION) return { path: 'version', message: `must be ${POLICY_VERSION}, got ${JSON.stringify(version)}` };
  return null;
}

/**
 * A policy written for the add-in's earlier registration path names `nodes[].provisioningUrl`.
 * It is refused (never read with a guessed meaning) with what to change: meetings are now
 * registered through the meeting service, which holds the node's credential.
 */
function earlierVersionProblems(input: object): Issue[] {
  const nodes = (input as Record<string, unknown>).nodes;
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node, i) =>
    node !== null && typeof node === 'object' && 'provisioningUrl' in node
      ? [
          {
            path: `nodes[${i}].provisioningUrl`,
            message:
              'is from an earlier SecureJoin and no longer read: meetings are now registered through the SecureJoin meeting service. Remove "provisioningUrl" from this node and add a top-level "meetingService": { "url": "https://<your meeting service>", "clientId": "<add-in app registration id>", "authority": "https://login.microsoftonline.com/<tenant id>", "scope": "api://<service>/Meetings.ReadWrite" } (examples/POLICY.md explains each field)',
          },
        ]
      : [],
  );
}

const KIND_NAMES = { accessCode: 'an access code', passcode: 'a passcode', pin: 'a PIN' } as const;

/** The guess-risk problems of a schema-valid policy: one issue per code that is too easy to guess. */
function riskIssues(policy: Policy): Issue[] {
  const risk = policyGuessRisk(policy);
  return risk.codes
    .filter((code) => !code.ok)
    .map((code) => ({
      path: code.path,
      message: `${KIND_NAMES[code.kind]} of ${code.length} digits${raisedLengthNote(code)} can be guessed with probability ${code.probability.toExponential(1)} over ${code.exposureMinutes} minutes (maxGuessProbability is ${risk.maxGuessProbability}): ${code.fix}`,
    }));
}

/**
 * Validates an admin policy (already parsed JSON, or the object from `storage.managed`).
 *
 * @returns the policy with every default filled in, or errors that each name a path
 *   (`organizer.accessCode.length.value`) and the problem in plain words. A policy whose codes
 *   are too guessable (see {@link policyGuessRisk}) is rejected with what to change. Schema
 *   errors and guess-risk errors come in one round: with schema errors, the risk is judged on
 *   the rest of the policy (invalid values left to their defaults), and a risk problem at a
 *   path that already has a schema error is not repeated. Never throws.
 */
export function parsePolicy(input: unknown): Result<Policy> {
  const versionIssue = versionProblem(input);
  if (versionIssue) return { ok: false, errors: [versionIssue] };
  const earlier = earlierVersionProblems(input as object);
  if (earlier.length > 0) return { ok: false, errors: earlier };
  const parsed = PolicySchema.safeParse(input);
  if (!parsed.success) {
    const errors = parsed.error.issues.flatMap((issue) => toIssues(issue, input, (path) => keysAt(PolicySchema, path)));
    const rest = policyWithoutInvalidParts(input);
    const more = rest ? riskIssues(rest).filter((r) => !errors.some((e) => e.path === r.path)) : [];
    return { ok: false, errors: [...errors, ...more] };
  }
  const tooWeak = riskIssues(parsed.data);
  return tooWeak.length > 0 ? { ok: false, errors: tooWeak } : { ok: true, value: parsed.data };
}

/**
 * Parses a policy file's text: a .reg export is recognised as such, JSON syntax errors are
 * reported with line and column (path `line 3, column 14`), duplicate keys are refused with
 * their path (JSON.parse would keep the last silently), together with {@link parsePolicy}'s problems. A
 * leading UTF-8 BOM is ignored. Never throws.
 */
export function parsePolicyJson(text: string): Result<Policy> {
  const reg = regFileIssue(text);
  if (reg) return { ok: false, errors: [reg] };
  const data = parseJsonText(text);
  if (!data.ok) return data;
  const duplicates = findDuplicateKeys(text);
  const policy = parsePolicy(data.value);
  if (duplicates.length === 0) return policy;
  return { ok: false, errors: [...duplicates, ...(policy.ok ? [] : policy.errors)] };
}

/** The secure default (see valid.ts, where it is made: the task pane needs it without this module). */
export { DEFAULT_POLICY } from './valid';
