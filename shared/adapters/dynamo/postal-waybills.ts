import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ShipmentKind } from '../../domain/postal/shipment.ts';
import type { PostalWaybills, WaybillRef } from '../../use-cases/ports/postal-waybills.ts';
import { db } from './client.ts';
import { keys } from './keys.ts';

/** Waybill → the dossier shipment it belongs to: a tracking callback names only the waybill. */
export function postalWaybills(tableName: string): PostalWaybills {
  return {
    /** Written before the dossier records the waybill; the carrier gives one waybill per shipment, so a rewrite is the same item. */
    async put(waybill: string, ref: WaybillRef): Promise<void> {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...keys.postalWaybill(waybill), ...ref } }));
    },
    async get(waybill: string): Promise<WaybillRef | undefined> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: keys.postalWaybill(waybill) }));
      return Item ? { dossierCode: Item.dossierCode as string, kind: Item.kind as ShipmentKind } : undefined;
    },
  };
}
