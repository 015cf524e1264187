import { runSubgraph } from '@solace/server-kit';
import { notesSubgraph } from './index';

void runSubgraph(notesSubgraph);
