// One urql client for the app: HTTP for queries and mutations, graphql-ws for subscriptions,
// both carrying the access token. Composables are the only callers (HOUSE-STYLE rule 5).
import urql, { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/vue';
import { createClient as createWsClient } from 'graphql-ws';

export default defineNuxtPlugin((nuxtApp) => {
  const { routerUrl } = useRuntimeConfig().public;
  const { token } = useSession();

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
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
    fetchOptions: () => {
      const current = token();
      return { headers: current ? { authorization: `Bearer ${current}` } : {} };
    },
    requestPolicy: 'cache-and-network',
    // POST keeps PHI-bearing variables out of URLs and logs (and passes the router's CSRF check).
    preferGetMethod: false,
  });

  nuxtApp.vueApp.use(urql, client);
  return { provide: { graphqlWs: ws } };
});
