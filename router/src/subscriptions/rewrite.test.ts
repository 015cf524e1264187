import { getOperationAST, parse, print, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rewriteForEvent } from './rewrite';
import { SUBSCRIPTION_ROUTES } from './routes';

function rewrite(source: string, routeName: string, variables: Record<string, unknown>, keys: Record<string, string>) {
  const document = parse(source);
  const operation = getOperationAST(document)!;
  const root = operation.selectionSet.selections[0] as FieldNode;
  return rewriteForEvent(document, operation, root, SUBSCRIPTION_ROUTES[routeName]!, variables, keys);
}

describe('subscription → lookup query rewrite', () => {
  it('swaps the root for the entity lookup, keeps alias, fragments and directives, and drops root-only variables', () => {
    const result = rewrite(
      `subscription Live($threadId: ID!, $withThread: Boolean!) {
         added: messageAdded(threadId: $threadId) { ...Parts thread @include(if: $withThread) { id } }
       }
       fragment Parts on Message { body sender { displayName } }`,
      'messageAdded',
      { threadId: 't-1', withThread: true },
      { id: 'm-9' },
    );
    expect(result.responseKey).toBe('added');
    expect(result.variables).toEqual({ withThread: true, __event_id: 'm-9' });
    expect(print(result.document)).toBe(
      print(
        parse(`query Live($withThread: Boolean!, $__event_id: ID!) {
          added: message(id: $__event_id) { ...Parts thread @include(if: $withThread) { id } }
        }
        fragment Parts on Message { body sender { displayName } }`),
      ),
    );
  });

  it('passes arguments through unchanged when the lookup takes the subscription arguments', () => {
    const result = rewrite(
      'subscription ($from: DateTimeISO!, $to: DateTimeISO!) { practiceMetricsUpdated(from: $from, to: $to) { keptVisitRate } }',
      'practiceMetricsUpdated',
      { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' },
      {},
    );
    expect(result.responseKey).toBe('practiceMetricsUpdated');
    expect(result.variables).toEqual({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' });
    expect(print(result.document)).toContain('practiceMetricsUpdated: practiceMetrics(from: $from, to: $to)');
  });
});
