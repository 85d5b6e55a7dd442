/**
 * The playground's `office.js`: a classic script that defines `window.Office` as the fake over
 * the playground page's host (`window.top.securejoinPlayground`), before the add-in's own script
 * runs, just as the real office.js would be loaded first. Opened outside the playground it says
 * so on the console and defines nothing, so the add-in fails visibly instead of silently.
 */
import { createFakeOffice } from './fakeOffice';
import { PLAYGROUND_HOST_GLOBAL } from './hostState';
import type { PlaygroundHost } from './hostState';

function findHost(): PlaygroundHost | undefined {
  try {
    return (window.top as unknown as Record<string, PlaygroundHost | undefined>)[PLAYGROUND_HOST_GLOBAL];
  } catch {
    return undefined; // cross-origin top: not the playground
  }
}

const host = findHost();
if (host) (window as unknown as { Office: unknown }).Office = createFakeOffice(host, { displayLanguage: navigator.language || 'en-GB' });
else console.error('SecureJoin playground office.js: no playground host found; open /playground/ instead.');
