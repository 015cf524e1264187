import { allowedRoles, requireUser, type RequestContext } from '@solace/server-kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { hiddenFromClients, StaffUser } from '../staff-user/staff-user.type';
import { licenseOf, type ProfessionalDetailsService } from './professional-details.service';
import { StaffLicense, StaffProfessionalDetailsInput } from './professional-details.type';

@Resolver(() => StaffUser)
export class ProfessionalDetailsResolver {
  constructor(private readonly service: ProfessionalDetailsService) {}

  @UseMiddleware(hiddenFromClients)
  @FieldResolver(() => StaffLicense, { nullable: true, description: 'The state licence, when recorded.' })
  license(@Root() staff: StaffUser): StaffLicense | null {
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
