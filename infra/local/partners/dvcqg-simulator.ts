/**
 * The national public-service portal (DVCQG) as the local cloud plays it: it acknowledges the
 * platform's status updates (keeping each one it acknowledged, in arrival order) and delivers
 * dossiers filed on it to the platform's webhook.
 */
import { PartnerSimulator, type SimulatorContext, type WebhookOptions, type WebhookResponse } from './simulator.ts';

export interface ReceivedStatusUpdate {
  id: string;
  dossierCode: string;
  dvcqgId?: string;
  sequence: number;
  status: number;
}

export class DvcqgSimulator extends PartnerSimulator {
  constructor(ctx: SimulatorContext) {
    super(ctx);
    this.on('/status-updates', () => ({ status: 200, body: { acknowledged: true } }));
  }

  /** The status updates the portal acknowledged, in arrival order; of one dossier when `code` is given. */
  statusUpdates(code?: string): ReceivedStatusUpdate[] {
    return this.received
      .filter((call) => call.path === '/status-updates')
      .map((call) => call.body as ReceivedStatusUpdate)
      .filter((update) => code === undefined || update.dossierCode === code);
  }

  /** Delivers a dossier filed on the portal to the platform, signed as the portal. */
  sendDossier(payload: unknown, options: WebhookOptions = {}): Promise<WebhookResponse> {
    return this.webhook('/v1/partners/dvcqg/dossiers', payload, options);
  }
}
