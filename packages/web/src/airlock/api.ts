import { createAirlockClient } from '@openehds/client';

/**
 * The airlock client the UI uses: same origin, so the HttpOnly session cookie travels with every
 * call (as `hub` in ../api.ts).
 */
export const airlockApi = createAirlockClient({ baseUrl: '', credentials: 'same-origin' });
