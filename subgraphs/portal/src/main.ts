import { runSubgraph } from '@solace/server-kit';
import { portalSubgraph } from './index';

void runSubgraph(portalSubgraph);
