import { createHubClient } from '@openehds/client';

/**
 * The hub client the UI uses: same origin, so the HttpOnly session cookie set at sign-in travels
 * with every call and no token is ever readable by page scripts.
 */
export const hub = createHubClient({ baseUrl: '', credentials: 'same-origin' });
