import { createStakeholdersClient } from '@openehds/client';

/** The stakeholder registry client: same origin, so the session cookie travels (issue 6 §1). */
export const stakeholders = createStakeholdersClient({ baseUrl: '', credentials: 'same-origin' });
