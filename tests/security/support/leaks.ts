/**
 * Every error body a security test provokes is kept here, then checked for what a client must never
 * learn: stack frames, source paths, AWS request ids, table names, key attributes, exception classes.
 */

export interface CollectedError {
  route: string;
  status: number;
  text: string;
}

const patterns: [string, RegExp][] = [
  ['a stack frame', /\bat \S+ \(|\n\s+at /],
  ['a source path', /\/work\/|\/var\/task\/|node_modules|\.ts:\d|\.[cm]?js:\d/],
  ['an AWS request id', /\b[A-Z0-9]{52}\b|x-amzn-requestid|RequestId:/i],
  ['the table name', /egov-?table|TableName|\btable-[a-z0-9]{6,}/i],
  ['a key attribute', /"(pk|sk|gsi\d*(pk|sk))"\s*:|\bPK#|\bSK#/i],
  [
    'an exception class',
    /\b(TypeError|ReferenceError|SyntaxError|RangeError|ZodError|ValidationException|ConditionalCheckFailed\w*|ResourceNotFoundException|ProvisionedThroughput\w*|Idempotency\w*Error|DynamoDB\w*|Exception)\b/,
  ],
];

/** What in `text` leaks, by name; empty when nothing does. */
export function leaksIn(text: string, tableName?: string): string[] {
  const found = patterns.filter(([, regex]) => regex.test(text)).map(([what]) => what);
  if (tableName && text.includes(tableName)) found.push('the table name');
  return found;
}

export function errorCollector() {
  const errors: CollectedError[] = [];
  return {
    errors,
    /** Keeps the body of any 4xx/5xx response. */
    add(route: string, status: number, body: unknown) {
      if (status < 400) return;
      errors.push({ route, status, text: typeof body === 'string' ? body : JSON.stringify(body ?? '') });
    },
    /** Each leaking body as `<route> <status>: <what>`. */
    leaks(tableName?: string): string[] {
      return errors.flatMap((e) => {
        const found = leaksIn(e.text, tableName);
        return found.length ? [`${e.route} ${e.status}: ${found.join(', ')} in ${e.text.slice(0, 200)}`] : [];
      });
    },
  };
}
