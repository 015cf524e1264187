import 'reflect-metadata';

export * from './config';
export * from './logger';
export * from './errors';
export * from './context';
export * from './auth/claims';
export * from './auth/access-token';
export * from './auth/internal-signature';
export * from './auth/passwords';
export * from './federated-schema';
export * from './format-error';
export * from './http';
export * from './subgraph-server';
export * from './prisma';
export * from './redis';
export * from './pubsub';
export * from './subgraph';
