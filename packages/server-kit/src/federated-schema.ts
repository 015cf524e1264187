// The one federated-schema builder: type-graphql builds the schema from decorated classes, then
// @apollo/subgraph turns its SDL (with @key and friends) into a subgraph schema. Reference
// resolvers (__resolveReference) are merged into the resolver map and must authorize like queries.
import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { defaultFieldResolver, getNamedType, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type AuthChecker, type BuildSchemaOptions } from 'type-graphql';
import { auditedFieldResolver, auditedReference } from './audit/audit-middleware';
import { PHI_TYPES } from './audit/phi-types';
import type { RoleName } from './auth/claims';
import type { RequestContext } from './context';
import { DomainError } from './errors';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

/** `@Authorized()` means signed in; `@Authorized('ADMIN', ...)` means signed in with one of the roles. */
export const authChecker: AuthChecker<RequestContext, RoleName> = ({ context }, roles) => {
  if (!context.user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (roles.length === 0) return true;
  if (context.user.roles.some((role) => roles.includes(role))) return true;
  throw new DomainError('FORBIDDEN', `This needs one of the roles ${roles.join(', ')}.`);
};

// Subscriptions are declared in subgraphs (so they compose and get codegen) but served by the
// router (ARCHITECTURE rule 7). type-graphql insists on a PubSub; this one refuses politely.
const routerServesSubscriptions = {
  publish: () => {
    throw new Error('Subgraphs do not publish through type-graphql; use publishEvent() after commit.');
  },
  subscribe: () => {
    throw new DomainError('BAD_USER_INPUT', 'Subscribe through the router (graphql-ws at /graphql).');
  },
};

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: RequestContext) => unknown }>;

export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'authChecker'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    ...options,
    authChecker,
    pubSub: routerServesSubscriptions,
    skipCheck: true,
    validate: { forbidUnknownValues: false },
  });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  auditPhiFields(schema, resolvers);
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    const __resolveReference = auditedReference(typeName, reference.__resolveReference);
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference } as never;
  }
  return buildSubgraphSchema({
    typeDefs: gql`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`,
    resolvers,
  });
}

type FieldResolvers = Record<string, GraphQLFieldResolver<unknown, RequestContext> | undefined>;

/** Every field returning a PHI type (a Client, a note...) records what it returned in the audit trail. */
function auditPhiFields(schema: GraphQLSchema, resolvers: GraphQLResolverMap<unknown>) {
  for (const type of Object.values(schema.getTypeMap())) {
    // Subgraphs never serve subscriptions: the router resolves each event through queries, audited here.
    if (!(type instanceof GraphQLObjectType) || type.name.startsWith('__') || type === schema.getSubscriptionType()) continue;
    for (const field of Object.values(type.getFields())) {
      const returned = getNamedType(field.type).name;
      if (!PHI_TYPES.has(returned)) continue;
      const fields = (resolvers[type.name] ??= {}) as FieldResolvers;
      fields[field.name] = auditedFieldResolver(returned, fields[field.name] ?? (defaultFieldResolver as GraphQLFieldResolver<unknown, RequestContext>));
    }
  }
}
