import { createPermitsClient } from '@openehds/client';

/**
 * The permits client the UI uses: same origin, so the HttpOnly session cookie travels with every
 * call (as `hub` in ../api.ts).
 */
export const permitsApi = createPermitsClient({ baseUrl: '', credentials: 'same-origin' });
