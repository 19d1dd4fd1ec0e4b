/**
 * DynamoDB Streams, emulated for the local cloud: dynalite has no streams, so the writes it answers are
 * watched on its HTTP server and the new image of each written item is kept, in order, as a stream record
 * (NEW_IMAGE view) for each of the stream's consumers (stream-pollers.ts), which reads its own records in
 * order as a Lambda event source mapping reads its shards. Only what the platform's writes give
 * the whole new item of: a PutItem's item, an UpdateItem answered with ALL_NEW, a transaction's puts.
 * In memory: records not yet relayed when the process stops are gone (the cloud's stream keeps 24 hours).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { localRegion } from './lambda.ts';

type Image = Record<string, AttributeValue>;

/** One consumer's view of the stream: the records its filter keeps, not yet done, oldest first. */
export interface StreamReader {
  readonly records: DynamoDBRecord[];
}

export class ChangeFeed {
  readonly #readers: (StreamReader & { keep: (image: Image) => boolean })[] = [];
  #sequence = 0;
  /** Every record ever added: progress for settle(). */
  added = 0;

  constructor(private readonly tableName: () => string | undefined) {}

  /** A consumer's records from now on: those whose new image `keep` takes (its event source mapping's filter). */
  reader(keep: (image: Image) => boolean): StreamReader {
    const reader = { records: [] as DynamoDBRecord[], keep };
    this.#readers.push(reader);
    return reader;
  }

  /** Records some consumer has not done yet. */
  get pending(): number {
    return this.#readers.reduce((sum, r) => sum + r.records.length, 0);
  }

  add(tableName: string, eventName: 'INSERT' | 'MODIFY', image: Image): void {
    if (tableName !== this.tableName()) return;
    const readers = this.#readers.filter((r) => r.keep(image));
    if (readers.length === 0) return;
    const keys = {
      [tableLayout.partitionKey]: image[tableLayout.partitionKey],
      [tableLayout.sortKey]: image[tableLayout.sortKey],
    } as Image;
    const sequence = String(++this.#sequence).padStart(21, '0');
    const record: DynamoDBRecord = {
      eventID: sequence,
      eventName,
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: localRegion,
      dynamodb: {
        Keys: keys as never,
        NewImage: image as never,
        SequenceNumber: sequence,
        SizeBytes: Buffer.byteLength(JSON.stringify(image)),
        StreamViewType: 'NEW_IMAGE',
      },
      eventSourceARN: `arn:aws:dynamodb:${localRegion}:000000000000:table/${tableName}/stream/local`,
    };
    for (const reader of readers) reader.records.push(record);
    this.added++;
  }

  /** Watches dynalite's answers: each successful write of a whole item becomes a record. */
  watch(server: Server): void {
    const [original] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    if (!original) throw new Error('dynalite has no request handler to watch');
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      if (!watched.has(operation)) return original(req, res);
      const sent: Buffer[] = [];
      req.on('data', (chunk: Buffer) => sent.push(chunk));
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      let answer = '';
      res.end = ((...args: unknown[]) => {
        const [body] = args;
        if (typeof body === 'string' || Buffer.isBuffer(body)) answer = body.toString();
        if (res.statusCode === 200) this.#observe(operation, Buffer.concat(sent).toString('utf8'), answer);
        return end(...args);
      }) as typeof res.end;
      original(req, res);
    });
  }

  #observe(operation: string, requestBody: string, answer: string): void {
    const request = JSON.parse(requestBody) as Record<string, unknown>;
    if (operation === 'PutItem') this.add(String(request.TableName), 'INSERT', request.Item as Image);
    else if (operation === 'UpdateItem') {
      const attributes = (JSON.parse(answer || '{}') as { Attributes?: Image }).Attributes;
      if (attributes && request.ReturnValues === 'ALL_NEW') this.add(String(request.TableName), 'MODIFY', attributes);
    } else if (operation === 'TransactWriteItems') {
      for (const item of request.TransactItems as { Put?: { TableName: string; Item: Image } }[]) {
        if (item.Put) this.add(item.Put.TableName, 'INSERT', item.Put.Item);
      }
    }
  }
}

const watched = new Set(['PutItem', 'UpdateItem', 'TransactWriteItems']);
