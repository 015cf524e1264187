export * from './audit-chain';
export * from './audit.repository';
export * from './audit-trail';
export * from './audit-batcher';
export * from './audit-middleware';
export * from './phi-types';
