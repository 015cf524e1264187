import { allowedRoles, AuditAs, nullIfNotFound, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DiagnosisCode } from '../diagnoses/diagnosis.type';
import { NoteTemplateVersion } from '../templates/template.type';
import { CreateDraftNoteArgs, SaveNoteDraftArgs, StartNoteArgs, UpdateDraftNoteArgs } from './note.input';
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
  @Mutation(() => ClinicalNote, { description: "Starts a free-text draft note of one of the caller's appointments (no template; see startNote)." })
  createDraftNote(@Args(() => CreateDraftNoteArgs) { appointmentId, body }: CreateDraftNoteArgs, @Ctx() ctx: RequestContext) {
    return this.service.createDraft(requireUser(ctx), appointmentId, body);
  }

  @Authorized(...allowedRoles('startNote'))
  @AuditAs('CREATE')
  @Mutation(() => ClinicalNote, { description: "Starts the note of one of the caller's appointments with a template (the note type's built-in unless templateId)." })
  startNote(@Args(() => StartNoteArgs) { appointmentId, noteType, templateId }: StartNoteArgs, @Ctx() ctx: RequestContext) {
    return this.service.start(requireUser(ctx), appointmentId, noteType, templateId ?? null);
  }

  @Authorized(...allowedRoles('updateDraftNote'))
  @Mutation(() => ClinicalNote, { description: 'Saves the body of a draft note (last write wins; editors use saveNoteDraft).' })
  updateDraftNote(@Args(() => UpdateDraftNoteArgs) { id, body }: UpdateDraftNoteArgs, @Ctx() ctx: RequestContext) {
    return this.service.updateDraft(requireUser(ctx), id, body);
  }

  @Authorized(...allowedRoles('saveNoteDraft'))
  @Mutation(() => ClinicalNote, { description: 'Autosave with optimistic locking: refused with CONFLICT (reason STALE_REVISION, currentRevision) when the note moved on.' })
  saveNoteDraft(@Args(() => SaveNoteDraftArgs) { id, expectedRevision, content, body, diagnosisCodes }: SaveNoteDraftArgs, @Ctx() ctx: RequestContext) {
    return this.service.saveDraft(requireUser(ctx), id, expectedRevision, { content, body, diagnosisCodes });
  }

  @FieldResolver(() => NoteTemplateVersion, { nullable: true, description: 'The template version the note was written with (it always renders with this one).' })
  templateVersion(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    return this.service.templateVersion(requireUser(ctx), note);
  }

  @FieldResolver(() => [String], { description: 'Ids of required template fields still empty; signing needs none.' })
  missingRequired(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    return this.service.missingRequired(requireUser(ctx), note);
  }

  @FieldResolver(() => Boolean, { description: 'Something is written and no required field is empty.' })
  readyToSign(@Root() note: ClinicalNote, @Ctx() ctx: RequestContext) {
    return this.service.readyToSign(requireUser(ctx), note);
  }

  @FieldResolver(() => [DiagnosisCode], { description: 'The diagnoses with their descriptions, primary first.' })
  diagnoses(@Root() note: ClinicalNote) {
    return this.service.describeDiagnoses(note);
  }

  @FieldResolver(() => AppointmentWithNote, { description: 'The documented appointment: client, clinician, time and service come from it.' })
  appointment(@Root() note: ClinicalNote): AppointmentWithNote {
    return { id: note.appointmentId };
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
