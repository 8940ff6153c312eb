import { createPathwayClient } from '@openehds/client';

/** The pathway client of the UI: same origin, so a signed-in user's session cookie travels (for saving). */
export const pathwayApi = createPathwayClient({ baseUrl: '', credentials: 'same-origin' });
