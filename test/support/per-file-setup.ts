// Runs in every test file's process before its tests: its own BullMQ key prefix, so the queues and
// workers one file starts never exchange jobs with another file running at the same time.
import { randomUUID } from 'node:crypto';

process.env.SOLACE_QUEUE_PREFIX = `test-${randomUUID().slice(0, 8)}`;
