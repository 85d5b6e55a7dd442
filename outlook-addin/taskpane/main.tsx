/**
 * Task pane entry: waits for Office, wires the controller to the Office adapter, policy.json
 * (served beside the add-in) and fetch, and renders the Preact UI.
 */
import { render } from 'preact';
import { mailFor, tokenSourceFor } from '../auth/tokenSource';
import { createOfficeItemPort } from '../office';
import type { OfficeLike } from '../office/officeTypes';
import { applyOfficeTheme } from '../office/theme';
import type { OfficeThemeLike } from '../office/theme';
import { App } from './App';
import { createPaneController } from './controller';
import type { PaneState } from './controller';

declare const Office: OfficeLike & { onReady(cb?: () => void): Promise<unknown>; context: { officeTheme?: OfficeThemeLike } };

/** policy.json beside this page; null when it cannot be fetched (then the secure defaults apply). */
async function fetchPolicy(): Promise<string | null> {
  try {
    const res = await fetch(new URL('policy.json', location.href).href, { cache: 'no-store' });
    return res.ok ? await res.text() : null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (!root) throw new Error('taskpane.html has no #app');
  if (typeof Office === 'undefined') {
    root.textContent = 'SecureJoin runs inside Outlook: office.js did not load.';
    return;
  }
  await Office.onReady();
  applyOfficeTheme(document.documentElement, Office.context.officeTheme);
  const listeners = new Set<(state: PaneState) => void>();
  const controller = createPaneController(
    {
      port: createOfficeItemPort(Office),
      fetchPolicy,
      fetch: (url, init) => fetch(url, init),
      // Only called when the policy names a meeting service: MSAL is imported on first use.
      tokens: (service) => tokenSourceFor(service),
      mail: mailFor,
      now: () => Date.now(),
      visible: () => document.visibilityState === 'visible',
    },
    (state) => listeners.forEach((l) => l(state)),
  );
  const hub = Object.assign(controller, {
    subscribe(cb: (state: PaneState) => void) {
      listeners.add(cb);
      cb(controller.state);
      return () => void listeners.delete(cb);
    },
  });
  render(<App controller={hub} />, root);
  await controller.init();
  // Closing the pane hands item updates back to the event runtime (best effort: a pane that
  // vanishes without this loses ownership when its heartbeat goes stale).
  addEventListener('pagehide', () => void controller.dispose());
  // Back in the pane after editing the body or subject (which raise no events anywhere): read the item again.
  const recheck = () => void (document.visibilityState === 'visible' && controller.recheck());
  addEventListener('focus', recheck);
  document.addEventListener('visibilitychange', recheck);
  document.body.dataset.ready = 'true';
}

void start();
