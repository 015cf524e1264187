// Solace web client. SPA for now (ssr: false): access tokens live in the browser and never pass
// through a server render, so no request state can leak between users. Revisit with cookie sessions
// (issue 3) when server rendering of the public pages matters.
export default defineNuxtConfig({
  compatibilityDate: '2026-11-01',
  ssr: false,
  devtools: { enabled: false },
  telemetry: false,
  css: ['~/assets/main.css'],
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      title: 'Solace',
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
    },
  },
  runtimeConfig: {
    public: {
      routerUrl: 'http://localhost:4000/graphql',
    },
  },
});
