// How a subgraph is declared and run. A subgraph package exports one SubgraphDefinition; its
// main.ts calls runSubgraph(definition); tests and the schema compose script call buildSubgraph.
import type { GraphQLSchema } from 'graphql';
import type { BuildSchemaOptions, ContainerType } from 'type-graphql';
import { loadConfig, SUBGRAPH_PORTS, type ServerConfig, type SubgraphName } from './config';
import { AuditRepository } from './audit/audit.repository';
import { createFieldCipher, type FieldCipher } from './crypto/field-encryption';
import { buildFederatedSchema, type ReferenceResolvers } from './federated-schema';
import { createLogger, type Logger } from './logger';
import { assertRowLevelSecurityApplies } from './db/rls-guard';
import { createDbPool, createPrismaClient, type PrismaClient } from './db/prisma';
import { createRedis, type Redis } from './redis';
import { startSubgraphServer, type RunningSubgraph } from './subgraph-server';

export interface SubgraphDeps {
  config: ServerConfig;
  prisma: PrismaClient;
  redis: Redis;
  log: Logger;
  /** Encrypts and decrypts the most sensitive fields at rest. */
  cipher: FieldCipher;
  /** The PHI audit trail (written by every subgraph server, read by identity's admin queries). */
  auditRepository: AuditRepository;
  /** Registers a resource to release when the subgraph stops (queues, extra connections). */
  onClose(dispose: () => Promise<unknown>): void;
}

export interface SubgraphDefinition {
  name: SubgraphName;
  /** Resolver instances, built from the dependencies (services are constructed here, not imported as singletons). */
  resolvers(deps: SubgraphDeps): object[];
  referenceResolvers?(deps: SubgraphDeps): ReferenceResolvers;
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
}

/** type-graphql asks its container for resolver instances by class; we hand it the ones we built. */
function containerOf(instances: object[]): ContainerType {
  const byClass = new Map<unknown, object>(instances.map((instance) => [instance.constructor, instance]));
  return {
    get: (someClass) => {
      const instance = byClass.get(someClass);
      if (!instance) throw new Error(`No instance registered for ${(someClass as { name?: string }).name}`);
      return instance;
    },
  };
}

export async function buildSubgraph(definition: SubgraphDefinition, deps: SubgraphDeps): Promise<GraphQLSchema> {
  const instances = definition.resolvers(deps);
  const resolverClasses = instances.map((instance) => instance.constructor) as unknown as BuildSchemaOptions['resolvers'];
  return buildFederatedSchema(
    {
      resolvers: resolverClasses,
      container: containerOf(instances),
      orphanedTypes: definition.orphanedTypes,
    },
    definition.referenceResolvers?.(deps) ?? {},
  );
}

/** Builds the dependencies from the environment; close() releases them. */
export function createSubgraphDeps(name: string, config = loadConfig()): SubgraphDeps & { close(): Promise<void> } {
  const prisma = createPrismaClient(config.databaseUrl);
  const redis = createRedis(config.redisUrl, { lazyConnect: true });
  const disposers: Array<() => Promise<unknown>> = [];
  const auditPool = createDbPool(config.databaseUrl, { poolSize: 5 });
  disposers.push(() => auditPool.end());
  return {
    config,
    prisma,
    redis,
    auditRepository: new AuditRepository(prisma, auditPool),
    log: createLogger(name),
    cipher: createFieldCipher(),
    onClose: (dispose) => disposers.push(dispose),
    close: async () => {
      await Promise.allSettled(disposers.map((dispose) => dispose()));
      await prisma.$disconnect();
      redis.disconnect();
    },
  };
}

export async function startSubgraph(definition: SubgraphDefinition, deps: SubgraphDeps, port: number, host = '127.0.0.1'): Promise<RunningSubgraph> {
  await assertRowLevelSecurityApplies(deps.prisma);
  const schema = await buildSubgraph(definition, deps);
  return startSubgraphServer(
    {
      name: definition.name,
      schema,
      internalSecret: deps.config.internalSecret,
      log: deps.log,
      auditRepository: deps.auditRepository,
      healthChecks: {
        database: () => deps.prisma.$queryRawUnsafe('select 1'),
        redis: () => deps.redis.ping(),
      },
    },
    port,
    host,
  );
}

/** Entry point for `subgraphs/<name>/src/main.ts`: start, and stop cleanly on SIGINT/SIGTERM. */
export async function runSubgraph(definition: SubgraphDefinition): Promise<void> {
  const deps = createSubgraphDeps(definition.name);
  const port = Number(process.env.PORT ?? SUBGRAPH_PORTS[definition.name]);
  const running = await startSubgraph(definition, deps, port, process.env.HOST ?? '127.0.0.1');
  const shutdown = async () => {
    await running.close();
    await deps.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}
