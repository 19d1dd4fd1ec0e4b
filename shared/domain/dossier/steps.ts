import type { Procedure } from '../procedure.ts';

/** Step 0 of every process is intake at the one-stop desk, whatever the catalogue names it. */
export const intakeStepName = (procedure: Procedure): string => procedure.steps[0]?.name ?? 'Tiếp nhận hồ sơ';

/** Name of the step at `index` of the competent agency's process. */
export const stepName = (procedure: Procedure, index: number): string =>
  procedure.steps[index]?.name ?? `Bước ${index + 1}`;
