/** The cold-start baseline (docs/design.md §10): a function that only constructs a DynamoDB client. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (): Promise<string> => client.config.serviceId;
