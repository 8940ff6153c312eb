import { createRegisterClient } from '@openehds/client';

/**
 * The register client the UI uses: the public lists need no session; the staff routes use the
 * HttpOnly session cookie, which travels with every same-origin call.
 */
export const registerApi = createRegisterClient({ baseUrl: '', credentials: 'same-origin' });
