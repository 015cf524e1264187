// Query limits for every operation, over HTTP and graphql-ws alike (graphql-armor). Each refusal
// carries its own stable code so clients and integrators can tell which limit they hit.
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 3000,
  maxCost: 5000,
} as const;

export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  directives: 'TOO_MANY_DIRECTIVES',
  tokens: 'TOO_MANY_TOKENS',
  cost: 'QUERY_TOO_COMPLEX',
} as const;

/** Reports the limit's error with a stable code instead of armor's generic validation error. */
const reportAs = (code: string) => (context: ValidationContext | null, error: GraphQLError) => {
  const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } });
  if (context) context.reportError(coded);
  else throw coded;
};

function limitConfig(n: number, code: string) {
  return { n, onReject: [reportAs(code)], propagateOnRejection: false, exposeLimits: true };
}

export function createArmor() {
  return new ApolloArmor({
    maxDepth: limitConfig(QUERY_LIMITS.maxDepth, LIMIT_CODES.depth),
    maxAliases: limitConfig(QUERY_LIMITS.maxAliases, LIMIT_CODES.aliases),
    maxDirectives: limitConfig(QUERY_LIMITS.maxDirectives, LIMIT_CODES.directives),
    maxTokens: limitConfig(QUERY_LIMITS.maxTokens, LIMIT_CODES.tokens),
    costLimit: { maxCost: QUERY_LIMITS.maxCost, onReject: [reportAs(LIMIT_CODES.cost)], propagateOnRejection: false, exposeLimits: true },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** The same validation limits for graphql-ws, which validates outside Apollo Server. */
export function subscriptionLimitRules(): ValidationRule[] {
  return createArmor().validationRules as ValidationRule[];
}
