import { allowedRoles, AuditAs, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { Client } from '../client/client.type';
import { ClientDocumentUploadInput } from './client-document.input';
import type { ClientDocumentService } from './client-document.service';
import { ClientDocument, ClientDocumentUpload } from './client-document.type';

@Resolver(() => Client)
export class ClientDocumentResolver {
  constructor(private readonly service: ClientDocumentService) {}

  @FieldResolver(() => [ClientDocument], { description: 'Uploaded documents, newest first, each with a 5-minute download URL (every read is audited).' })
  documents(@Root() client: Client, @Ctx() ctx: RequestContext): Promise<ClientDocument[]> {
    return this.service.listForClient(requireUser(ctx, allowedRoles('client')).practiceId, client.id);
  }

  @Authorized(...allowedRoles('requestClientDocumentUpload'))
  @Mutation(() => ClientDocumentUpload, { description: 'Step 1 of an upload: a presigned PUT URL (5 minutes). Then PUT the file and call confirmClientDocument.' })
  async requestClientDocumentUpload(
    @Arg('clientId', () => ID) clientId: string,
    @Arg('input', () => ClientDocumentUploadInput) input: ClientDocumentUploadInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClientDocumentUpload> {
    const user = requireUser(ctx);
    const upload = await this.service.requestUpload(user.practiceId, user.sub, clientId, input);
    // The document rides inside the upload type, which the automatic audit does not look into.
    ctx.audit?.record('CREATE', 'ClientDocument', upload.document.id);
    return upload;
  }

  @Authorized(...allowedRoles('confirmClientDocument'))
  @AuditAs('CREATE')
  @Mutation(() => ClientDocument, { description: 'Step 2: checks the file arrived with the announced size and type. CONFLICT (NOT_UPLOADED) before the PUT.' })
  confirmClientDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClientDocument> {
    return this.service.confirm(requireUser(ctx).practiceId, id);
  }

  @Authorized(...allowedRoles('removeClientDocument'))
  @AuditAs('DELETE')
  @Mutation(() => ClientDocument, { description: 'Deletes the file from storage and the record.' })
  removeClientDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ClientDocument> {
    return this.service.remove(requireUser(ctx).practiceId, id);
  }
}
