import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../popup/PopupApp';

const root = document.getElementById('app');
if (root) render(<PopupApp send={(msg) => browser.runtime.sendMessage(msg)} requestOrigin={(origin) => browser.permissions.request({ origins: [`${origin}/*`] })} />, root);
