import type { BusinessMetric, BusinessMetrics } from '../../../shared/use-cases/ports/business-metrics.ts';

/** Counts in memory: `counted` holds each metric's total (absent when never counted). */
export function fakeBusinessMetrics(): BusinessMetrics & { counted: Partial<Record<BusinessMetric, number>> } {
  const counted: Partial<Record<BusinessMetric, number>> = {};
  return {
    counted,
    count(metric, value = 1) {
      counted[metric] = (counted[metric] ?? 0) + value;
    },
  };
}
