/**
 * What a function builds on its first invocation instead of at import: an AWS SDK client, the PDF
 * fonts read from their files. Each such build is declared through {@link firstUse}, so the cold-start
 * bench (tests/bench/cold-start.ts, docs/design.md §10) can run them all right after importing the
 * bundle and count them with module init: moving work from init to the first request must not make a
 * function look as if it started faster.
 */

const builds: (() => unknown)[] = [];

/** The global the bench calls after `import()` of a bundle: runs every declared build once. */
export const firstUseHook = Symbol.for('egov-one-stop.first-use');

(globalThis as Record<symbol, unknown>)[firstUseHook] = async (): Promise<void> => {
  await Promise.all(builds.map((build) => build()));
};

/** `build`, run on the first call only; the later calls get what it built. */
export function firstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  const get = (): T => (built ??= { value: build() }).value;
  builds.push(get);
  return get;
}
