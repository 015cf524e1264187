// A local S3-compatible server (s3rver) for development and tests, when SOLACE_S3_ENDPOINT names
// no real one. It runs inside the calling process, keeps its objects under dataDir, and creates the
// documents bucket with a CORS rule so the browser can PUT and GET through presigned URLs.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** s3rver accepts exactly this key pair. */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const DEFAULT_DOCUMENTS_BUCKET = 'solace-client-documents';

const CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export interface LocalS3 {
  url: string;
  stop(): Promise<void>;
}

export async function startLocalS3(options: { dataDir: string; port: number; bucket?: string }): Promise<LocalS3> {
  const directory = resolve(options.dataDir);
  mkdirSync(directory, { recursive: true });
  // Loaded on use: production deployments point at a real S3 and need not install it.
  const { default: S3rver } = (await import('@20minutes/s3rver')) as { default: new (options: object) => { run(): Promise<{ port: number }>; close(): Promise<void> } };
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory,
    // Path-style URLs (http://127.0.0.1:PORT/bucket/key): no wildcard DNS needed locally.
    vhostBuckets: false,
    configureBuckets: [{ name: options.bucket ?? DEFAULT_DOCUMENTS_BUCKET, configs: [CORS] }],
  });
  const { port } = await server.run();
  return { url: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
