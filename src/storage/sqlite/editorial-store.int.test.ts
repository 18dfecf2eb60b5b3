/** The editorial store contract on a real SQLite file. */
import { sqliteEditorialBackend } from '../../../test/support/editorial-backends.ts';
import { runEditorialStoreContract } from '../editorial-store.contract.ts';

runEditorialStoreContract(sqliteEditorialBackend());
