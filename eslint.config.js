import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const deepImport = (message) => ({ message })

/** No core file imports Electron; each names what else it may not import. */
const coreImports = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { paths: [{ name: 'electron', message: 'src/main/core must not import electron (it runs under plain Node).' }], patterns },
  ],
})
const throughIndex = { group: ['../*/*', '!../*/index'], ...deepImport('Import another core concern through its index.ts only.') }
const throughContract = { group: ['@shared/contract/*'], ...deepImport('Import the contract through @shared/contract.') }
const noContract = { group: ['@shared/*'], ...deepImport('The sandbox stands apart: not even the contract’s types.') }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No focused tests.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The core runs under plain Node, the CLI and vitest: never Electron, and other rooms only through their door.
    files: ['src/main/core/**/*.ts'],
    rules: coreImports(throughIndex, throughContract),
  },
  {
    // The sandbox plays Meta: it shares nothing with the Graph client, the token service or the
    // webhook parser (not even types), so one cannot hide the other's mistakes. Logging and the clock only.
    files: ['src/main/core/sandbox/*.ts'],
    rules: coreImports({ group: ['../*', '!../clock', '!../log'], ...deepImport('The sandbox stands apart: it imports only ../clock and ../log from the core.') }, noContract),
  },
  {
    files: ['src/main/core/sandbox/*/**/*.ts'],
    rules: coreImports(
      { group: ['../../*', '!../../clock', '!../../log', '../../../*'], ...deepImport('The sandbox stands apart: it imports only clock and log from the core.') },
      { group: ['../*/*', '!../*/index'], ...deepImport('Import another sandbox part through its index.ts only.') },
      noContract,
    ),
  },
  {
    // Only the sandbox session runs the sandbox; everything else reaches it through the contract.
    files: ['src/main/core/!(sandbox|sandbox-session)/**/*.ts', 'src/main/core/*.ts'],
    rules: coreImports(throughIndex, throughContract, {
      group: ['../sandbox', './sandbox', '../sandbox/*', './sandbox/*'],
      ...deepImport('Only sandbox-session imports the sandbox.'),
    }),
  },
  {
    files: ['src/main/*.ts', 'src/main/!(core)/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['./core/*', '../core/*', '../../core/*'], ...deepImport('Use the core through src/main/core/index.ts.') },
            { group: ['@shared/contract/*'], ...deepImport('Import the contract through @shared/contract.') },
          ],
        },
      ],
      // Opening URLs goes through the checked opener in security.ts, composed in index.ts.
      'no-restricted-properties': ['error', { object: 'shell', property: 'openExternal', message: 'Use createExternalOpener (security.ts).' }],
    },
  },
  {
    files: ['src/main/index.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/main/command-line/**/*.ts', 'src/main/bridge/**/*.ts', 'src/main/static/**/*.ts', 'src/main/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Browser mode and the CLI run without Electron.' }],
          patterns: [
            { group: ['./core/*', '../core/*', '../../core/*'], ...deepImport('Use the core through src/main/core/index.ts.') },
            { group: ['@shared/contract/*'], ...deepImport('Import the contract through @shared/contract.') },
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared is used by the renderer too.' }],
          patterns: [{ group: ['node:*', '../main/*', '../renderer/*'], message: 'src/shared depends on nothing but the schema library.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to the core only through its Api.' }],
          patterns: [
            { group: ['node:*', '**/main/**', '**/preload/**'], message: 'The renderer imports only src/shared and itself.' },
            { group: ['@shared/contract/*'], message: 'Import the contract through @shared/contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
