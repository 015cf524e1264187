import { allowedRoles, AuditAs, nullIfNotFound, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CreateDraftNoteArgs, UpdateDraftNoteArgs } from './note.input';
import type { NoteService } from './note.service';
import { AppointmentWithNote, ClinicalNote } from './note.type';

const NOTE_READERS = allowedRoles('clinicalNote');

@Resolver(() => ClinicalNote)
export class NoteResolver {
  constructor(private readonly service: NoteService) {}

  @Authorized(...allowedRoles('clinicalNote'))
  @Query(() => ClinicalNote)
  clinicalNote(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.service.get(requireUser(ctx), id);
  }

  @Authorized(...allowedRoles('createDraftNote'))
  @AuditAs('CREATE')
  @Mutation(() => ClinicalNote, { description: "Starts the draft note of one of the caller's appointments." })
  createDraftNote(@Args(() => CreateDraftNoteArgs) { appointmentId, body }: CreateDraftNoteArgs, @Ctx() ctx: RequestContext) {
    return this.service.createDraft(requireUser(ctx), appointmentId, body);
  }

  @Authorized(...allowedRoles('updateDraftNote'))
  @Mutation(() => ClinicalNote, { description: 'Saves the body of a draft note (autosave).' })
  updateDraftNote(@Args(() => UpdateDraftNoteArgs) { id, body }: UpdateDraftNoteArgs, @Ctx() ctx: RequestContext) {
    return this.service.updateDraft(requireUser(ctx), id, body);
  }
}

@Resolver(() => AppointmentWithNote)
export class AppointmentNoteResolver {
  constructor(private readonly service: NoteService) {}

  @FieldResolver(() => ClinicalNote, { nullable: true, description: 'The note documenting this appointment, when the caller may read it.' })
  note(@Root() appointment: AppointmentWithNote, @Ctx() ctx: RequestContext) {
    const user = requireUser(ctx);
    if (!user.roles.some((role) => NOTE_READERS.includes(role))) return null;
    return this.service.forAppointment(user, appointment.id);
  }
}

export const noteReferences = (service: NoteService) => ({
  ClinicalNote: {
    __resolveReference: (reference: { id: string }, ctx: RequestContext) => nullIfNotFound(service.get(requireUser(ctx, NOTE_READERS), reference.id)),
  },
  // The router asks notes for Appointment.note with only the key; authorization happens in `note`.
  Appointment: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
});
