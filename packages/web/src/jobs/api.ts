import { createJobsClient } from '@openehds/client';

/** The jobs client the UI uses: same origin, so the HttpOnly session cookie travels with every call. */
export const jobsApi = createJobsClient({ baseUrl: '', credentials: 'same-origin' });
