// The Apollo gateway on the committed static supergraph. Each subgraph request carries the caller's
// identity in the signed internal header; subgraph URLs can be overridden per environment.
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { signIdentity, subgraphUrl, type SubgraphName } from '@solace/server-kit';
import type { RouterContext } from './identity';

class SignedDataSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    options: { url: string },
    private readonly internalSecret: string,
  ) {
    super(options);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    // Health checks and schema loads carry no request context; they are still signed, as anonymous.
    const ctx = 'requestId' in context ? (context as RouterContext) : undefined;
    const headers = signIdentity(
      { user: ctx?.user ?? null, requestId: ctx?.requestId ?? 'router', ip: ctx?.ip ?? null, userAgent: ctx?.userAgent ?? null, ...(ctx?.system && !ctx.user ? { system: ctx.system } : {}) },
      this.internalSecret,
    );
    for (const [name, value] of Object.entries(headers)) request.http?.headers.set(name, value);
    if (ctx) request.http?.headers.set('x-request-id', ctx.requestId);
  }
}

export function createGateway(options: { supergraphSdl: string; internalSecret: string; env?: NodeJS.ProcessEnv }): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => new SignedDataSource({ url: subgraphUrl(name as SubgraphName, options.env) }, options.internalSecret),
  });
}
