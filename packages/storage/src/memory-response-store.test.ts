import { createMemoryResponseStore } from './memory-response-store.js';
import { describeResponseStoreContract } from './response-store-contract.test-support.js';

describeResponseStoreContract('memory', async () => ({ store: createMemoryResponseStore() }));
