/** What officials and applicants do to a dossier. Every action may carry a note the applicant reads and an internal one. */
interface Notes {
  note?: string;
  internalNote?: string;
}

export type Action =
  | ({ type: 'receive' } & Notes)
  | ({ type: 'refuse'; reason: string } & Notes)
  | ({ type: 'request-supplement'; defects: string[] } & Notes)
  | ({ type: 'supplement' } & Notes)
  | ({ type: 'forward'; assigneeId?: string } & Notes)
  | ({ type: 'transfer'; agencyId: string } & Notes)
  /** `amount`: for a fee the schedule leaves to the official, the amount set within its range. */
  | ({ type: 'request-fees'; amount?: number } & Notes)
  | ({ type: 'confirm-payment' } & Notes)
  | ({ type: 'request-extension'; extraWorkingDays: number; reason: string } & Notes)
  | ({ type: 'stop'; reason: string } & Notes)
  | ({ type: 'decide'; outcome: 'approved' | 'refused'; reasons?: string } & Notes)
  | ({ type: 'return-result' } & Notes)
  | ({ type: 'withdraw'; reason: string } & Notes);

export type ActionType = Action['type'];
