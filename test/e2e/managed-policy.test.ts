/**
 * The admin's path end to end: `securejoin policy export --target chromium-linux` writes the file
 * an admin deploys; real Chromium reads it as managed storage against the manifest's
 * managed_schema (derived from core's zod schema; an invalid schema would stop the extension
 * from loading); the extension turns it back into a Policy, live, and falls back to the secure
 * default when the policy is unacceptable.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPolicy } from '../../cli/export';
import { DEFAULT_POLICY, parsePolicyJson } from '../../core/policy';
import type { Policy } from '../../core/policy';
import { DEV_EXTENSION_ID } from '../../core/extensionIdentity';
import { EXTENSION_DIR } from './support/globalSetup';
import { launchWithManagedPolicy, type ManagedPolicyBrowser } from './support/managedPolicyBrowser';

interface PolicyState {
  source: 'managed' | 'default';
  policy: Policy;
  errors: Array<{ path: string; message: string }>;
}

const example = parsePolicyJson(readFileSync('examples/policy.json', 'utf8'));
if (!example.ok) throw new Error('examples/policy.json must be valid');

let session: ManagedPolicyBrowser;

async function waitForState(predicate: (s: PolicyState) => boolean, timeoutMs = 20_000): Promise<PolicyState> {
  const deadline = Date.now() + timeoutMs;
  let last: PolicyState | undefined;
  while (Date.now() < deadline) {
    last = await session.worker.evaluate(
      () => new Promise((resolve) => chrome.storage.local.get('policyState', (v) => resolve(v.policyState))),
    ) as PolicyState | undefined;
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`policy state never matched; last seen: ${JSON.stringify(last)}`);
}

declare const chrome: { storage: { local: { get(key: string, cb: (v: Record<string, unknown>) => void): void } } };

beforeAll(async () => {
  session = await launchWithManagedPolicy(EXTENSION_DIR);
});
afterAll(async () => {
  await session?.close();
});

describe('managed policy in real Chromium', () => {
  it('loads the extension with the derived managed_schema under its fixed development id', async () => {
    expect(session.extensionId).toBe(DEV_EXTENSION_ID);
    const state = await waitForState(() => true);
    expect(state.source).toBe('default');
    expect(state.policy).toEqual(DEFAULT_POLICY);
  });

  it('applies a policy file written by `securejoin policy export`, live, and falls back when it is unacceptable', async () => {
    const exported = exportPolicy(example.value, 'chromium-linux');
    session.writePolicyFile('securejoin.json', exported.content);
    const applied = await waitForState((s) => s.source === 'managed');
    expect(applied.errors).toEqual([]);
    expect(applied.policy).toEqual(example.value);

    // Too guessable: 6-digit access codes with a far stricter risk ceiling. parsePolicy rejects it,
    // so the extension must fall back to the secure default and say why.
    const weak = JSON.parse(exported.content) as { '3rdparty': { extensions: Record<string, Record<string, any>> } };
    const managed = weak['3rdparty'].extensions[DEV_EXTENSION_ID]!;
    managed.organizer.accessCode.length = { value: 6, locked: true };
    managed.maxGuessProbability = 1e-9;
    session.writePolicyFile('securejoin.json', JSON.stringify(weak));
    const rejected = await waitForState((s) => s.errors.length > 0);
    expect(rejected.source).toBe('default');
    expect(rejected.policy).toEqual(DEFAULT_POLICY);
    expect(rejected.errors.map((e) => e.message).join(' ')).toMatch(/guess/i);
  });
});
