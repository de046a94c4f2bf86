// The root config, plus browser globals and React's hook rules for the app's sources.
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import root from '../../eslint.config.js';

export default [
  { ignores: ['test-artifacts/**', 'public/**'] },
  ...root,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Developer scripts run outside the app and hand their environment to the tools they start.
    files: ['scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
];
