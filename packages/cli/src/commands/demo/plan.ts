/**
 * The demo federation `npm start` runs: one hub and three data-holder nodes with different synthetic
 * populations (sizes and case mixes), small enough to be up in well under a minute. Pure data.
 */
export interface DemoNode {
  key: 'fi' | 'es' | 'de';
  name: string;
  organisation: string;
  country: string;
  datasetId: string;
  patients: number;
  seed: number;
  profile: 'biobank' | 'cancer-registry' | 'hospital';
}

/** The three demo nodes; organisation names match the hub's demo seed so accounts link to them. */
export const DEMO_NODES: DemoNode[] = [
  {
    key: 'fi',
    name: 'Helsinki Biobank node',
    organisation: 'Helsinki Biobank (demo)',
    country: 'FI',
    datasetId: 'fi-helsinki-biobank',
    patients: 2000,
    seed: 358,
    profile: 'biobank',
  },
  {
    key: 'es',
    name: 'Catalan Cancer Registry node',
    organisation: 'Registro de Cáncer de Cataluña (demo)',
    country: 'ES',
    datasetId: 'es-catalan-cancer-registry',
    patients: 1500,
    seed: 34,
    profile: 'cancer-registry',
  },
  {
    key: 'de',
    name: 'Heidelberg University Hospital node',
    organisation: 'Universitätsklinikum Heidelberg (demo)',
    country: 'DE',
    datasetId: 'de-heidelberg-university-hospital',
    patients: 3000,
    seed: 49,
    profile: 'hospital',
  },
];

/**
 * Ports: the hub on `base`, nodes' local APIs on base+11, +12, +13, the demo identity providers
 * (national eID, Life Science Login) on base+21 and +22.
 */
export function demoPorts(base: number): {
  hub: number;
  nodes: Record<DemoNode['key'], number>;
  identity: { eid: number; ls: number };
} {
  return {
    hub: base,
    nodes: { fi: base + 11, es: base + 12, de: base + 13 },
    identity: { eid: base + 21, ls: base + 22 },
  };
}
