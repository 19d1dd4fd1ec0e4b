/** What every list asks for: at most `limit` items, after the place `cursor` marks (opaque to the caller). */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** One page of a list; `nextCursor` is there while more items follow. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}
