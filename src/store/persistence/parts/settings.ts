/**
 * Part `settings`: the analysis-relevant settings of the settings slice (old-building year threshold and the
 * category table with its walking distances and required flags). Language and basemap are per browser, not per
 * project (localStorage), so opening a colleague's project does not switch the UI language or go online.
 */
import type { CategoryDef } from '../../../core/config/categories';
import type { PersistedPart } from '../registry';
import { expectArray, expectBoolean, expectNumber, expectObject, expectString } from '../validate';

const P = 'parts.settings.data';

export interface SavedSettings {
  oldBuildYearThreshold: number;
  categories: CategoryDef[];
}

export const settingsPart: PersistedPart = {
  key: 'settings',
  version: 1,
  stateKeys: ['oldBuildYearThreshold', 'categories'],
  save: (s): SavedSettings => ({ oldBuildYearThreshold: s.oldBuildYearThreshold, categories: s.categories }),
  load: (json) => {
    const o = expectObject(json, P);
    const oldBuildYearThreshold = expectNumber(o.oldBuildYearThreshold, `${P}.oldBuildYearThreshold`);
    const categories = expectArray(o.categories, `${P}.categories`).map((c, i) => {
      const path = `${P}.categories[${i}]`;
      const cat = expectObject(c, path);
      expectString(cat.id, `${path}.id`);
      expectString(cat.zh, `${path}.zh`);
      expectString(cat.en, `${path}.en`);
      expectNumber(cat.level, `${path}.level`);
      expectNumber(cat.maxWalkMeters, `${path}.maxWalkMeters`);
      expectBoolean(cat.required, `${path}.required`);
      expectString(cat.color, `${path}.color`);
      expectArray(cat.osm, `${path}.osm`);
      return cat as unknown as CategoryDef;
    });
    return { oldBuildYearThreshold, categories };
  },
};
