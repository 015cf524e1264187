// Who reads a clinical note: its author, the practice's admins, and the supervisors who currently
// supervise the author. Supervisors are limited to their associates (HIPAA's minimum necessary;
// the field's products scope the supervisor role the same way). Every path that returns a note's
// content — the note, its versions and PDFs, search — asks this one rule.
import type { AuthClaims } from '@solace/server-kit';

export interface SupervisionLookup {
  superviseesOf(practiceId: string, supervisorId: string): Promise<string[]>;
}

/** The authors whose notes a caller reads: every author, or a list. */
export type ReadableAuthors = { all: true } | { all: false; ids: ReadonlySet<string> };

export class NoteReadRule {
  // Claims are parsed per request, so this remembers a supervisor's associates for one request.
  private readonly perRequest = new WeakMap<AuthClaims, Promise<ReadableAuthors>>();

  constructor(private readonly supervision: SupervisionLookup) {}

  readableAuthors(user: AuthClaims): Promise<ReadableAuthors> {
    let authors = this.perRequest.get(user);
    if (!authors) this.perRequest.set(user, (authors = this.lookUp(user)));
    return authors;
  }

  async canRead(user: AuthClaims, authorId: string): Promise<boolean> {
    return allows(await this.readableAuthors(user), authorId);
  }

  /** A synchronous test for lists: one lookup, then a check per note. */
  async predicate(user: AuthClaims): Promise<(authorId: string) => boolean> {
    const authors = await this.readableAuthors(user);
    return (authorId) => allows(authors, authorId);
  }

  private async lookUp(user: AuthClaims): Promise<ReadableAuthors> {
    if (user.roles.includes('ADMIN')) return { all: true };
    const ids = new Set([user.sub]);
    if (user.roles.includes('SUPERVISOR')) for (const id of await this.supervision.superviseesOf(user.practiceId, user.sub)) ids.add(id);
    return { all: false, ids };
  }
}

const allows = (authors: ReadableAuthors, authorId: string) => authors.all || authors.ids.has(authorId);
