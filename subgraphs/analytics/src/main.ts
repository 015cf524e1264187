import { runSubgraph } from '@solace/server-kit';
import { analyticsSubgraph } from './index';

void runSubgraph(analyticsSubgraph);
