export {
  buildRecap,
  monthRecap,
  myMonth,
  startRecapExport,
  type MonthRecap,
  type RecapPersonRow,
} from './build.js';
export { recapFile } from './export.js';
export { RECAP_LEGEND, emptyTotals, totalsOf, type RecapTotals } from './rules.js';
