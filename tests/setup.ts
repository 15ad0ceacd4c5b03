import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// waitFor/findBy give up after one second by default; a busy machine can take longer to render a lazy view.
configure({ asyncUtilTimeout: 5000 });

// Testing Library only cleans up automatically when test globals are on; they are off here.
afterEach(() => {
  cleanup();
});
