import { clientExportReference, type SubgraphDefinition, type SubgraphDeps } from '@solace/server-kit';
import { createAccountEmailsQueue, enqueueAccountEmail } from '@solace/workers';
import { AuditResolver } from './audit/audit.resolver';
import type { AccountEmailSender } from './auth/account-email.sender';
import { AccountSecurityResolver } from './auth/account-security.resolver';
import { AccountSecurityService } from './auth/account-security.service';
import { AuthResolver } from './auth/auth.resolver';
import { AuthService } from './auth/auth.service';
import { ClientExportRepository } from './client-export/client-export.repository';
import { ClientDataExportAccount, ClientExportSectionResolver } from './client-export/client-export.section';
import { PasswordTokenRepository } from './auth/password-token.repository';
import { PasswordResolver } from './auth/password.resolver';
import { PasswordService } from './auth/password.service';
import { SessionRepository } from './auth/session.repository';
import { ClientAccountRepository } from './client-account/client-account.repository';
import { ClientPortalResolver, clientPortalReference, ClientSignInResolver } from './client-account/client-account.resolver';
import { ClientWithPortalAccount } from './client-account/client-account.type';
import { ClientPortalService } from './client-account/client-portal.service';
import { ClientSignInService } from './client-account/client-sign-in.service';
import { ClientSignInRateLimit, clientSignInLimitsFromEnv } from './client-account/client-sign-in.rate-limit';
import { MfaRepository } from './mfa/mfa.repository';
import { PasskeyChallenges } from './passkey/passkey-challenges';
import { PasskeyRepository } from './passkey/passkey.repository';
import { PasskeyResolver } from './passkey/passkey.resolver';
import { PasskeyService } from './passkey/passkey.service';
import { MfaResolver } from './mfa/mfa.resolver';
import { MfaService } from './mfa/mfa.service';
import { PracticeRepository } from './practice/practice.repository';
import { PracticeResolver, practiceReference } from './practice/practice.resolver';
import { ProfessionalDetailsResolver } from './professional-details/professional-details.resolver';
import { ProfessionalDetailsService } from './professional-details/professional-details.service';
import { StaffAdminResolver } from './staff-user/staff-admin.resolver';
import { StaffAdminService } from './staff-user/staff-admin.service';
import { StaffUserRepository } from './staff-user/staff-user.repository';
import { StaffUserResolver, staffUserReference } from './staff-user/staff-user.resolver';
import { SupervisionRepository } from './supervision/supervision.repository';
import { SupervisionResolver } from './supervision/supervision.resolver';
import { SupervisionService } from './supervision/supervision.service';

/** Account emails go through the workers' queue, connected on first use (compose needs no Redis). */
function accountEmailSender(deps: SubgraphDeps): AccountEmailSender {
  let queue: ReturnType<typeof createAccountEmailsQueue> | undefined;
  return {
    send: async (job) => {
      if (!queue) {
        const created = createAccountEmailsQueue(deps.config.redisUrl);
        deps.onClose(() => created.close());
        queue = created;
      }
      await enqueueAccountEmail(queue, job);
    },
  };
}

export const identitySubgraph: SubgraphDefinition = {
  name: 'identity',
  // Reachable only as entities; listed so their fields (portalAccount, export sections) are kept.
  orphanedTypes: [ClientWithPortalAccount, ClientDataExportAccount],
  resolvers: (deps) => {
    const { prisma, config, redis, auditRepository, cipher } = deps;
    const mfa = new MfaService(new MfaRepository(prisma), cipher);
    const practices = new PracticeRepository(prisma);
    const staff = new StaffUserRepository(prisma);
    const sessions = new SessionRepository(prisma);
    const emails = accountEmailSender(deps);
    const clientAccounts = new ClientAccountRepository(prisma);
    const auth = new AuthService(staff, sessions, redis, config.jwtSecret, mfa, clientAccounts, practices);
    const passkeys = new PasskeyService(new PasskeyRepository(prisma), new PasskeyChallenges(redis), staff, auth, { id: config.passkeyRpId, origins: config.webOrigins });
    const clientPortal = new ClientPortalService(clientAccounts, sessions, redis, emails);
    const clientSignIn = new ClientSignInService(clientAccounts, sessions, redis, config.jwtSecret, emails, new ClientSignInRateLimit(redis, clientSignInLimitsFromEnv(process.env)));
    return [
      new PracticeResolver(practices),
      new StaffUserResolver(staff, practices),
      new StaffAdminResolver(new StaffAdminService(staff, sessions, redis, emails)),
      new ProfessionalDetailsResolver(new ProfessionalDetailsService(staff)),
      new AuthResolver(auth),
      new AccountSecurityResolver(new AccountSecurityService(staff, sessions, new PasswordTokenRepository(prisma), redis, emails)),
      new PasskeyResolver(passkeys),
      new MfaResolver(mfa),
      new PasswordResolver(new PasswordService(staff, new PasswordTokenRepository(prisma), sessions, redis, emails)),
      new AuditResolver(auditRepository),
      new ClientSignInResolver(clientSignIn, clientPortal, practices),
      new ClientPortalResolver(clientPortal),
      new ClientExportSectionResolver(new ClientExportRepository(prisma)),
      new SupervisionResolver(new SupervisionService(new SupervisionRepository(prisma), staff)),
    ];
  },
  referenceResolvers: ({ prisma }) => ({
    Practice: practiceReference(new PracticeRepository(prisma)),
    StaffUser: staffUserReference(new StaffUserRepository(prisma)),
    Client: clientPortalReference(),
    ...clientExportReference,
  }),
};
