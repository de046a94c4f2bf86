export { publishEvents, recordEvents } from './publish.js';
export { recentEvents, republishUnsent } from './republish.js';
export { SentMarks } from './sent-marks.js';
