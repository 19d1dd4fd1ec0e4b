/** What a stored file is, as far as the use cases ask. */
export interface StoredObject {
  size: number;
  lastModified: Date;
}

/** The documents bucket: verification reads, quarantine, generated files (presigned URLs: presigner.ts). */
export interface DocumentStore {
  /** `undefined` when there is no object at `key`. */
  head(key: string): Promise<StoredObject | undefined>;
  /** Streams the object once: its SHA-256 (hex), its length and its first `headBytes` bytes. */
  digest(key: string, headBytes: number): Promise<{ sha256: string; size: number; head: Uint8Array }>;
  /** Moves a refused object out of the dossier's prefix: nobody downloads it through the platform. */
  quarantine(key: string, toKey: string): Promise<void>;
  /** Copies an object within the bucket; `false` when there is no object at `key`. */
  copy(key: string, toKey: string): Promise<boolean>;
  remove(key: string): Promise<void>;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** The object's bytes; throws when there is none. */
  get(key: string): Promise<Uint8Array>;
  /** The object's bytes, `undefined` when there is none. */
  read(key: string): Promise<Uint8Array | undefined>;
}
