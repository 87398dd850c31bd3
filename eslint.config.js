// ESLint: correctness rules over every TypeScript and JavaScript file, the Rules of Hooks on the
// extension's own React pages, and the one boundary that is about calls rather than imports: SQL
// is written only in worker/db/. Import boundaries are dependency-cruiser's (scripts/lint/), layout
// is Prettier's; `npm run lint` runs all three.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** SQL reaches D1 through `prepare`: only the data layer writes it (routes and jobs call worker/db/). */
const SQL_OUTSIDE_DB = {
  selector: "CallExpression[callee.property.name='prepare']",
  message: 'SQL 只写在 worker/db/ 里：把这条查询写成 worker/db/ 中的一个函数，路由和任务调用它。',
};

/** One way to show what was thrown: shared/errorText.ts. */
const ERROR_TEXT_AGAIN = {
  selector:
    "ConditionalExpression[test.operator='instanceof'][test.right.name='Error'][consequent.property.name='message']",
  message: '用 shared/errorText.ts 的 errorText(err)，不要再写一遍 err instanceof Error ? err.message : …',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.output/',
      '.output-*/',
      '.wxt/',
      '.wrangler/',
      '.test-results/',
      '.replica-data/',
      '.tmp/',
      // AssemblyScript (compiled by scripts/kernels.mjs), and what it compiles to.
      '**/*.as.ts',
      'extension/pdf/analysis/simd/kernels.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, ...globals.worker },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Control characters in patterns are deliberate here (stripping them from .ics text, PDF bytes).
      'no-control-regex': 'off',
      // The host's text has ideographic and no-break spaces; fixtures and comments quote it.
      'no-irregular-whitespace': [
        'error',
        { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true },
      ],
      // `a ? b() : c()` and `ok && go()` are statements here by choice.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // The Rules of Hooks (the compiler-only rules of the plugin's preset do not apply: no React Compiler here).
    files: ['extension/entrypoints/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    ignores: ['shared/errorText.ts'],
    rules: { 'no-restricted-syntax': ['error', ERROR_TEXT_AGAIN] },
  },
  {
    files: ['worker/**/*.ts'],
    ignores: ['worker/db/**', 'worker/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ERROR_TEXT_AGAIN, SQL_OUTSIDE_DB] },
  },
  {
    // Test helpers answer whatever the code under test sends (`call<T = any>`): typed at each use.
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
