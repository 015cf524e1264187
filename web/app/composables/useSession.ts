// The signed-in user's access token, kept in sessionStorage so it ends with the browser tab.
// (Refresh tokens and idle timeout arrive with the identity issue.)
const STORAGE_KEY = 'solace.session';

export interface Session {
  accessToken: string;
  expiresAt: string;
  user: { id: string; displayName: string };
}

export function useSession() {
  const session = useState<Session | null>('session', () => readStored());

  function readStored(): Session | null {
    if (typeof sessionStorage === 'undefined') return null;
    try {
      const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
      return stored && new Date(stored.expiresAt) > new Date() ? stored : null;
    } catch {
      return null;
    }
  }

  return {
    session,
    isSignedIn: computed(() => session.value !== null && new Date(session.value.expiresAt) > new Date()),
    signIn(value: Session) {
      session.value = value;
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    },
    signOut() {
      session.value = null;
      sessionStorage.removeItem(STORAGE_KEY);
    },
    token: () => session.value?.accessToken ?? null,
  };
}
