import { runSubgraph } from '@solace/server-kit';
import { appointmentsSubgraph } from './index';

void runSubgraph(appointmentsSubgraph);
