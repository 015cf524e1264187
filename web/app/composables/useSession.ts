// The signed-in user's access token, kept in sessionStorage so it ends with the browser tab.
// (Refresh tokens and idle timeout arrive with the identity issue.)
const STORAGE_KEY = 'solace.session';

export interface Session {
  accessToken: string;
  expiresAt: string;
  /** Single use; exchanged for the next one whenever the access token is refreshed. */
  refreshToken: string;
  user: { id: string; displayName: string; roles: string[] };
}

export function useSession() {
  const session = useState<Session | null>('session', () => readStored());

  function readStored(): Session | null {
    if (typeof sessionStorage === 'undefined') return null;
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    } catch {
      return null;
    }
  }

  return {
    session,
    // An expired access token is renewed with the refresh token (plugins/urql.ts), so a session
    // counts as signed in until the server says otherwise.
    isSignedIn: computed(() => session.value !== null),
    signIn(value: Session) {
      session.value = value;
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    },
    signOut() {
      session.value = null;
      sessionStorage.removeItem(STORAGE_KEY);
    },
    token: () => session.value?.accessToken ?? null,
    hasRole: (role: string) => session.value?.user.roles?.includes(role) ?? false,
  };
}
