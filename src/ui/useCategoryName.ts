import { useCallback } from 'react';
import { useAppStore } from '../store';

/** Category names come from the category table (zh / en fields), not from i18n resources. */
export function useCategoryName(): (categoryId: string) => string {
  const categories = useAppStore((s) => s.categories);
  const language = useAppStore((s) => s.language);
  return useCallback(
    (id: string) => {
      const c = categories.find((x) => x.id === id);
      if (!c) return id;
      return language === 'en' ? c.en : c.zh;
    },
    [categories, language],
  );
}
