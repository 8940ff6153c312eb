/**
 * Age and sex structure per country: approximate Eurostat population pyramids (1 January 2023,
 * table demo_pjangroup), in thousands, by 5-year band 0-4 … 80-84 and 85+. Rounded by hand: they
 * give a realistic shape (Spain's baby-boom bulge at 40-54, Germany's at 55-64, Finland's flat
 * profile), not official statistics.
 */
import type { Rng } from './random';

/** Biological sex as recorded for the synthetic person. */
export type Sex = 'male' | 'female';

interface Pyramid {
  name: string;
  male: readonly number[];
  female: readonly number[];
}

// Bands: 0-4, 5-9, …, 80-84, 85+ (18 bands).
const PYRAMIDS: Record<string, Pyramid> = {
  FI: {
    name: 'Finland',
    male: [115, 145, 155, 153, 170, 180, 190, 185, 178, 165, 170, 180, 175, 170, 165, 110, 65, 45],
    female: [110, 138, 148, 146, 160, 168, 178, 175, 170, 160, 167, 180, 180, 182, 185, 135, 92, 95],
  },
  ES: {
    name: 'Spain',
    male: [
      870, 1020, 1150, 1160, 1200, 1300, 1380, 1580, 1950, 2000, 1890, 1720, 1500, 1250, 1050, 820, 530, 520,
    ],
    female: [
      820, 960, 1080, 1090, 1140, 1270, 1370, 1560, 1890, 1960, 1890, 1780, 1580, 1360, 1200, 1000, 760, 1000,
    ],
  },
  DE: {
    name: 'Germany',
    male: [
      2020, 2000, 1960, 2020, 2300, 2550, 2850, 2800, 2600, 2450, 2950, 3400, 3050, 2550, 1950, 1550, 1400,
      900,
    ],
    female: [
      1920, 1890, 1850, 1880, 2100, 2380, 2700, 2700, 2550, 2420, 2900, 3350, 3100, 2750, 2200, 1850, 1850,
      1700,
    ],
  },
  FR: {
    name: 'France',
    male: [
      1780, 1990, 2130, 2110, 1920, 1860, 2000, 2130, 2110, 2150, 2130, 2120, 1980, 1840, 1700, 1180, 780,
      700,
    ],
    female: [
      1710, 1910, 2040, 2010, 1880, 1930, 2100, 2220, 2160, 2190, 2220, 2260, 2170, 2060, 1960, 1450, 1080,
      1400,
    ],
  },
  IT: {
    name: 'Italy',
    male: [
      1010, 1260, 1430, 1500, 1540, 1620, 1660, 1780, 2030, 2330, 2410, 2330, 2000, 1750, 1570, 1240, 890,
      790,
    ],
    female: [
      950, 1190, 1350, 1400, 1430, 1540, 1630, 1780, 2070, 2390, 2500, 2440, 2140, 1900, 1760, 1500, 1190,
      1450,
    ],
  },
};

/** Country codes with a population pyramid. */
export const SUPPORTED_COUNTRIES: readonly string[] = Object.keys(PYRAMIDS);

/** True when the generator has a pyramid for this ISO 3166-1 alpha-2 code. */
export function isSupportedCountry(code: string): boolean {
  return Object.hasOwn(PYRAMIDS, code);
}

/** Share of the population in each (sex, band) cell, for tests and documentation. */
export function pyramidShares(country: string): { male: number[]; female: number[] } {
  const p = pyramidOf(country);
  const total = sum(p.male) + sum(p.female);
  return { male: p.male.map((x) => x / total), female: p.female.map((x) => x / total) };
}

/** Draws sex and age in whole years (fractional part kept for the birthday) at the reference date. */
export function drawAgeSex(rng: Rng, country: string): { sex: Sex; age: number } {
  const p = pyramidOf(country);
  const cells = cellWeights(country, p);
  const i = rng.weighted(cells);
  const sex: Sex = i < 18 ? 'male' : 'female';
  const band = i % 18;
  // 85+: a truncated exponential tail, most between 85 and 95, none past 105.
  const age = band === 17 ? 85 + Math.min(20, -Math.log(1 - rng.next()) * 5.5) : band * 5 + rng.next() * 5;
  return { sex, age };
}

const cellCache = new Map<string, number[]>();

function cellWeights(country: string, p: Pyramid): number[] {
  let cells = cellCache.get(country);
  if (!cells) {
    cells = [...p.male, ...p.female];
    cellCache.set(country, cells);
  }
  return cells;
}

function pyramidOf(country: string): Pyramid {
  const p = PYRAMIDS[country];
  if (!p) throw new Error(`no population pyramid for ${country}`);
  return p;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

const GIVEN: Record<
  string,
  { male: readonly string[]; female: readonly string[]; family: readonly string[] }
> = {
  FI: {
    male: ['Juhani', 'Mikko', 'Antti', 'Matti', 'Jukka', 'Timo', 'Ville', 'Eero', 'Onni', 'Leo'],
    female: ['Maria', 'Anna', 'Helena', 'Aino', 'Sanna', 'Laura', 'Emilia', 'Sofia', 'Liisa', 'Kaarina'],
    family: ['Korhonen', 'Virtanen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen'],
  },
  ES: {
    male: ['Antonio', 'José', 'Manuel', 'Francisco', 'David', 'Javier', 'Daniel', 'Carlos', 'Pablo', 'Hugo'],
    female: ['María', 'Carmen', 'Ana', 'Isabel', 'Laura', 'Lucía', 'Cristina', 'Marta', 'Elena', 'Sara'],
    family: ['García', 'Rodríguez', 'González', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez'],
  },
  DE: {
    male: ['Peter', 'Michael', 'Thomas', 'Andreas', 'Stefan', 'Jan', 'Lukas', 'Felix', 'Paul', 'Jonas'],
    female: ['Ursula', 'Monika', 'Sabine', 'Petra', 'Julia', 'Anna', 'Lena', 'Marie', 'Laura', 'Sophie'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker'],
  },
  FR: {
    male: ['Jean', 'Pierre', 'Michel', 'Philippe', 'Nicolas', 'Thomas', 'Lucas', 'Hugo', 'Louis', 'Gabriel'],
    female: ['Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Jade'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand'],
  },
  IT: {
    male: [
      'Giuseppe',
      'Giovanni',
      'Antonio',
      'Mario',
      'Luigi',
      'Francesco',
      'Marco',
      'Luca',
      'Matteo',
      'Leonardo',
    ],
    female: [
      'Maria',
      'Anna',
      'Giuseppina',
      'Rosa',
      'Giulia',
      'Francesca',
      'Chiara',
      'Sofia',
      'Aurora',
      'Alice',
    ],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci'],
  },
};

/** Draws a plausible given and family name for the country (names are common, never real people). */
export function drawName(rng: Rng, country: string, sex: Sex): { given: string; family: string } {
  const names = GIVEN[country] ?? (GIVEN.DE as (typeof GIVEN)[string]);
  return { given: rng.pick(names[sex]), family: rng.pick(names.family) };
}
