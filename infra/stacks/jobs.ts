/**
 * EventBridge Scheduler schedules, one per schedule-triggered function of the manifest, evaluated in
 * the province's time zone. A schedule event the scheduler cannot deliver after its retries, like a run
 * that failed after Lambda's asynchronous retries, lands in the function's dead-letter queue.
 */
import { Aws, Duration, Stack, type StackProps, TimeZone } from 'aws-cdk-lib';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Construct } from 'constructs';
import { type FunctionName, functionNames, specOf } from '../manifest.ts';
import { acknowledgeWildcards } from '../nag.ts';
import type { PlatformFunction } from './platform-function.ts';

export const scheduleTimeZone = TimeZone.ASIA_HO_CHI_MINH;

/**
 * The payload a scheduled function receives: an EventBridge `Scheduled Event`, as the local cloud's
 * scheduler sends it (infra/local/scheduler.ts), filled from the scheduler's context attributes.
 */
const scheduledEventInput = ScheduleTargetInput.fromObject({
  version: '0',
  id: ContextAttribute.executionId,
  'detail-type': 'Scheduled Event',
  source: 'aws.scheduler',
  account: Aws.ACCOUNT_ID,
  time: ContextAttribute.scheduledTime,
  region: Aws.REGION,
  resources: [ContextAttribute.scheduleArn],
  detail: {},
});

export interface JobsStackProps extends StackProps {
  functions: ReadonlyMap<FunctionName, PlatformFunction>;
}

export class JobsStack extends Stack {
  readonly schedules = new Map<FunctionName, Schedule>();

  constructor(scope: Construct, id: string, props: JobsStackProps) {
    super(scope, id, props);

    for (const name of functionNames) {
      const trigger = specOf(name).trigger;
      if (trigger.kind !== 'schedule') continue;
      const fn = props.functions.get(name);
      if (!fn) throw new Error(`No function for schedule ${name}`);
      const schedule = new Schedule(this, name, {
        description: `egov-one-stop ${name}: ${trigger.expression} (${scheduleTimeZone.timezoneName})`,
        schedule: ScheduleExpression.expression(trigger.expression, scheduleTimeZone),
        target: new LambdaInvoke(fn.function, {
          input: scheduledEventInput,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
          deadLetterQueue: fn.deadLetterQueue,
        }),
      });
      this.schedules.set(name, schedule);
    }

    // The schedules' role is created by the target at stack level: the acknowledgement covers the stack.
    acknowledgeWildcards(
      this,
      /^Resource::.*Function.*Arn.*:\*$/,
      'lambda:InvokeFunction on a scheduled function and its qualifiers (<function ARN>:*, its versions and aliases), as LambdaInvoke grants it; no other function.',
    );
  }
}
