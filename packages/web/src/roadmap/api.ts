import { createRoadmapClient } from '@openehds/client';

/** The roadmap client of the UI: same origin, so the session cookie travels. */
export const roadmapApi = createRoadmapClient({ baseUrl: '', credentials: 'same-origin' });
