/** The local cloud's own diagnostics (not the handlers' logs, which Powertools writes). */
export const logLevels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
export type LogLevel = (typeof logLevels)[number];

export type Log = (level: Exclude<LogLevel, 'SILENT'>, message: string, detail?: unknown) => void;

/** Same level names as POWERTOOLS_LOG_LEVEL, so one setting quiets the cloud and its handlers alike. */
export function createLog(threshold: LogLevel): Log {
  const min = logLevels.indexOf(threshold);
  return (level, message, detail) => {
    if (logLevels.indexOf(level) < min) return;
    // stderr keeps stdout clean for what start.ts prints (URLs and tokens).
    if (detail === undefined) console.error(`[local-cloud] ${level} ${message}`);
    else console.error(`[local-cloud] ${level} ${message}`, detail);
  };
}
