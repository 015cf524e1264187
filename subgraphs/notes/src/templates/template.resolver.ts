import { allowedRoles, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { NoteTemplateInput, NoteTemplatesArgs, UpdateNoteTemplateArgs } from './template.input';
import type { TemplateService } from './template.service';
import { NoteTemplate, NoteTemplateVersion } from './template.type';

@Resolver(() => NoteTemplate)
export class TemplateResolver {
  constructor(private readonly service: TemplateService) {}

  @Authorized(...allowedRoles('noteTemplates'))
  @Query(() => [NoteTemplate], { description: "The practice's note templates, built-ins first." })
  noteTemplates(@Args(() => NoteTemplatesArgs) { noteType, includeArchived }: NoteTemplatesArgs, @Ctx() ctx: RequestContext) {
    return this.service.list(requireUser(ctx), noteType ?? null, includeArchived);
  }

  @Authorized(...allowedRoles('noteTemplate'))
  @Query(() => NoteTemplate)
  noteTemplate(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('createNoteTemplate'))
  @Mutation(() => NoteTemplate, { description: 'A new template of the practice (version 1).' })
  createNoteTemplate(@Arg('input', () => NoteTemplateInput) input: NoteTemplateInput, @Ctx() ctx: RequestContext) {
    return this.service.create(requireUser(ctx), input);
  }

  @Authorized(...allowedRoles('updateNoteTemplate'))
  @Mutation(() => NoteTemplate, { description: 'Saves a new version of a template; notes written with older versions keep theirs.' })
  updateNoteTemplate(@Args(() => UpdateNoteTemplateArgs) { id, input }: UpdateNoteTemplateArgs, @Ctx() ctx: RequestContext) {
    return this.service.update(requireUser(ctx), id, input);
  }

  @Authorized(...allowedRoles('archiveNoteTemplate'))
  @Mutation(() => NoteTemplate, { description: 'Hides a template from new notes (or brings it back); existing notes are unaffected.' })
  archiveNoteTemplate(@Arg('id', () => ID) id: string, @Arg('archived', () => Boolean, { defaultValue: true }) archived: boolean, @Ctx() ctx: RequestContext) {
    return this.service.setArchived(requireUser(ctx), id, archived);
  }

  @FieldResolver(() => [NoteTemplateVersion], { description: 'Every version, newest first.' })
  versions(@Root() template: NoteTemplate, @Ctx() ctx: RequestContext) {
    return this.service.versions(requireUser(ctx), template.id);
  }
}
