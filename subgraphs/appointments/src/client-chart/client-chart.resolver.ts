// The appointments side of a client's chart timeline. Each Appointment brings its note (notes
// subgraph) and charge (billing) through federation, so one router query gathers the timeline.
// A root query rather than a Client field: this subgraph only references Client
// (`resolvable: false`, server-kit entity-refs.ts), so the router cannot enter it from a Client.
import { allowedRoles, type RequestContext, requireUser } from '@solace/server-kit';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Appointment } from '../appointment/appointment.type';
import type { ClientChartRepository } from './client-chart.repository';

export const MAX_CHART_APPOINTMENTS = 200;

@Resolver()
export class ClientChartResolver {
  constructor(private readonly appointments: ClientChartRepository) {}

  @Authorized(...allowedRoles('clientAppointments'))
  @Query(() => [Appointment], { description: "A client's appointments, latest first (at most 200), each with its note and charge when the caller may see them." })
  clientAppointments(
    @Arg('clientId', () => ID) clientId: string,
    @Ctx() ctx: RequestContext,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit?: number,
  ): Promise<Appointment[]> {
    return this.appointments.listForClient(requireUser(ctx).practiceId, clientId, Math.min(Math.max(limit ?? 50, 1), MAX_CHART_APPOINTMENTS));
  }
}
