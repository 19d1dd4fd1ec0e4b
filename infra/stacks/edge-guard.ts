/**
 * What CloudFront takes only from us-east-1, whatever region the platform runs in: the WAF web ACL
 * (scope CLOUDFRONT) and, when the province's domain has a Route 53 zone, the domain's ACM certificate.
 * This stack is deployed to us-east-1 (`cdk bootstrap` that region too); the distribution (edge.ts, in
 * the platform's region) reads the ACL's and the certificate's ARNs across regions (weak references:
 * `Fn::GetStackOutput` with the region). It holds no citizen's data: rules and a certificate only.
 *
 * Rules, in order: AWS's IP reputation list, the core rule set (OWASP-style; the body size rule only
 * counts: the API bounds bodies itself and the portal's forms carry documents; so does the missing
 * User-Agent rule: partners' servers need not send one to deliver a callback), known bad inputs
 * (Log4j, Java deserialisation…), anonymous addresses counted (not blocked: citizens use VPNs and
 * carriers' proxies), then rate limits per client address: over everything, and tighter on the look-up,
 * the signature check and online filing (each scoped down by URI path). A rate-limited client gets a 429
 * problem+json in Vietnamese with Retry-After, as the API's own limits answer.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HostedZone } from 'aws-cdk-lib/aws-route53';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { paths } from '../../shared/portal/paths.ts';
import { manifest } from '../manifest.ts';
import type { EdgeRateLimits, EdgeSettings } from './edge-settings.ts';

export interface EdgeGuardStackProps extends StackProps {
  /** `EgovOneStop-24-dev`: the ACL's name and its metrics' prefix (one per province and stage in an account). */
  namePrefix: string;
  edge: EdgeSettings;
}

/**
 * A URI path the WAF compares after URL-decoding (an encoded `%2D` must not slip past a scope-down),
 * and the method when only one counts.
 */
export type PathMatch = { path: string; match: 'EXACTLY' | 'STARTS_WITH'; method?: 'POST' };

/**
 * The routes each tighter limit covers, from the manifest's paths and the portal's (shared/portal/paths.ts).
 * Filing: a citizen's online filing and the portal's filing pages. Not the documents' upload grants: a
 * service centre's receivers scan documents all day behind one office address, and each grant already
 * needs a token and counts against its dossier's quota (UPLOAD_GRANTS_PER_DOSSIER).
 */
export const rateLimitedRoutes = {
  lookup: [
    { path: manifest['lookup-dossier'].trigger.path, match: 'STARTS_WITH' },
    { path: paths.lookup, match: 'STARTS_WITH' },
  ],
  verification: [
    { path: manifest['verify-signature'].trigger.path, match: 'STARTS_WITH' },
    { path: paths.verifySignature, match: 'STARTS_WITH' },
  ],
  filing: [
    {
      path: manifest['submit-dossier'].trigger.path,
      match: 'EXACTLY',
      method: manifest['submit-dossier'].trigger.method,
    },
    { path: paths.fileDossier(''), match: 'STARTS_WITH' },
  ],
} as const satisfies Record<Exclude<keyof EdgeRateLimits, 'windowSeconds' | 'perClient'>, readonly PathMatch[]>;

/** The response body of a rate-limited request, as the API's own 429s (shared/http/problem.ts). */
const rateLimitedBody = JSON.stringify({
  type: 'about:blank',
  status: 429,
  code: 'rate-limited',
  title: 'Quá nhiều yêu cầu',
  detail: 'Địa chỉ của bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
});

export class EdgeGuardStack extends Stack {
  /** The web ACL's ARN: the distribution's `WebACLId`. */
  readonly webAclArn: string;
  /** The domain's certificate, when this stack validates one in the domain's zone. */
  readonly certificate?: ICertificate;

