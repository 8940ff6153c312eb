import { createFeasibilityClient } from '@openehds/client';

/**
 * The feasibility client the UI uses: same origin, so the session cookie travels when someone is
 * signed in and the hub answers for their audience (as `hub` in ../api.ts).
 */
export const feasibilityApi = createFeasibilityClient({ baseUrl: '', credentials: 'same-origin' });
