import { createUseCaseClient } from '@openehds/client';

/** The use-case client for the browser: same origin, so the session cookie travels. */
export const useCaseApi = createUseCaseClient({ baseUrl: '', credentials: 'same-origin' });
