import { registerEnumType } from 'type-graphql';

export const Role = {
  ADMIN: 'ADMIN',
  CLINICIAN: 'CLINICIAN',
  SUPERVISOR: 'SUPERVISOR',
  BILLING: 'BILLING',
  FRONT_DESK: 'FRONT_DESK',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

registerEnumType(Role, { name: 'Role', description: 'What a staff member may do; a user may hold several roles.' });
