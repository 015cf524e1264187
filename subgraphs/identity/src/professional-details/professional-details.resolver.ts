import { allowedRoles, DomainError, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { StaffUser } from '../staff-user/staff-user.type';
import { licenseOf, type ProfessionalDetailsService } from './professional-details.service';
import { StaffLicense, StaffProfessionalDetailsInput } from './professional-details.type';

@Resolver(() => StaffUser)
export class ProfessionalDetailsResolver {
  constructor(private readonly service: ProfessionalDetailsService) {}

  @FieldResolver(() => StaffLicense, { nullable: true, description: 'The state licence, when recorded.' })
  license(@Root() staff: StaffUser, @Ctx() ctx: RequestContext): StaffLicense | null {
    // A client sees who their clinician is, not their licence record.
    if (ctx.user?.roles.includes('CLIENT')) throw new DomainError('FORBIDDEN', 'Clients see only the names of staff.');
    return licenseOf(staff);
  }

  @Authorized(...allowedRoles('updateStaffProfessionalDetails'))
  @Mutation(() => StaffUser, { description: 'Credentials, NPI and licence of a staff member: your own, or (admins) anyone’s in the practice.' })
  async updateStaffProfessionalDetails(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => StaffProfessionalDetailsInput) input: StaffProfessionalDetailsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<StaffUser> {
    const updated = await this.service.update(requireUser(ctx), id, input);
    // Not PHI, but who changed a clinician's credentials belongs on the practice's record.
    ctx.audit?.record('UPDATE', 'StaffUser', id);
    return updated;
  }
}
