/** The local cloud's partners, one simulator each (replace an entry with the partner's own subclass). */
import type { PartnerName } from '../../../shared/domain/partners/partner.ts';
import { DvcqgSimulator } from './dvcqg-simulator.ts';
import { PaymentsSimulator } from './payments-simulator.ts';
import { PostalSimulator } from './postal-simulator.ts';
import type { PartnerSimulator, SimulatorContext } from './simulator.ts';

export function createSimulators(contextOf: (partner: PartnerName) => SimulatorContext) {
  return {
    dvcqg: new DvcqgSimulator(contextOf('dvcqg')),
    payments: new PaymentsSimulator(contextOf('payments')),
    postal: new PostalSimulator(contextOf('postal')),
  } satisfies Record<PartnerName, PartnerSimulator>;
}

export type Simulators = ReturnType<typeof createSimulators>;
