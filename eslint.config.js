// ESLint flat config. `npm run lint`. The security rules of docs/developers-guide (no HTML strings
// into the DOM, no storage.sync, no chatty console in the extension, extension APIs only through
// src/platform/) are encoded here so a slip fails `npm test`, not a review.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinRules } from 'eslint/use-at-your-own-risk';

// ESLint's own recommended rules, without depending on @eslint/js for a list ESLint already has.
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

const HTML_SINKS = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'No innerHTML/outerHTML: build nodes (Preact or createElement + textContent).',
  },
  { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No insertAdjacentHTML: build nodes instead.' },
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: render text through Preact.' },
  {
    selector: "MemberExpression[object.property.name='storage'][property.name='sync']",
    message: 'No storage.sync: keys and settings stay on this device (storage.local / storage.session).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-*/**',
      'packages/**',
      '.cache/**',
      'node_modules/**',
      'store/**',
      'docs/**',
      'public/**',
      'src/core/catalog/data.ts',
    ],
  },
  { rules: eslintRecommended },
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      // Undefined names are the compiler's to find (typescript-eslint turns this off for .ts; the
      // two .mjs scripts are Node's and short).
      'no-undef': 'off',
      // Unused names fail; a leading underscore marks a deliberate one.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // The extension: browser code. (Undefined names are TypeScript's job, so no globals lists here.)
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error', ...HTML_SINKS],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // The extension API differs between browsers and versions: only src/platform/ touches it.
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'Use the extension API through src/platform/ (ext, devtools).' },
        { name: 'browser', message: 'Use the extension API through src/platform/ (ext, devtools).' },
      ],
    },
  },
  // Type-aware rules (typescript-eslint `recommendedTypeChecked`, all on) for the extension only:
  // `projectService` finds `src/tsconfig.json` for each file, so one program with no Node types.
  // Tests, scripts and bench keep the untyped rules above: typing them means two more programs.
  // A handler that starts async work is called with `void` (no-floating-promises, no-misused-promises)
  // only where its errors are handled already (`send` never rejects); otherwise it gets a `.catch`.
  ...tseslint.configs.recommendedTypeCheckedOnly.map((config) => ({ ...config, files: ['src/**/*.{ts,tsx}'] })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['src/platform/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  // Preact components and hooks.
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
