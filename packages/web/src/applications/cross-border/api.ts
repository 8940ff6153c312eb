import { createCrossBorderClient } from '@openehds/client';

/** The cross-border client the UI uses: same origin, with the HttpOnly session cookie. */
export const crossBorderApi = createCrossBorderClient({ baseUrl: '', credentials: 'same-origin' });
