export * from './time.js';
export * from './lateness.js';
export * from './tap.js';
export * from './auto-clock-out.js';
