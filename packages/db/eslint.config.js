import base from '../../eslint.config.js';

// The one package that speaks SQL.
export default [...base, { rules: { 'no-restricted-imports': 'off' } }];
