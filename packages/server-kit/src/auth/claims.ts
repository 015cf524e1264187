// The final shape of an access token's claims. Full sign-in (MFA, refresh rotation) is issue 3;
// the shape is fixed now so every service already reads identity the same way.
export const ROLES = ['ADMIN', 'CLINICIAN', 'SUPERVISOR', 'BILLING', 'FRONT_DESK', 'CLIENT'] as const;
export type RoleName = (typeof ROLES)[number];

export interface AuthClaims {
  /** The user's id (a StaffUser id for staff, a ClientAccount id for clients). */
  sub: string;
  practiceId: string;
  roles: RoleName[];
  /** The sign-in session; the router refuses tokens whose session ended (logout, revoke, idle). */
  sid: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  /** For CLIENT tokens only: the patients-domain Client id the portal account belongs to (`sub` is the ClientAccount id). */
  clientId?: string;
}

export function hasAnyRole(claims: AuthClaims, roles: readonly RoleName[]): boolean {
  return claims.roles.some((role) => roles.includes(role));
}
