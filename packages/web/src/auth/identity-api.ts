import { createIdentityClient } from '@openehds/client';

/** The hub's identity calls, same origin like `hub` (the session cookie travels, no token is readable). */
export const identity = createIdentityClient({ baseUrl: '', credentials: 'same-origin' });
