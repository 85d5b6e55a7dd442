import { render } from 'preact';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../options/OptionsApp';

const root = document.getElementById('app');
if (root) {
  render(
    <OptionsApp send={(msg) => browser.runtime.sendMessage(msg)} requestOrigins={(origins) => browser.permissions.request({ origins: origins.map((o) => `${o}/*`) })} />,
    root,
  );
}
