/**
 * Stateful: the platform key, the single table and the documents bucket. Nothing here is replaced
 * by a code change; everything is retained on stack deletion and the stack has termination protection.
 */
import { Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  ProjectionType,
  StreamViewType,
  TableEncryptionV2,
  TableV2,
} from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  HttpMethods,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type PartnerName, partnerNames, partnerNamesVi } from '../../shared/domain/partners/partner.ts';
import { tableLayout } from '../../shared/adapters/dynamo/table-layout.ts';
import { PlatformBackup } from './backup.ts';
import type { BackupRetention } from './settings.ts';
import { unrotatedSecret } from './unrotated-secret.ts';

export interface DataStackProps extends StackProps {
  /** Browser origins that upload to and download from the documents bucket with presigned URLs. */
  corsOrigins: string[];
  /** Days the daily and monthly backups of the table and the documents are kept. */
  backupRetention: BackupRetention;
}

export class DataStack extends Stack {
  readonly key: Key;
  readonly table: TableV2;
  readonly documents: Bucket;
  readonly accessLogs: Bucket;
  /** Each partner's shared secret (webhook and outbound signatures); ops exchange its value with the partner. */
  readonly partnerSecrets = new Map<PartnerName, ISecret>();
  /** Seals what the platform keeps for a replay: Idempotency-Key records, a filing's PIN (shared/adapters/record-seal.ts). */
  readonly recordSealSecret: ISecret;
  /** The pepper of the look-up PINs' hashes: never rotated, or every receipt's PIN stops matching. */
  readonly lookupPinPepper: ISecret;
  readonly backup: PlatformBackup;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, { terminationProtection: true, ...props });

    this.key = new Key(this, 'PlatformKey', {
      description: 'egov-one-stop: encrypts the dossier table and the documents bucket',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const string = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: string(tableLayout.partitionKey),
      sortKey: string(tableLayout.sortKey),
      globalSecondaryIndexes: Object.values(tableLayout.indexes).map((index) => ({
        indexName: index.indexName,
        partitionKey: string(index.partitionKey),
        sortKey: string(index.sortKey),
        ...(index.projects.length > 0
          ? { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projects] }
          : { projectionType: ProjectionType.KEYS_ONLY }),
      })),
      billing: Billing.onDemand(),
      // The relay reads each write's new image: a dossier's events are sent from the stream, not by the
      // request that wrote them (shared/use-cases/relay-events.ts).
      dynamoStream: StreamViewType.NEW_IMAGE,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      timeToLiveAttribute: tableLayout.timeToLiveAttribute,
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // S3 server access logs cannot be delivered to an SSE-KMS bucket: this one uses SSE-S3.
    this.accessLogs = new Bucket(this, 'AccessLogsBucket', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(365),
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(this.accessLogs).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This is the server access log bucket of the documents bucket; logging its own access would log the log deliveries themselves.',
    });

    this.documents = new Bucket(this, 'DocumentsBucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      // One data key per bucket and period instead of a KMS request per object.
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      // Uploads and downloads go straight between the browser and S3 with presigned URLs.
      cors: [
        {
          allowedOrigins: props.corsOrigins,
          allowedMethods: [HttpMethods.GET, HttpMethods.HEAD, HttpMethods.PUT],
          allowedHeaders: ['content-type', 'content-length', 'content-md5', 'x-amz-*'],
          exposedHeaders: ['ETag'],
          maxAge: 3600,
        },
      ],
      // Dossier documents are records: current versions are kept; superseded versions are kept long
      // enough to undo a mistake; documents no longer read move to a cheaper tier by themselves.
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-superseded-versions', noncurrentVersionExpiration: Duration.days(90) },
        {
          id: 'intelligent-tiering',
          transitions: [{ storageClass: StorageClass.INTELLIGENT_TIERING, transitionAfter: Duration.days(30) }],
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.backup = new PlatformBackup(this, 'Backup', {
      key: this.key,
      table: this.table,
      documents: this.documents,
      retention: props.backupRetention,
    });

    for (const partner of partnerNames) {
      const secret = unrotatedSecret(this, `PartnerSecret-${partner}`, {
        description: `egov-one-stop: HMAC secret shared with ${partnerNamesVi[partner]} (${partner})`,
        // Secrets Manager's own key: a grant on the platform key would need the readers' roles in its key
        // policy, making this stateful stack depend on the stateless one.
        length: 48,
        removalPolicy: RemovalPolicy.RETAIN,
        whyNoRotationLambda: `The ${partner} secret is shared with an external partner: it is rotated by agreement with them (README "Partners"), not by a Lambda that could not tell the partner.`,
      });
      this.partnerSecrets.set(partner, secret);
    }

    this.recordSealSecret = unrotatedSecret(this, 'RecordSealSecret', {
      description: 'egov-one-stop: seals Idempotency-Key records and filing claims (the look-up PIN) in the table',
      length: 64,
      removalPolicy: RemovalPolicy.RETAIN,
      whyNoRotationLambda:
        'Rotated by ops (README "Security"): a new value only stops replays of the records sealed in the last 24 hours, which then expire; a rotation Lambda would add nothing but that.',
    });

    this.lookupPinPepper = unrotatedSecret(this, 'LookupPinPepper', {
      description: 'egov-one-stop: the pepper of the look-up PINs hashed on every dossier (never rotate it)',
      length: 64,
      removalPolicy: RemovalPolicy.RETAIN,
      whyNoRotationLambda:
        'Not rotated by design: every stored PIN hash is keyed with it, so a new value would void every receipt a citizen holds; it is read only by the functions that file or check PINs.',
    });
  }
}
