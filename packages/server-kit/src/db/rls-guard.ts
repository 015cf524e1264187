import type { PrismaClient } from './prisma';

/**
 * Refuses to run a service whose database user would skip row-level security (a superuser, a
 * BYPASSRLS role or the tables' owner): tenant isolation would then rest on the code alone.
 */
export async function assertRowLevelSecurityApplies(prisma: PrismaClient): Promise<void> {
  const [role] = await prisma.$queryRaw<Array<{ name: string; bypasses: boolean }>>`
    select current_user as name,
           r.rolsuper or r.rolbypassrls or exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as bypasses
    from pg_roles r where r.rolname = current_user`;
  if (role?.bypasses) {
    throw new Error(
      `The database user "${role.name}" bypasses row-level security (superuser, BYPASSRLS or table owner). ` +
        'Point DATABASE_URL at solace_app or a role granted it, and DATABASE_OWNER_URL at the owner (README, "Security model").',
    );
  }
}
