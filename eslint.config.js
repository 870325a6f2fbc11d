import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const otherSrcFolders = ['io', 'worker', 'store', 'map', 'ui', 'i18n', 'cli'].flatMap((f) => [
  `../${f}/*`, `../../${f}/*`, `../../../${f}/*`, `@/${f}/*`, `src/${f}/*`,
]);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // The analysis core is pure: it runs in Node, in Workers and in tests. No DOM, no map, no UI state.
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: { ...globals.es2023 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['maplibre-gl', 'react', 'react-dom', 'zustand', 'zundo', 'terra-draw', 'terra-draw-maplibre-gl-adapter', 'i18next', 'react-i18next']
          .map((name) => ({ name, message: 'src/core must stay free of DOM, map, UI and state libraries.' })),
        patterns: [{ group: otherSrcFolders, message: 'src/core must not import other src folders.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'HTMLElement', 'fetch'],
    },
  },
  {
    files: ['test/**/*.ts', 'scripts/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
