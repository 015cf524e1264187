// The two database connections Solace uses (README "Security model"):
//   owner  (DATABASE_OWNER_URL)  owns the tables: migrations, seed, provisioning, key rotation;
//   app    (DATABASE_URL)        what the subgraphs and workers use: the role solace_app (created by
//                                the row-level-security migration) or a login role granted it, so
//                                PostgreSQL's row-level security always applies to them.
// The start, test and bench scripts resolve both from the environment or from the local server.
import { Client } from 'pg';

export const APP_ROLE = 'solace_app';

export interface DatabaseUrls {
  ownerUrl: string;
  appUrl: string;
}

/** The app role on the owner's server and database (passwordless: local servers trust 127.0.0.1). */
export function appUrlFor(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = '';
  return url.toString();
}

/**
 * From the environment: DATABASE_OWNER_URL (+ DATABASE_URL for the app role), or a lone DATABASE_URL
 * taken as the owner with the services connecting as solace_app on the same server; otherwise the
 * project-local server that `localOwnerUrl()` starts.
 */
export function resolveDatabaseUrls(env: NodeJS.ProcessEnv, localOwnerUrl: () => string): DatabaseUrls {
  if (env.DATABASE_OWNER_URL) return { ownerUrl: env.DATABASE_OWNER_URL, appUrl: env.DATABASE_URL ?? appUrlFor(env.DATABASE_OWNER_URL) };
  const ownerUrl = env.DATABASE_URL ?? localOwnerUrl();
  return { ownerUrl, appUrl: appUrlFor(ownerUrl) };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/**
 * Lets the app URL's user sign in as (a member of) solace_app, after migrations created the role;
 * refuses a user that would bypass row-level security.
 */
export async function ensureAppLogin(ownerUrl: string, appUrl: string): Promise<void> {
  const { username, password } = new URL(appUrl);
  const user = decodeURIComponent(username);
  const secret = password ? ` PASSWORD ${quoteLiteral(decodeURIComponent(password))}` : '';
  const db = new Client({ connectionString: ownerUrl });
  await db.connect();
  try {
    const existing = await db.query<{ bypass: boolean }>('select rolsuper or rolbypassrls as bypass from pg_roles where rolname = $1', [user]);
    if (existing.rows[0]?.bypass) throw new Error(`The services' database user "${user}" bypasses row-level security (superuser or BYPASSRLS); use ${APP_ROLE}.`);
    if (user === APP_ROLE) {
      await db.query(`alter role ${APP_ROLE} login${secret}`);
    } else {
      if (!existing.rows[0]) await db.query(`create role ${quoteIdent(user)} login${secret}`);
      await db.query(`grant ${APP_ROLE} to ${quoteIdent(user)}`);
    }
  } finally {
    await db.end();
  }
}
