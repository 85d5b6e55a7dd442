/**
 * Whether a wrong-PIN answer says anything about the PIN. Right at a code's opening it does
 * not: the node's clock may be behind ours, so it may still have refused a code that works a
 * moment later. Such a failure still counts as an attempt (the node counted it), but the PIN is
 * not marked as failed, so it is filled again once the window is safely open.
 */
import { ACTIVATION_SAFETY_MARGIN_MS } from '../time/activation';
import type { ActivationWindow } from '../time/activation';
import type { EpochMs } from '../types';

/**
 * False when the failure at `at` came before, or within {@link ACTIVATION_SAFETY_MARGIN_MS}
 * after, the opening of any of the room's windows (`null`: a record without times, which says
 * nothing); true otherwise.
 */
export function failureIsVerdict(windows: readonly (ActivationWindow | null)[], at: EpochMs): boolean {
  return !windows.some((w) => w !== null && Number.isFinite(w.opensAt) && at < w.opensAt + ACTIVATION_SAFETY_MARGIN_MS);
}
