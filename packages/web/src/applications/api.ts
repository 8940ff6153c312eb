import { createApplicationsClient } from '@openehds/client';

/**
 * The applications client the UI uses: same origin, so the HttpOnly session cookie travels with
 * every call (as `hub` in ../api.ts).
 */
export const applicationsApi = createApplicationsClient({ baseUrl: '', credentials: 'same-origin' });
