export {
  createTempDatabase,
  dialectsUnderTest,
  mysqlAvailable,
  type TempDatabase,
  type TestDialect,
} from './temp-database.js';
export { hideTable } from './faults.js';
