import { runSubgraph } from '@solace/server-kit';
import { billingSubgraph } from './index';

void runSubgraph(billingSubgraph);
