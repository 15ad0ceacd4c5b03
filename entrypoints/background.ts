import { defineBackground } from 'wxt/utils/define-background';
import { setUpBackground } from '~/lib/background';

export default defineBackground({
  type: 'module',
  main() {
    setUpBackground();
  },
});
