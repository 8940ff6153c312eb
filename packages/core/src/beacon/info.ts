import { BEACON_API_VERSION } from './limits';
import { informationalMeta } from './response-meta';

/**
 * Who this Beacon is: `/` and `/info` (beaconInfoResponse) and `/service-info` (GA4GH service-info
 * 1.0). Pure builders from the node's (or the hub's) description of itself.
 */

export interface BeaconDescription {
  /** Reverse domain name, unique in a Beacon network (`eu.openehds.node.fi-biobank`). */
  id: string;
  name: string;
  description?: string;
  environment: 'prod' | 'test' | 'dev' | 'staging';
  /** The software version of this Beacon (not the API version). */
  version: string;
  organization: {
    id: string;
    name: string;
    description?: string;
    address?: string;
    welcomeUrl?: string;
    contactUrl?: string;
    logoUrl?: string;
  };
  /** Absolute URL of the Beacon root (`https://node.example/api/beacon`), for the map and links. */
  rootUrl: string;
  welcomeUrl?: string;
  createDateTime?: string;
  updateDateTime?: string;
}

/** `/` and `/info`. */
export function beaconInfoResponse(d: BeaconDescription) {
  return {
    meta: informationalMeta(d.id, [{ entityType: 'info', schema: 'beacon-info-v2.0.0' }]),
    response: {
      id: d.id,
      name: d.name,
      apiVersion: BEACON_API_VERSION,
      environment: d.environment,
      organization: d.organization,
      ...(d.description ? { description: d.description } : {}),
      version: d.version,
      ...(d.welcomeUrl ? { welcomeUrl: d.welcomeUrl } : {}),
      alternativeUrl: d.rootUrl,
      ...(d.createDateTime ? { createDateTime: d.createDateTime } : {}),
      ...(d.updateDateTime ? { updateDateTime: d.updateDateTime } : {}),
    },
  };
}

/** `/service-info`: the GA4GH service-info 1.0 document (type `org.ga4gh:beacon`). */
export function serviceInfo(d: BeaconDescription) {
  return {
    id: d.id,
    name: d.name,
    type: { group: 'org.ga4gh', artifact: 'beacon', version: BEACON_API_VERSION },
    ...(d.description ? { description: d.description } : {}),
    organization: { name: d.organization.name, url: d.organization.welcomeUrl ?? d.rootUrl },
    ...(d.organization.contactUrl ? { contactUrl: d.organization.contactUrl } : {}),
    documentationUrl: 'https://docs.genomebeacons.org',
    ...(d.createDateTime ? { createdAt: d.createDateTime } : {}),
    ...(d.updateDateTime ? { updatedAt: d.updateDateTime } : {}),
    environment: d.environment,
    version: d.version,
  };
}
