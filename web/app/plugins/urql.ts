// One urql client for the app: HTTP for queries and mutations, graphql-ws for subscriptions,
// both carrying the access token. Composables are the only callers (HOUSE-STYLE rule 5).
import { authExchange } from '@urql/exchange-auth';
import urql, { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/vue';
import { createClient as createWsClient } from 'graphql-ws';

export default defineNuxtPlugin((nuxtApp) => {
  const { routerUrl } = useRuntimeConfig().public;
  const { token, session, signIn, signOut } = useSession();

  // Access tokens live 15 minutes: renew shortly before expiry, or when the server says UNAUTHENTICATED,
  // with the single-use refresh token; if that fails the session is over and the user signs in again.
  const auth = authExchange(async (utils) => ({
    addAuthToOperation: (operation) => (token() ? utils.appendHeaders(operation, { authorization: `Bearer ${token()}` }) : operation),
    willAuthError: () => !!session.value && new Date(session.value.expiresAt).getTime() - Date.now() < 30_000,
    // Only a signed-in session can be renewed; a failed sign-in is just an answer for the form.
    didAuthError: (error) =>
      !!session.value?.refreshToken && (error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') || error.response?.status === 401),
    refreshAuth: async () => {
      const refreshToken = session.value?.refreshToken;
      if (!refreshToken) return signOut();
      const wasClient = session.value?.user.roles.includes('CLIENT') ?? false;
      const result = await utils.mutate(
        `mutation Refresh($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken expiresAt refreshToken user { id displayName roles } clientAccount { id email } } }`,
        { refreshToken },
      );
      const renewed = result.data?.refreshSession;
      // Staff sessions name the staff user; client (portal) sessions the client's portal account.
      const user = renewed?.user ?? (renewed?.clientAccount ? clientSessionUser(renewed.clientAccount) : null);
      if (renewed && user) signIn({ ...renewed, user });
      else {
        signOut();
        await navigateTo(wasClient ? '/portal/sign-in' : '/login');
      }
    },
  }));

  const ws = createWsClient({
    url: routerUrl.replace(/^http/, 'ws'),
    connectionParams: () => ({ authorization: token() ? `Bearer ${token()}` : undefined }),
    lazy: true,
    retryAttempts: 20,
  });

  const client = new Client({
    url: routerUrl,
    exchanges: [
      cacheExchange,
      auth,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    requestPolicy: 'cache-and-network',
    // POST keeps PHI-bearing variables out of URLs and logs (and passes the router's CSRF check).
    preferGetMethod: false,
  });

  nuxtApp.vueApp.use(urql, client);
  return { provide: { graphqlWs: ws } };
});
