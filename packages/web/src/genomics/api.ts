import { createBeaconClient } from '@openehds/client';

/**
 * The Beacon network client the UI uses: same origin, so the session cookie travels when someone is
 * signed in and the hub answers at their granularity (as `hub` in ../api.ts).
 */
export const beaconApi = createBeaconClient({ baseUrl: '', credentials: 'same-origin' });
