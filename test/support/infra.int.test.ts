import { createRedis } from '@solace/server-kit';
import { describe, expect, it } from 'vitest';
import { createTestAppointment, createTestClient, createTestPractice, createTestStaff, testPrisma } from './factories';

describe('test infrastructure', () => {
  it('reaches the migrated PostgreSQL and a real Redis', async () => {
    const practice = await createTestPractice();
    const clinician = await createTestStaff(practice);
    const client = await createTestClient(practice);
    const appointment = await createTestAppointment(practice, client, clinician);
    const found = await testPrisma().appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: { clientId: true } });
    expect(found.clientId).toBe(client.id);

    const redis = createRedis(process.env.REDIS_URL!);
    await redis.set(`test:${practice.id}`, 'ok', 'EX', 10);
    expect(await redis.get(`test:${practice.id}`)).toBe('ok');
    redis.disconnect();
  });
});
