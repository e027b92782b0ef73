import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const pureLayerBans = {
  paths: [
    { name: 'react', message: 'src/domain and src/io stay free of React.' },
    { name: 'react-dom', message: 'src/domain and src/io stay free of React.' },
    { name: 'dexie', message: 'src/domain and src/io stay free of Dexie.' },
    { name: 'dexie-react-hooks', message: 'src/domain and src/io stay free of Dexie.' },
    { name: 'electron', message: 'src/domain and src/io stay free of Electron.' },
    { name: 'zustand', message: 'src/domain and src/io stay free of UI state.' },
  ],
  patterns: [
    {
      group: [
        '**/db/**',
        '**/db',
        '**/features/**',
        '**/store/**',
        '**/platform/**',
        '**/components/**',
      ],
      message: 'Pure layers import only domain/io/shared.',
    },
  ],
};

/** The tables of src/db/db.ts: only src/db reads or writes them. */
const TABLES =
  'settings|partners|contracts|campaigns|contentItems|orders|payouts|bonuses|bonusRules|brandFollowers|deletions|partnerStats|undoLog|undoRows';

/**
 * Numbers and dates the owner reads are written in the owner's locale (Settings), not the
 * computer's: toLocaleString() and Intl formatters always get a locale (safeLocale(settings.locale),
 * or a fixed one on purpose, as file formats need).
 */
const LOCALE_CALL = '[callee.property.name=/^toLocale(String|DateString|TimeString)$/]';
const INTL_FORMAT =
  "[callee.object.name='Intl'][callee.property.name=/^(NumberFormat|DateTimeFormat|PluralRules|RelativeTimeFormat|ListFormat)$/]";
const LOCALE_MESSAGE =
  "Pass the owner's locale (safeLocale(settings.locale)), or a fixed one on purpose; the computer's own locale is not the owner's.";
const ownerLocale = [
  { selector: `CallExpression${LOCALE_CALL}[arguments.length=0]`, message: LOCALE_MESSAGE },
  {
    selector: `CallExpression${LOCALE_CALL}[arguments.0.type='Identifier'][arguments.0.name='undefined']`,
    message: LOCALE_MESSAGE,
  },
  { selector: `NewExpression${INTL_FORMAT}[arguments.length=0]`, message: LOCALE_MESSAGE },
  {
    selector: `NewExpression${INTL_FORMAT}[arguments.0.type='Identifier'][arguments.0.name='undefined']`,
    message: LOCALE_MESSAGE,
  },
];

/** Screens reach the data only through the functions of src/db/<area>.ts. */
const oneGateToData = (extraPatterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'dexie', message: 'Features call src/db/<area>.ts functions, never Dexie.' }],
      patterns: [
        {
          group: ['**/app/*', '**/app'],
          message: 'Features do not import src/app.',
        },
        ...extraPatterns,
      ],
    },
  ],
  'no-restricted-syntax': [
    'error',
    ...ownerLocale,
    {
      selector: `MemberExpression[property.name=/^(${TABLES}|table|transaction)$/][object.type='CallExpression'][object.callee.name='getDb']`,
      message: 'Read and write through src/db/<area>.ts functions, not getDb() tables.',
    },
    {
      selector: `MemberExpression[property.name=/^(${TABLES}|table|transaction)$/][object.name=/^db$/i]`,
      message: 'Read and write through src/db/<area>.ts functions, not the tables.',
    },
  ],
});

/** A feature's own files are './x'; another feature's would be '../<feature>/x'. */
const noOtherFeature = {
  group: ['../*/**', '!../../**'],
  message:
    'A feature does not import another feature: move what several use to src/components (display), src/hooks or src/domain.',
};

export default tseslint.config(
  {
    ignores: [
      'out',
      'out-*',
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench',
      // Frozen copy of the version-4 storage code (see its README): never linted or edited.
      'test/fixtures/v4',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Before the gates below, which repeat ownerLocale in their own no-restricted-syntax.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: { 'no-restricted-syntax': ['error', ...ownerLocale] },
  },
  {
    files: ['src/domain/**/*.ts', 'src/io/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', pureLayerBans],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'navigator',
      ],
    },
  },
  {
    files: ['src/components/**/*.tsx', 'src/components/**/*.ts', 'src/hooks/**/*.ts'],
    rules: oneGateToData([
      {
        group: ['**/features/**', '**/features'],
        message: 'Shared parts do not import a feature (features import them).',
      },
    ]),
  },
  {
    files: ['src/features/**/*.ts', 'src/features/**/*.tsx'],
    rules: {
      ...oneGateToData([noOtherFeature]),
      // A screen's functions stay short enough to hold in mind: a hook for data, sections for parts.
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'src/db stays free of React (hooks.ts only).' },
            { name: 'react-dom', message: 'src/db stays free of React.' },
          ],
          patterns: [
            {
              group: ['**/io/**', '**/io', '**/features/**', '**/app/**', '**/components/**'],
              message: 'src/db imports only domain (the backup text is built in src/io).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/platform/bridge.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'api',
          message: 'Only src/platform/bridge.ts may use window.api.',
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/domain/**', '**/src/db/**', '**/src/features/**', '**/src/io/**'],
              message: 'electron/* imports only src/shared.',
            },
          ],
        },
      ],
    },
  },
);
