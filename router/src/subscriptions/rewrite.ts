// Turns a client's subscription into the query that resolves one event through the gateway: the
// root field becomes the entity lookup (aliased to the subscription's response key), the rest of
// the selection, fragments and directives stay, and variables only the subscription root used are
// dropped (otherwise validation's NoUnusedVariables rejects the query).
import {
  Kind,
  parseType,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
} from 'graphql';
import type { SubscriptionRoute } from './routes';

export interface EventQuery {
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** Where the result sits in `data`: the subscription field's alias or name. */
  responseKey: string;
}

const EVENT_VARIABLE_PREFIX = '__event_';

export function rewriteForEvent(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rootField: FieldNode,
  route: SubscriptionRoute,
  variables: Record<string, unknown>,
  eventKeys: Record<string, string>,
): EventQuery {
  const kept = (rootField.arguments ?? []).filter((arg) => route.lookup.keepArguments?.includes(arg.name.value));
  const fromEvent = Object.entries(route.lookup.fromEventKeys ?? {});
  const eventArguments: ArgumentNode[] = fromEvent.map(([argName]) => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: argName },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_VARIABLE_PREFIX + argName } },
  }));
  const eventVariableDefinitions: VariableDefinitionNode[] = fromEvent.map(([argName, { type }]) => ({
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: EVENT_VARIABLE_PREFIX + argName } },
    type: parseType(type),
  }));
  const responseKey = rootField.alias?.value ?? rootField.name.value;
  const lookupField: FieldNode = {
    ...rootField,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: route.lookup.field },
    arguments: [...kept, ...eventArguments],
  };
  const draft: OperationDefinitionNode = {
    ...operation,
    operation: 'query' as OperationDefinitionNode['operation'],
    selectionSet: { ...operation.selectionSet, selections: [lookupField] },
    variableDefinitions: [...(operation.variableDefinitions ?? []), ...eventVariableDefinitions],
  };
  const otherDefinitions = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const used = usedVariables([draft, ...otherDefinitions]);
  const query: OperationDefinitionNode = {
    ...draft,
    variableDefinitions: draft.variableDefinitions?.filter((definition) => used.has(definition.variable.name.value)),
  };
  const queryVariables: Record<string, unknown> = {};
  for (const name of used) if (name in variables) queryVariables[name] = variables[name];
  for (const [argName, { key }] of fromEvent) queryVariables[EVENT_VARIABLE_PREFIX + argName] = eventKeys[key];
  return { document: { kind: Kind.DOCUMENT, definitions: [query, ...otherDefinitions] }, variables: queryVariables, responseKey };
}

function usedVariables(definitions: DocumentNode['definitions']): Set<string> {
  const names = new Set<string>();
  for (const definition of definitions) {
    visit(definition, {
      VariableDefinition: () => false, // the declarations themselves are not uses
      Variable: (node) => {
        names.add(node.name.value);
      },
    });
  }
  return names;
}
