/**
 * Marks of the deadline watch, one per warning (dossier, kind, due date) or digest (agency, day): the
 * instant it was first sent, so every run after the first names the same inbox entry and recording it
 * again is a no-op. A run that crashed between the mark and the inbox entries completes them next time.
 */
export interface WatchMarks {
  /** The instant the mark was first set: `now` when this call set it, the stored instant otherwise. */
  firstSentAt(subject: string, mark: string, now: Date): Promise<string>;
}
