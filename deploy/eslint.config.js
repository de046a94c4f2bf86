import base from '../eslint.config.js';

// Operations tests: they read the environment of the deploy (image tags, the engine's socket), not the app's settings.
export default [...base, { files: ['src/env.ts'], rules: { 'no-restricted-properties': 'off' } }];
