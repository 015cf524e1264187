import { runSubgraph } from '@solace/server-kit';
import { patientsSubgraph } from './index';

void runSubgraph(patientsSubgraph);
