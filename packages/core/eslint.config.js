import base, { coreRestrictedImports } from '../../eslint.config.js';

// Use cases run the same from a request, a WebSocket or the worker: no transport, no wiring.
export default [
  ...base,
  { files: ['**/*.ts'], rules: { 'no-restricted-imports': ['error', coreRestrictedImports] } },
];
