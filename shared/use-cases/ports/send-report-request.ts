/**
 * Asks for a report's computation (the `report` worker). The message is named by the report id: a
 * re-send (a retried request, a rerun schedule) is a duplicate the worker ignores.
 */
export type SendReportRequest = (report: { id: string; agencyId: string }, occurredAt: string) => Promise<void>;
