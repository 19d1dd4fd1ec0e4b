import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Created once per process; the endpoint comes from the environment (AWS_ENDPOINT_URL_DYNAMODB locally). */
export const dynamoClient = new DynamoDBClient({});

export const db = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});
