import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../background/main';

// The background wires; modules do the work.
export default defineBackground(() => {
  startBackground();
});
