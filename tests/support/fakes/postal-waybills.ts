import type { PostalWaybills, WaybillRef } from '../../../shared/use-cases/ports/postal-waybills.ts';
import { copy } from './page.ts';

/** The waybill index in memory, as dynamo/postal-waybills.ts keeps it: a plain put, so a rewrite is the same entry. */
export function fakePostalWaybills(initial: Record<string, WaybillRef> = {}): PostalWaybills {
  const refs = new Map<string, WaybillRef>(Object.entries(initial).map(([waybill, ref]) => [waybill, copy(ref)]));
  return {
    async put(waybill, ref) {
      refs.set(waybill, copy(ref));
    },
    async get(waybill) {
      const ref = refs.get(waybill);
      return ref && copy(ref);
    },
  };
}
