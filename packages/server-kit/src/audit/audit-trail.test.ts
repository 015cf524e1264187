import { describe, expect, it } from 'vitest';
import type { AuditBatcher } from './audit-batcher';
import type { NewAuditEvent } from './audit.repository';
import { AuditTrail } from './audit-trail';

function recordingBatcher() {
  const appended: Array<{ practiceId: string; events: NewAuditEvent[] }> = [];
  const batcher = { append: async (practiceId: string, events: NewAuditEvent[]) => void appended.push({ practiceId, events }) } as unknown as AuditBatcher;
  return { batcher, appended };
}

const actor = { practiceId: 'p1', actorId: 'u1', requestId: 'r1', ip: '10.0.0.1', userAgent: 'test' };

describe('AuditTrail', () => {
  it('records each action on each entity once per request, in first-seen order', async () => {
    const { batcher, appended } = recordingBatcher();
    const trail = new AuditTrail(batcher, actor);
    trail.record('READ', 'Client', ['c1', 'c2']);
    trail.record('READ', 'Client', 'c1');
    trail.record('UPDATE', 'Client', 'c1');
    trail.record('READ', 'ClinicalNote', 'c1');
    await trail.flush();
    expect(appended).toHaveLength(1);
    expect(appended[0]!.practiceId).toBe('p1');
    expect(appended[0]!.events.map((e) => `${e.action} ${e.entityType} ${e.entityId}`)).toEqual(['READ Client c1', 'READ Client c2', 'UPDATE Client c1', 'READ ClinicalNote c1']);
    expect(appended[0]!.events[0]).toMatchObject({ actorId: 'u1', requestId: 'r1', ip: '10.0.0.1', userAgent: 'test' });
  });

  it('starts afresh after a flush, and writes nothing when nothing was read or nobody is signed in', async () => {
    const { batcher, appended } = recordingBatcher();
    const trail = new AuditTrail(batcher, actor);
    trail.record('READ', 'Client', 'c1');
    await trail.flush();
    await trail.flush();
    trail.record('READ', 'Client', 'c1');
    await trail.flush();
    expect(appended.map((batch) => batch.events.length)).toEqual([1, 1]);

    const anonymous = new AuditTrail(batcher, null);
    anonymous.record('READ', 'Client', 'c9');
    await anonymous.flush();
    expect(appended).toHaveLength(2);
  });
});
