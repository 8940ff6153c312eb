import { createKpiClient } from '@openehds/client';

/** The KPI client of the UI: same origin, so the session cookie travels. */
export const kpiApi = createKpiClient({ baseUrl: '', credentials: 'same-origin' });
