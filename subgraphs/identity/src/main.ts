import { runSubgraph } from '@solace/server-kit';
import { identitySubgraph } from './index';

void runSubgraph(identitySubgraph);
