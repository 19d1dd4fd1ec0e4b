import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { RuleViolation } from '../domain/rule-violation.ts';
import { logger } from '../observability.ts';
import type { HttpEvent } from './parse-request.ts';
import { Problem, problemResponse, problems } from './problem.ts';

/** Errors of the idempotency middleware, matched by name so this module does not load it. */
const idempotencyProblems: Record<string, () => Problem> = {
  IdempotencyValidationError: problems.idempotencyKeyReused,
  IdempotencyAlreadyInProgressError: problems.requestInProgress,
};

/**
 * Registered first so its onError runs last: every failure leaves as problem+json. Unknown errors
 * are logged (without the request body) and answered with a generic 500: no stack trace, no ids.
 */
export function problemErrors(): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2> {
  return {
    onError: (request) => {
      const error = request.error;
      let problem: Problem;
      if (error instanceof Problem) {
        problem = error;
      } else if (error instanceof RuleViolation) {
        problem = fromRuleViolation(error);
      } else if (error && idempotencyProblems[error.name]) {
        problem = (idempotencyProblems[error.name] as () => Problem)();
      } else {
        logger.error('Unhandled error', { error: error as Error });
        problem = problems.internal();
      }
      if (problem.status >= 500 && error instanceof Problem) logger.error('Server problem', { code: problem.code });
      request.response = problemResponse(problem, request.event?.requestContext?.requestId);
    },
  };
}

const statusOf = {
  'bad-request': 400,
  forbidden: 403,
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
} as const;
const titleOf = {
  'bad-request': 'Yêu cầu không hợp lệ',
  forbidden: 'Không có quyền',
  invalid: 'Yêu cầu không được chấp nhận',
  'not-found': 'Không tìm thấy',
  conflict: 'Xung đột dữ liệu',
  'rate-limited': 'Quá nhiều yêu cầu',
};

function fromRuleViolation(violation: RuleViolation): Problem {
  return new Problem(
    statusOf[violation.kind],
    violation.code,
    titleOf[violation.kind],
    violation.message,
    violation.details,
  );
}
