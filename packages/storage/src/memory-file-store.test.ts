import { createMemoryFileStore } from './memory-file-store.js';
import { describeFileStoreContract } from './file-store-contract.test-support.js';

describeFileStoreContract('memory', async () => ({ store: createMemoryFileStore() }));
