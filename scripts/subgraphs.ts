// Every subgraph Solace serves, in composition order. Adding a subgraph: see subgraphs/README.md.
import type { SubgraphDefinition } from '@solace/server-kit';
import { analyticsSubgraph } from '@solace/subgraph-analytics';
import { appointmentsSubgraph } from '@solace/subgraph-appointments';
import { billingSubgraph } from '@solace/subgraph-billing';
import { identitySubgraph } from '@solace/subgraph-identity';
import { notesSubgraph } from '@solace/subgraph-notes';
import { patientsSubgraph } from '@solace/subgraph-patients';
import { portalSubgraph } from '@solace/subgraph-portal';

export const SUBGRAPHS: SubgraphDefinition[] = [
  identitySubgraph,
  patientsSubgraph,
  appointmentsSubgraph,
  notesSubgraph,
  billingSubgraph,
  portalSubgraph,
  analyticsSubgraph,
];
