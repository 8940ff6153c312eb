import { createWorkspaceClient } from '@openehds/client';

/**
 * The workspace client the UI uses: same origin, so the HttpOnly session cookie travels and the CSRF
 * header goes with every POST (as `hub` in ../api.ts).
 */
export const workspaceApi = createWorkspaceClient({ baseUrl: '', credentials: 'same-origin' });
