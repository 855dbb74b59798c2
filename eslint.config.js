// ESLint: typescript-eslint's recommended rules, the house rules (no unbounded spreads over data, no test code in
// shipped folders), and eslint-config-prettier so formatting is Prettier's alone.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Spreading a data array into call arguments overflows the stack past ~100k values (issue 15). */
const unboundedSpreads = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name=/^(min|max)$/] > SpreadElement",
    message: 'Math.min/max(...values) overflows the stack on large arrays: loop, or reduce with a running min/max.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
    message: 'push(...values) overflows the stack on large arrays: loop, or use concat.',
  },
  {
    selector:
      "CallExpression[callee.object.name='String'][callee.property.name=/^fromC(harCode|odePoint)$/] > SpreadElement",
    message: 'String.fromCharCode(...codes) overflows the stack on large arrays: use TextDecoder or a loop.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.minerbench/**', 'test/fixtures/**/*.cjs', 'test/reports/__snapshots__/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': ['error', ...unboundedSpreads],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['harness/**', 'reports/**', 'subnets/**', 'bin/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/test/**'], message: 'shipped code never imports test code' }] },
      ],
    },
  },
  {
    // The renderer files are classic scripts concatenated into one page: they share one global scope.
    files: ['reports/renderer/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
    rules: {
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { vars: 'local', caughtErrors: 'none' }],
    },
  },
  prettier,
);
