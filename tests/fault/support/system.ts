import type { LocalCloud } from '../../../infra/local/cloud.ts';
import { agencyRepository } from '../../../shared/adapters/dynamo/agency-repository.ts';
import { catalogueRepository } from '../../../shared/adapters/dynamo/catalogue-repository.ts';
import { documentRepository } from '../../../shared/adapters/dynamo/document-repository.ts';
import { dossierCounter } from '../../../shared/adapters/dynamo/dossier-counter.ts';
import { dossierRepository } from '../../../shared/adapters/dynamo/dossier-repository.ts';
import { dvcqgClaims, requestClaims } from '../../../shared/adapters/dynamo/filing-claims.ts';
import { paymentRepository } from '../../../shared/adapters/dynamo/payment-repository.ts';
import { postalWaybills } from '../../../shared/adapters/dynamo/postal-waybills.ts';
import { documentStore } from '../../../shared/adapters/s3/document-store.ts';
import { s3Rest } from '../../../shared/adapters/s3/s3-rest.ts';
import { defaultSupplementMode } from '../../../shared/domain/calendar/supplement.ts';
import { actOnDossier } from '../../../shared/use-cases/act-on-dossier.ts';
import { paymentCallback } from '../../../shared/use-cases/payments/payment-callback.ts';
import { trackShipment } from '../../../shared/use-cases/postal/track-shipment.ts';
import { receiveDvcqgDossier } from '../../../shared/use-cases/dvcqg/receive-dossier.ts';
import { type CounterDossierBody, fileDossierUseCase } from '../../../shared/use-cases/file-dossier.ts';
import type { Caller } from '../../../shared/domain/caller.ts';
import type { DomainEvent } from '../../../shared/domain/events.ts';
import { lookupPinHasher } from '../../../shared/adapters/pin-pepper.ts';
import { eventPublisher } from '../../../shared/adapters/sqs/event-publisher.ts';
import { routeDossier } from '../../../shared/use-cases/route-dossier.ts';
import type { CrashPlan } from './crash.ts';

/**
 * The use cases wired as their handlers wire them, to the cloud's table and queues. With a plan,
 * every write goes through it (the process that may die); without, it is a fresh process (the retry).
 */
export function system(cloud: LocalCloud, plan?: CrashPlan) {
  const table = cloud.tableName;
  const wrap = <T extends object>(target: T, writes: readonly (keyof T & string)[]): T =>
    plan ? plan.wrap(target, writes) : target;
  // A write's events go out from the table's stream (the local cloud's change feed): no send to wrap.
  const dossiers = wrap(dossierRepository(table), ['create', 'save']);
  const agencies = agencyRepository(table);
  const catalogue = catalogueRepository(table);
  const now = () => new Date();
  const calendarFor = (id: string) => agencies.calendarFor(id);
  const fileDossier = fileDossierUseCase({
    provinceCode: cloud.env.PROVINCE_CODE ?? '',
    catalogue,
    agencies,
    calendarFor,
    counter: wrap(dossierCounter(table), ['next']),
    dossiers,
    now,
    pins: lookupPinHasher,
    requests: wrap(requestClaims(table), ['bind']),
  });
  return {
    fileDossier,
    /** Sends events to their consumers' queues, as the table's stream relays them. */
    publish: eventPublisher(JSON.parse(cloud.env.EVENT_QUEUES ?? '{}')),
    /**
     * Filing whose events the table's stream never sees (the dossier stored without them): the test
     * delivers its `DossierSubmitted` itself, as a redelivered message would come.
     */
    async fileUnrelayed(caller: Caller, body: CounterDossierBody) {
      let submitted: DomainEvent | undefined;
      const repository = dossierRepository(table);
      const quiet: typeof repository = {
        ...repository,
        create: (decision) => {
          submitted = decision.events.find((e) => e.type === 'DossierSubmitted');
          return repository.create({ ...decision, events: [] });
        },
      };
      const receipt = await fileDossierUseCase({
        provinceCode: cloud.env.PROVINCE_CODE ?? '',
        catalogue,
        agencies,
        calendarFor,
        counter: dossierCounter(table),
        dossiers: quiet,
        now,
        pins: lookupPinHasher,
      })(caller, body, 'online');
      if (!submitted) throw new Error('the filing recorded no DossierSubmitted');
      return { code: receipt.code, event: submitted };
    },
    receiveDvcqg: receiveDvcqgDossier({
      fileDossier,
      claims: wrap(dvcqgClaims(table), ['bind']),
      dossiers,
      documents: wrap(documentRepository(table), ['create']),
    }),
    route: routeDossier({ dossiers, agencies, now }),
    payment: paymentCallback({
      dossiers,
      payments: wrap(paymentRepository(table), ['settle', 'releasePending']),
      documents: wrap(documentRepository(table), ['create']),
      agencies,
      store: wrap(documentStore(s3Rest({ bucket: cloud.bucketName, forcePathStyle: true })), ['put']),
      publicUrl: 'https://dichvucong.bacninh.gov.vn',
      now,
    }),
    track: trackShipment({ dossiers, waybills: postalWaybills(table), now }),
    actOn: actOnDossier({
      provinceCode: cloud.env.PROVINCE_CODE ?? '',
      supplementMode: defaultSupplementMode,
      dossiers,
      catalogue,
      agencies,
      calendarFor,
      now,
    }),
  };
}
