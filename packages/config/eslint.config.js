import base from '../../eslint.config.js';

// This package is the one validated reader of process.env.
export default [...base, { files: ['src/load.ts'], rules: { 'no-restricted-properties': 'off' } }];
