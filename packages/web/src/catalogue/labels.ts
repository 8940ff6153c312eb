/** Display names of facet values, one table per facet. */
import type { FacetKey } from '@openehds/client';
import { ui } from '../i18n/ui';
import { nameOf } from '../i18n/format';

/** The human name of a facet value (category and country names; access rights in words). */
export function facetValueLabel(key: FacetKey, value: string): string {
  switch (key) {
    case 'healthCategory':
      return `${nameOf(ui.healthCategories, value)} (${value})`;
    case 'country':
      return nameOf(ui.countries, value);
    case 'accessRights':
      return nameOf(ui.accessRights, value);
    default:
      return value;
  }
}

/** The legend of each facet group. */
export const FACET_TITLES: Record<FacetKey, string> = {
  healthCategory: ui.catalogue.facetHealthCategory,
  country: ui.catalogue.facetCountry,
  codingSystem: ui.catalogue.facetCodingSystem,
  accessRights: ui.catalogue.facetAccessRights,
};

/** A text in the wanted language, else English, else any language present. */
export function pickLang(text: Record<string, string> | undefined | null, lang: string): string {
  if (!text) return '';
  return text[lang] || text.en || Object.values(text).find((v) => v) || '';
}
