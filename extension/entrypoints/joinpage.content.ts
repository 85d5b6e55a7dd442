import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startJoinPageAgent } from '../content/agent';

// Registered at runtime by the background (background/registration.ts) for known nodes only.
export default defineContentScript({
  registration: 'runtime',
  runAt: 'document_idle',
  // Do not tell the page an extension is here.
  noScriptStartedPostMessage: true,
  main() {
    startJoinPageAgent({
      win: window,
      send: (msg) => browser.runtime.sendMessage(msg),
      onPush: (listener) =>
        browser.runtime.onMessage.addListener((msg, sender) => {
          if (sender.id === browser.runtime.id) listener(msg);
        }),
    });
  },
});
