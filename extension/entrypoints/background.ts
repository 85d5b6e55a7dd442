import { defineBackground } from 'wxt/utils/define-background';
import { watchManagedPolicy } from '../policy/managedPolicy';

// The background wires; modules do the work.
export default defineBackground(() => {
  watchManagedPolicy();
});
