export { publishEvents, recordEvents } from './publish.js';
export { republishUnsent } from './republish.js';
export { SentMarks } from './sent-marks.js';
