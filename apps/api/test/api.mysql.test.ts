import { describe } from 'vitest';
import { dialectsUnderTest } from '@absensi/db/testing';
import { defineApiSuite } from './api-suite.js';

if ((await dialectsUnderTest()).includes('mysql')) defineApiSuite('mysql');
else describe.skip('the tRPC API on MariaDB (no MariaDB here)', () => undefined);
