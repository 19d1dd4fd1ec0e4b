/**
 * Readers of environment variables, for shared/config.ts. Not zod: the configuration is read at every
 * function's init, and zod's first schema and first parse cost ~15 ms there (V8 compiling its code
 * paths on first use), a tenth of a typical function's module init. Each reader keeps the rule of the
 * zod schema it replaces (noted on it), so the same values pass, fail, and come out the same.
 */

/** What a reader returns when the value breaks its rule. */
export const invalid: unique symbol = Symbol('invalid');
export type Invalid = typeof invalid;

/** Reads one variable's raw value (`undefined` when unset). */
export type Reader<T> = (raw: string | undefined) => T | Invalid;
/** Checks one value inside a JSON map. */
type Check<T> = (value: unknown) => T | Invalid;

/** `z.string().min(min).max(max)`; required unless `.default` or `optional` wraps it. */
export function text(min = 0, max = Infinity): Reader<string> {
  return (raw) => (raw !== undefined && raw.length >= min && raw.length <= max ? raw : invalid);
}

/** `z.string().regex(pattern)`. */
export function matching(pattern: RegExp): Reader<string> {
  return (raw) => (raw !== undefined && pattern.test(raw) ? raw : invalid);
}

/** `z.enum(values)`. */
export function oneOf<const V extends string>(values: readonly V[]): Reader<V> {
  return (raw) => (values.includes(raw as V) ? (raw as V) : invalid);
}

/** `z.url()`: what the URL parser accepts, trimmed, with ASCII tabs and newlines removed (as zod returns it). */
function urlValue(value: unknown): string | Invalid {
  if (typeof value !== 'string') return invalid;
  const trimmed = value.trim();
  return URL.canParse(trimmed) ? trimmed.replace(/[\t\n\r]/g, '') : invalid;
}
export const url = (): Reader<string> => urlValue;

/** `z.coerce.number().int().min(min).max(max)`: `Number(raw)`, a finite safe integer within the bounds. */
export function integer(min: number, max = Infinity): Reader<number> {
  return (raw) => {
    const n = Number(raw);
    return Number.isSafeInteger(n) && n >= min && n <= max ? n : invalid;
  };
}

/** `.default(value)`: an unset variable takes the value without the rule; a set one must keep it. */
export function withDefault<T>(reader: Reader<T>, value: NoInfer<T>): Reader<T> {
  return (raw) => (raw === undefined ? value : reader(raw));
}

/** `.optional()`: unset stays unset. */
export function optional<T>(reader: Reader<T>): Reader<T | undefined> {
  return (raw) => (raw === undefined ? undefined : reader(raw));
}

/** `.transform(fn)` of a valid value. */
export function mapped<T, U>(reader: Reader<T>, fn: (value: T) => U): Reader<U> {
  return (raw) => {
    const value = reader(raw);
    return value === invalid ? invalid : fn(value);
  };
}

/** `z.record(z.string(), V)` has every key, `z.partialRecord(z.enum(…), V)` some of the enum's. */
type MapOf<K extends string, V> = string extends K ? Record<K, V> : Partial<Record<K, V>>;

/** A JSON object in the variable (`'{}'` when unset), each entry checked; a malformed one is invalid. */
export function jsonMap<K extends string, V>(key: Check<K>, value: Check<V>): Reader<MapOf<K, V>> {
  return (raw) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw ?? '{}');
    } catch {
      return invalid;
    }
    // `z.record` / `z.partialRecord` take plain objects only; JSON gives objects, arrays or primitives.
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return invalid;
    const entries: [K, V][] = [];
    for (const [k, v] of Object.entries(parsed)) {
      const checkedKey = key(k);
      const checkedValue = value(v);
      if (checkedKey === invalid || checkedValue === invalid) return invalid;
      entries.push([checkedKey, checkedValue]);
    }
    return Object.fromEntries(entries) as MapOf<K, V>;
  };
}

/** JSON map keys: `z.enum(values)` or, without values, `z.string()`. */
export function keyOf<const K extends string>(values?: readonly K[]): Check<K> {
  return (k) => (typeof k === 'string' && (!values || values.includes(k as K)) ? (k as K) : invalid);
}

/** JSON map values: `z.string().min(min)`, `z.url()`, `z.array(z.url())`. */
export const stringOf =
  (min: number): Check<string> =>
  (v) =>
    typeof v === 'string' && v.length >= min ? v : invalid;
export const urlOf = (): Check<string> => urlValue;
/**
 * A list of queue routes: `{url, actsOn?, steps?}` each, `actsOn` one of `interests`, `steps` strings
 * (z.array(z.strictObject({url: z.url(), actsOn: z.optional(z.enum(interests)), steps: z.optional(z.array(z.string()))}))).
 */
export function routesOf<const I extends string>(
  interests: readonly I[],
): Check<{ url: string; actsOn?: I; steps?: string[] }[]> {
  return (v) => {
    if (!Array.isArray(v)) return invalid;
    const routes: { url: string; actsOn?: I; steps?: string[] }[] = [];
    for (const entry of v as unknown[]) {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return invalid;
      const { url, actsOn, steps, ...rest } = entry as Record<string, unknown>;
      if (Object.keys(rest).length > 0) return invalid;
      const checked = urlValue(url);
      if (checked === invalid) return invalid;
      if (actsOn !== undefined && !interests.includes(actsOn as I)) return invalid;
      if (steps !== undefined && !(Array.isArray(steps) && steps.every((s) => typeof s === 'string'))) return invalid;
      routes.push({
        url: checked,
        ...(actsOn !== undefined ? { actsOn: actsOn as I } : {}),
        ...(steps !== undefined ? { steps: steps as string[] } : {}),
      });
    }
    return routes;
  };
}

type Spec = Record<string, Reader<unknown>>;
export type EnvOf<S extends Spec> = { [K in keyof S]: Exclude<ReturnType<S[K]>, Invalid> };

/**
 * Reads every variable of the spec: the values (an optional unset one left out, as zod leaves it out),
 * or the names of the variables that break their rule, in the spec's order.
 */
export function readEnv<S extends Spec>(
  spec: S,
  env: Readonly<Record<string, string | undefined>>,
): { data: EnvOf<S> } | { invalid: (keyof S & string)[] } {
  const data: Record<string, unknown> = {};
  const wrong: (keyof S & string)[] = [];
  for (const [name, reader] of Object.entries(spec)) {
    const value = reader(env[name]);
    if (value === invalid) wrong.push(name);
    else if (value !== undefined) data[name] = value;
  }
  return wrong.length > 0 ? { invalid: wrong } : { data: data as EnvOf<S> };
}
