/**
 * The platform's front door: a CloudFront distribution before the HTTP API, with the WAF web ACL and,
 * when the province has one, its domain. Everything citizens, officials and partners call goes through
 * it: the API (/v1) and the portal's pages (/portal), one origin.
 *
 * - Nothing is cached (CachingDisabled): every answer is personal or changes with the dossier; the
 *   portal's one stylesheet is not worth a second behaviour. Every viewer header but Host (the API's
 *   domain must reach API Gateway), with Authorization, cookies and query strings, goes to the origin
 *   (AllViewerExceptHostHeader), and with it CloudFront-Viewer-Address: the caller's own address.
 * - Security headers at the edge (response headers policy): HSTS and nosniff on every answer, frame and
 *   referrer policy and a default-deny CSP where the origin set none (the portal sets its own).
 * - The origin-verify header: CloudFront adds a secret header (from Secrets Manager, resolved by
 *   CloudFormation at deployment) to every request it forwards. HTTP APIs take no resource policy and
 *   their execute-api address cannot be turned off while it is CloudFront's origin, so the API checks
 *   the header itself (shared/http/edge-origin.ts), on every function reachable without a token; the
 *   token routes are protected by the JWT authorizer either way. Rotating the secret: put a new value,
 *   redeploy this stack (CloudFront then sends it), then the functions read it within their cache time.
 *
 * This stack lives in the platform's region: a distribution can be created from any region, and the
 * secret stays beside the functions that read it. The WAF and the certificate come from us-east-1
 * (edge-guard.ts), the one region CloudFront takes them from.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate, type ICertificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { CfnRecordSet } from 'aws-cdk-lib/aws-route53';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { originVerifyHeader } from '../../shared/http/edge-origin.ts';
import type { EdgeSettings } from './edge-settings.ts';
import { unrotatedSecret } from './unrotated-secret.ts';

/** CloudFront's hosted zone, the alias target of every distribution (Route 53 documentation). */
const cloudFrontHostedZoneId = 'Z2FDTNDATAQYW2';

export interface EdgeStackProps extends StackProps {
  /** `EgovOneStop-24-dev`: the secret's and the policy's names (one per province and stage in an account). */
  namePrefix: string;
  edge: EdgeSettings;
  /** The HTTP API's own host name (`<id>.execute-api.<region>.amazonaws.com`): the origin. */
  apiDomain: string;
  /** The WAF web ACL (us-east-1, edge-guard.ts). */
  webAclArn: string;
  /** The domain's certificate when edge-guard.ts validates one; else `egov:certificateArn`, if any. */
  certificate?: ICertificate;
}

export class EdgeStack extends Stack {
  readonly distribution: Distribution;
  /** `https://<domain>` or `https://<id>.cloudfront.net`: where citizens reach the platform. */
  readonly url: string;
  /** What CloudFront sends as {@link originVerifyHeader}: the functions reachable without a token check it. */
  readonly originVerifySecret: Secret;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const { edge, namePrefix } = props;

    this.originVerifySecret = unrotatedSecret(this, 'OriginVerifySecret', {
      secretName: `${namePrefix}-origin-verify`,
      description: 'egov-one-stop: the header CloudFront adds to every request it forwards to the API',
      length: 48,
      removalPolicy: RemovalPolicy.DESTROY,
      whyNoRotationLambda:
        'Rotated by hand (put a value, redeploy the edge stack): CloudFront reads it only when its stack is deployed, so an automatic rotation would cut the API off until then.',
    });

    const certificate =
      props.certificate ??
      (edge.certificateArn ? Certificate.fromCertificateArn(this, 'Certificate', edge.certificateArn) : undefined);

    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: `${namePrefix}-security-headers`,
      comment: 'egov-one-stop: HSTS and security headers on every answer',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: false },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: false },
        contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none'; frame-ancestors 'none'", override: false },
      },
      removeHeaders: ['server'],
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `egov-one-stop ${namePrefix}`,
      defaultBehavior: {
        origin: new HttpOrigin(props.apiDomain, {
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          // The API's own limit (29 s) and a little: CloudFront does not give up before API Gateway does.
          readTimeout: Duration.seconds(30),
          customHeaders: { [originVerifyHeader]: this.originVerifySecret.secretValue.unsafeUnwrap() },
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: headers,
      },
      ...(edge.domainName && certificate
        ? {
            domainNames: [edge.domainName],
            certificate,
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Every edge location: the nearest to a citizen abroad too; the platform's traffic is small.
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableIpv6: true,
      webAclId: props.webAclArn,
    });
    const domainName = edge.domainName ?? this.distribution.distributionDomainName;
    this.url = `https://${domainName}`;

    if (edge.domainName && edge.hostedZoneId) {
      for (const type of ['A', 'AAAA']) {
        new CfnRecordSet(this, `Alias${type}`, {
          hostedZoneId: edge.hostedZoneId,
          name: `${edge.domainName}.`,
          type,
          aliasTarget: { dnsName: this.distribution.distributionDomainName, hostedZoneId: cloudFrontHostedZoneId },
        });
      }
    }

    const distribution = Validations.of(this.distribution);
    distribution.acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: Vietnamese citizens abroad file and look up dossiers too; abuse is limited per client address by the WAF.',
    });
    distribution.acknowledge({
      id: 'AwsSolutions-CFR3',
      reason:
        "No CloudFront access logs: they would keep every citizen's address in us-east-1, outside the province's region (egov:region). The API stage's access log records each request that reaches the origin; the WAF's metrics and sampled requests the blocked ones.",
    });
    if (!edge.domainName) {
      distribution.acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          "Without egov:domainName the distribution answers on CloudFront's own *.cloudfront.net certificate, whose TLS policy CloudFront sets; a production stage must name its domain and certificate (TLS 1.2_2021).",
      });
    }

    new CfnOutput(this, 'Url', { value: this.url, description: 'Where citizens reach the platform' });
    new CfnOutput(this, 'DistributionDomainName', {
      value: this.distribution.distributionDomainName,
      description: "The distribution's own host name: the target of the domain's CNAME when Route 53 is not used",
    });
  }
}
