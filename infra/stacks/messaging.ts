/**
 * Stateful: one queue per queue-consumer function of the manifest, each with its own dead-letter
 * queue. Queues hold undelivered events, so they live apart from the code that consumes them.
 * Their DLQ-depth alarms are in the observability stack, next to the topic they notify.
 */
import { Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { type FunctionName, queueConsumers, specOf, visibilityTimeoutSeconds } from '../manifest.ts';

export class MessagingStack extends Stack {
  /** The queue each consumer function reads, by function name. */
  readonly queues = new Map<FunctionName, Queue>();
  readonly deadLetterQueues = new Map<FunctionName, Queue>();

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    for (const name of queueConsumers) {
      const trigger = specOf(name).trigger;
      if (trigger.kind !== 'queue') continue;
      // SSE-SQS: encrypted at rest without a KMS request per message (docs/design.md §10: cost per dossier).
      const dlq = new Queue(this, `${name}-dlq`, {
        queueName: `${this.stackName}-${name}-dlq`,
        enforceSSL: true,
        encryption: QueueEncryption.SQS_MANAGED,
        retentionPeriod: Duration.days(14),
      });
      Validations.of(dlq).acknowledge({
        id: 'Serverless-SQSRedrivePolicy',
        reason: `This queue is the dead-letter queue of ${name}: its messages are redriven by a person, not by another queue.`,
      });
      const queue = new Queue(this, name, {
        queueName: `${this.stackName}-${name}`,
        enforceSSL: true,
        encryption: QueueEncryption.SQS_MANAGED,
        visibilityTimeout: Duration.seconds(visibilityTimeoutSeconds(name)),
        // SQS's longest: an event waits two weeks for a consumer that is down, not the 4-day default.
        retentionPeriod: Duration.days(14),
        deadLetterQueue: { queue: dlq, maxReceiveCount: trigger.maxReceiveCount },
      });
      this.queues.set(name, queue);
      this.deadLetterQueues.set(name, dlq);
    }
  }
}
