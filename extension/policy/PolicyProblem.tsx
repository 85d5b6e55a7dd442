/**
 * What the popup and the options page say when the admin's managed policy is present but
 * invalid (PolicyState `invalid`), or meant (the admin installed SecureJoin) but empty or
 * unreadable (`unreadable`): SecureJoin fills and saves nothing until it is fixed, and what is
 * wrong (zod paths and messages), so the user can tell the admin exactly.
 * Preact escapes every text it renders.
 */
import { UNREADABLE_POLICY } from './unreadable';
import type { PolicyState } from './managedPolicy';

/** The notice, or nothing when the policy in force is fine. */
export function PolicyProblem({ policyState }: { policyState: PolicyState | null }) {
  if (policyState === null) return null;
  if (policyState.source === 'unreadable') {
    return (
      <div class="error" id="policy-broken" role="alert">
        <p>
          <strong>{UNREADABLE_POLICY}.</strong> Until it is fixed, SecureJoin fills no PIN and saves no new one (your saved meetings are
          kept). Please tell your administrator:
        </p>
        <ul id="policy-broken-errors">
          {policyState.errors.map((e) => (
            <li key={e.message}>{e.message}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (policyState.source !== 'invalid') return null;
  return (
    <div class="error" id="policy-broken" role="alert">
      <p>
        <strong>Your administrator's policy for SecureJoin is broken.</strong> Until it is fixed, SecureJoin fills no PIN and saves no new
        one (your saved meetings are kept). Please tell your administrator what is wrong:
      </p>
      <ul id="policy-broken-errors">
        {policyState.errors.map((e) => (
          <li key={`${e.path}:${e.message}`}>
            {e.path}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
