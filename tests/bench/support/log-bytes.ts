/**
 * CloudWatch Logs bytes of a dossier's life: the JSON lines the functions print (Powertools logs and
 * the business metrics' EMF lines, to stdout as in Lambda) are captured while counting; API Gateway's
 * access log line is modelled per request, Lambda's own lines per invocation (none: see below).
 * CloudWatch bills an event's UTF-8 message plus 26 bytes.
 */
const eventOverhead = 26;
/**
 * Lambda's own lines of one warm invocation: none. The functions log in JSON with the system log level
 * at WARN (infra/stacks/platform-function.ts), which leaves out START, END and REPORT (INFO); their text
 * form was 75 + 55 + 185 bytes and three events' overhead an invocation.
 */
export const platformBytesPerInvocation = 0;
/** One access log line of infra/stacks/api.ts's format with typical values. */
export const accessLogBytesPerRequest = 430 + eventOverhead;

export interface LogCapture {
  lines: number;
  bytes: number;
  stop(): void;
}

/** Captures every JSON line written to stdout until `stop()`; other lines pass through untouched. */
export function captureLogLines(): LogCapture {
  const stdout = process.stdout as unknown as { write: (...args: unknown[]) => boolean };
  const original = stdout.write;
  const capture: LogCapture = {
    lines: 0,
    bytes: 0,
    stop: () => {
      stdout.write = original;
    },
  };
  stdout.write = function (chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    let passed = '';
    for (const line of text.split('\n')) {
      if (line.startsWith('{')) {
        capture.lines++;
        capture.bytes += Buffer.byteLength(line) + eventOverhead;
      } else if (line !== '') passed += `${line}\n`;
    }
    // The functions' JSON lines are counted, not printed: the bench's tables stay readable.
    return passed === '' ? true : original.call(process.stdout, passed, ...rest);
  };
  return capture;
}
