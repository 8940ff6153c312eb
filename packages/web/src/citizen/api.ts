import { createOptOutClient } from '@openehds/client';

/** The hub's opt-out calls, same origin (the HttpOnly session cookie travels, no token is readable). */
export const optOutApi = createOptOutClient({ baseUrl: '', credentials: 'same-origin' });
