import type { WatchMarks } from '../../../shared/use-cases/ports/watch-marks.ts';

/**
 * The deadline watch's marks in memory, as dynamo/watch-marks.ts keeps them: the first call for a
 * (subject, mark) stores `now` and answers it; every later call answers the stored instant.
 */
export function fakeWatchMarks(): WatchMarks & { marks: Map<string, string> } {
  const marks = new Map<string, string>();
  return {
    marks,
    async firstSentAt(subject, mark, now) {
      const key = `${subject}#${mark}`;
      const stored = marks.get(key);
      if (stored !== undefined) return stored;
      const at = now.toISOString();
      marks.set(key, at);
      return at;
    },
  };
}
