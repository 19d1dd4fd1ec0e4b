/**
 * The stacks' names, which every physical name derives from (queues are `<stack>-<function>`): the
 * province and the stage are in each, so two stages, or two provinces, deploy side by side in one
 * account with no name in common. Pure: the CDK app, the tests and the ops scripts read it.
 */
export const stackKeys = [
  'data',
  'messaging',
  'api',
  'edgeGuard',
  'edge',
  'publicFunctions',
  'citizenFunctions',
  'officialFunctions',
  'workerFunctions',
  'jobs',
  'observability',
] as const;
export type StackKey = (typeof stackKeys)[number];

const suffixes: Record<StackKey, string> = {
  data: 'Data',
  messaging: 'Messaging',
  api: 'Api',
  edgeGuard: 'EdgeGuard',
  edge: 'Edge',
  publicFunctions: 'Public',
  citizenFunctions: 'Citizens',
  officialFunctions: 'Officials',
  workerFunctions: 'Workers',
  jobs: 'Jobs',
  observability: 'Observability',
};

/** The audiences functions are grouped by (infra/stacks/compute.ts), and the stack that holds each. */
export const computeStacks = {
  public: 'publicFunctions',
  citizens: 'citizenFunctions',
  officials: 'officialFunctions',
  workers: 'workerFunctions',
} as const satisfies Record<string, StackKey>;
export type ComputeGroup = keyof typeof computeStacks;

/** `egov:stage`: lower-case letters and digits, starting with a letter (`dev`, `staging`, `prod`). */
export const stagePattern = /^[a-z][a-z0-9]{1,11}$/;
export const defaultStage = 'dev';

export interface Deployment {
  /** The province's administrative-unit code (`egov:provinceCode`). */
  provinceCode: string;
  /** `egov:stage`. */
  stage: string;
}

/**
 * `24-dev`: one deployment's id. The platform's own metrics carry it as their `deployment` dimension,
 * so two deployments in one account graph and alarm apart.
 */
export const deploymentIdOf = (deployment: Deployment): string => `${deployment.provinceCode}-${deployment.stage}`;

/** `EgovOneStop-24-dev-Messaging`: each stack's name for a province and stage. */
export function stackNamesFor(deployment: Deployment): Record<StackKey, string> {
  return Object.fromEntries(
    stackKeys.map((key) => [key, `EgovOneStop-${deployment.provinceCode}-${deployment.stage}-${suffixes[key]}`]),
  ) as Record<StackKey, string>;
}
