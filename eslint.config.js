// Lint rules, including the engine's purity boundary: no UI libraries, wall-clock time, Math.random or timers in src/engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const impureGlobals = [
  {
    name: 'Date',
    message: 'The engine runs on virtual time: use the Simulation clock (src/engine/sim/clock.ts).',
  },
  { name: 'setTimeout', message: 'The engine has no timers: schedule on the Simulation event queue.' },
  { name: 'setInterval', message: 'The engine has no timers: schedule on the Simulation event queue.' },
  { name: 'performance', message: 'The engine may not read wall-clock time.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    ignores: ['src/engine/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-globals': ['error', ...impureGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded Rng (src/engine/sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'Use the Simulation clock.' },
        { object: 'crypto', property: 'randomUUID', message: 'Derive UIDs from the seeded Rng.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*'],
              message: 'src/engine is UI-free.',
            },
            { group: ['**/ui/**'], message: 'src/engine may not import src/ui.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/*/**', '!**/engine/index'],
              message: 'src/ui imports the engine only through src/engine/index.ts.',
            },
          ],
        },
      ],
    },
  },
);
