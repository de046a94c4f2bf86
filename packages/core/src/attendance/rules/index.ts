export * from './time.js';
export * from './lateness.js';
export * from './tap-time.js';
export * from './shift-order.js';
export * from './auto-clock-out.js';
