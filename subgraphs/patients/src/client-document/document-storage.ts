// Object storage for client documents through the S3 API: a real S3 bucket in production, the
// local S3-compatible server (scripts/infra/s3.ts) in development and tests. Browsers move the
// bytes themselves through short-lived presigned URLs; the services only sign, check and delete.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface StoredObject {
  sizeBytes: number;
  contentType: string | null;
}

export interface DocumentStorage {
  /** A URL the browser PUTs the file to, with this Content-Type, until it expires. */
  presignUpload(key: string, contentType: string, expiresInSeconds: number): Promise<string>;
  presignDownload(key: string, expiresInSeconds: number): Promise<string>;
  /** null when nothing was uploaded under the key. */
  head(key: string): Promise<StoredObject | null>;
  remove(key: string): Promise<void>;
}

export interface StorageConfig {
  endpoint: string | undefined;
  bucket: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/** Matches scripts/infra/s3.ts: the port `npm start` runs it on, and the key pair it accepts. */
const LOCAL_ENDPOINT = 'http://127.0.0.1:4569';
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const production = env.NODE_ENV === 'production';
  // Production without an endpoint is AWS itself, with the SDK's own credential chain.
  const endpoint = env.SOLACE_S3_ENDPOINT || (production ? undefined : LOCAL_ENDPOINT);
  const explicit = env.SOLACE_S3_ACCESS_KEY_ID && env.SOLACE_S3_SECRET_ACCESS_KEY
    ? { accessKeyId: env.SOLACE_S3_ACCESS_KEY_ID, secretAccessKey: env.SOLACE_S3_SECRET_ACCESS_KEY }
    : undefined;
  return {
    endpoint,
    bucket: env.SOLACE_S3_BUCKET || 'solace-client-documents',
    region: env.SOLACE_S3_REGION || 'us-east-1',
    credentials: explicit ?? (endpoint && !production ? LOCAL_CREDENTIALS : undefined),
  };
}

function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

export function createS3DocumentStorage(config: StorageConfig = loadStorageConfig()): DocumentStorage {
  // Created on first use: building the schema (npm run compose) must not need storage.
  let client: S3Client | undefined;
  const s3 = () =>
    (client ??= new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
      ...(config.credentials ? { credentials: config.credentials } : {}),
    }));
  const Bucket = config.bucket;
  return {
    presignUpload: (Key, ContentType, expiresIn) => getSignedUrl(s3(), new PutObjectCommand({ Bucket, Key, ContentType }), { expiresIn }),
    presignDownload: (Key, expiresIn) => getSignedUrl(s3(), new GetObjectCommand({ Bucket, Key }), { expiresIn }),
    async head(Key) {
      try {
        const found = await s3().send(new HeadObjectCommand({ Bucket, Key }));
        return { sizeBytes: Number(found.ContentLength ?? 0), contentType: found.ContentType ?? null };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async remove(Key) {
      await s3().send(new DeleteObjectCommand({ Bucket, Key }));
    },
  };
}
