import type { SubgraphDefinition } from '@solace/server-kit';
import { AuditResolver } from './audit/audit.resolver';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { SessionRepository } from './auth/session.repository';
import { PracticeRepository } from './practice/practice.repository';
import { PracticeResolver, practiceReference } from './practice/practice.resolver';
import { StaffUserRepository } from './staff-user/staff-user.repository';
import { StaffUserResolver, staffUserReference } from './staff-user/staff-user.resolver';

export const identitySubgraph: SubgraphDefinition = {
  name: 'identity',
  resolvers: ({ prisma, config, redis, auditRepository }) => {
    const practices = new PracticeRepository(prisma);
    const staff = new StaffUserRepository(prisma);
    return [
      new PracticeResolver(practices),
      new StaffUserResolver(staff, practices),
      new AuthResolver(new AuthService(staff, new SessionRepository(prisma), redis, config.jwtSecret)),
      new AuditResolver(auditRepository),
    ];
  },
  referenceResolvers: ({ prisma }) => ({
    Practice: practiceReference(new PracticeRepository(prisma)),
    StaffUser: staffUserReference(new StaffUserRepository(prisma)),
  }),
};
