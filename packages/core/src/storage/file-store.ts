/**
 * A file the gateway keeps itself: an upload for a provider that has a batch API but no files
 * API in OpenAI's shape (Anthropic), read back when a batch is created from it.
 */
export interface StoredFile {
  /** The File id the client saw (`file-…`). */
  id: string;
  filename: string;
  /** OpenAI's purpose (`batch`). */
  purpose: string;
  /** The content's length in bytes. */
  bytes: number;
  /** When it was stored, in Unix seconds (as OpenAI's File object counts time). */
  createdAt: number;
  /** The catalog entry (provider slug) it was uploaded for. */
  provider: string;
  /** Whose record it is (for a later per-key partition: the gateway key id); '' for now. */
  owner: string;
}

/** What the gateway remembers of a batch it created, so retrieve, list, cancel and results know it. */
export interface StoredBatch {
  /** The provider's batch id (`msgbatch_…`), which is also the id the client sees. */
  id: string;
  /** The catalog entry (provider slug) that runs it. */
  provider: string;
  inputFileId: string;
  /** The OpenAI endpoint its lines call (`/v1/chat/completions`). */
  endpoint: string;
  completionWindow: string;
  metadata: Record<string, string> | null;
  /** Unix seconds. */
  createdAt: number;
  owner: string;
}

/** The listing filter: everything kept for one provider, optionally of one purpose. */
export interface StoredFileFilter {
  provider?: string;
  purpose?: string;
}

/**
 * Where the gateway keeps uploaded files and its batch records. Content goes in and comes out as
 * a stream, never held whole (a batch input file can be 200 MB). Implementations: a directory on
 * disk and in-memory in `@switchyard/storage`; any object with these methods works.
 */
export interface FileStore {
  /**
   * Stores a file from its content as it arrives and gives it an id. If the content throws (the
   * upload limit, a client that left) nothing is kept and the error is rethrown.
   */
  create(file: Pick<StoredFile, 'filename' | 'purpose' | 'provider' | 'owner'>, content: AsyncIterable<Uint8Array>): Promise<StoredFile>;
  get(id: string): Promise<StoredFile | undefined>;
  /** Changes a file's name or purpose (a form may send `purpose` after the file); undefined when there is no such file. */
  update(id: string, changes: Partial<Pick<StoredFile, 'filename' | 'purpose'>>): Promise<StoredFile | undefined>;
  /** Files matching the filter, newest first. */
  list(filter?: StoredFileFilter): Promise<StoredFile[]>;
  /** The content, streamed; undefined when there is no file with that id. */
  read(id: string): Promise<AsyncIterable<Uint8Array> | undefined>;
  /** Deletes a file and its content; false when there was none with that id. */
  delete(id: string): Promise<boolean>;
  /** Saves a batch record, replacing one with the same id. */
  saveBatch(batch: StoredBatch): Promise<void>;
  getBatch(id: string): Promise<StoredBatch | undefined>;
  /** Batch records for one provider (all when none is given), newest first. */
  listBatches(filter?: { provider?: string }): Promise<StoredBatch[]>;
}