  constructor(scope: Construct, id: string, props: EdgeGuardStackProps) {
    super(scope, id, props);
    const { edge, namePrefix } = props;
    const limits = edge.rateLimits;

    const pathStatement = ({ path, match, method }: PathMatch): CfnWebACL.StatementProperty => {
      const onPath: CfnWebACL.StatementProperty = {
        byteMatchStatement: {
          fieldToMatch: { uriPath: {} },
          positionalConstraint: match,
          searchString: path,
          textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
        },
      };
      if (!method) return onPath;
      const onMethod: CfnWebACL.StatementProperty = {
        byteMatchStatement: {
          fieldToMatch: { method: {} },
          positionalConstraint: 'EXACTLY',
          searchString: method,
          textTransformations: [{ priority: 0, type: 'NONE' }],
        },
      };
      return { andStatement: { statements: [onMethod, onPath] } };
    };
    const anyPath = (routes: readonly PathMatch[]): CfnWebACL.StatementProperty =>
      routes.length === 1
        ? pathStatement(routes[0] as PathMatch)
        : { orStatement: { statements: routes.map(pathStatement) } };
    const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      sampledRequestsEnabled: true,
      metricName: `${namePrefix}-${name}`,
    });
    const managed = (
      priority: number,
      name: string,
      options: { count?: boolean; countRules?: string[] } = {},
    ): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: options.count ? { count: {} } : { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(options.countRules
            ? { ruleActionOverrides: options.countRules.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
            : {}),
        },
      },
      visibilityConfig: visibility(name),
    });
    const rateRule = (priority: number, name: string, limit: number, routes?: readonly PathMatch[]) => ({
      name,
      priority,
      action: {
        block: {
          customResponse: {
            responseCode: 429,
            customResponseBodyKey: 'rate-limited',
            responseHeaders: [{ name: 'retry-after', value: String(limits.windowSeconds) }],
          },
        },
      },
      statement: {
        rateBasedStatement: {
          aggregateKeyType: 'IP',
          limit,
          evaluationWindowSec: limits.windowSeconds,
          ...(routes ? { scopeDownStatement: anyPath(routes) } : {}),
        },
      },
      visibilityConfig: visibility(name),
    });

    const acl = new CfnWebACL(this, 'WebAcl', {
      name: namePrefix,
      description: 'egov-one-stop: managed rule groups and per-client rate limits in front of the API and the portal',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      customResponseBodies: { 'rate-limited': { contentType: 'APPLICATION_JSON', content: rateLimitedBody } },
      visibilityConfig: visibility('WebAcl'),
      rules: [
        managed(0, 'AWSManagedRulesAmazonIpReputationList'),
        managed(1, 'AWSManagedRulesCommonRuleSet', { countRules: ['SizeRestrictions_BODY', 'NoUserAgent_HEADER'] }),
        managed(2, 'AWSManagedRulesKnownBadInputsRuleSet'),
        managed(3, 'AWSManagedRulesAnonymousIpList', { count: true }),
        rateRule(10, 'RateLookup', limits.lookup, rateLimitedRoutes.lookup),
        rateRule(11, 'RateVerification', limits.verification, rateLimitedRoutes.verification),
        rateRule(12, 'RateFiling', limits.filing, rateLimitedRoutes.filing),
        rateRule(13, 'RatePerClient', limits.perClient),
      ],
    });
    this.webAclArn = acl.attrArn;

    if (edge.domainName && edge.hostedZoneId && !edge.certificateArn) {
      // The zone by id only: no lookup (synthesis stays offline); DNS validation writes its CNAME there.
      const zone = HostedZone.fromHostedZoneId(this, 'Zone', edge.hostedZoneId);
      this.certificate = new Certificate(this, 'Certificate', {
        domainName: edge.domainName,
        validation: CertificateValidation.fromDns(zone),
      });
    }

    new CfnOutput(this, 'WebAclArn', { value: acl.attrArn, description: 'The WAF web ACL in front of the platform' });
  }
}
