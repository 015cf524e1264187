// Staff pages need a staff session; portal pages (/portal) need a client session. Signing in,
// magic links and resetting a password need none.
const PUBLIC_PAGES = new Set(['/login', '/forgot-password', '/set-password', '/confirm-email', '/portal/sign-in', '/portal/verify']);
const isPortal = (path: string) => path === '/portal' || path.startsWith('/portal/');
// A practice's public booking page: anyone, signed in or not, as whoever they are.
const isBookingPage = (path: string) => path.startsWith('/book/');
// A waitlist offer link: its secret token is the credential, whoever (if anyone) is signed in.
const isOfferLink = (path: string) => /^\/waitlist\/[^/]+\/?$/.test(path);

export default defineNuxtRouteMiddleware((to) => {
  if (isBookingPage(to.path)) return;
  if (isOfferLink(to.path)) return;
  const { isSignedIn, hasRole } = useSession();
  const client = isSignedIn.value && hasRole('CLIENT');
  if (isPortal(to.path)) {
    if (!PUBLIC_PAGES.has(to.path) && !client) return navigateTo('/portal/sign-in');
    if (to.path === '/portal/sign-in' && client) return navigateTo('/portal');
    return;
  }
  // A client who wanders onto a staff page goes home to the portal.
  if (client) return navigateTo('/portal');
  if (!PUBLIC_PAGES.has(to.path) && !isSignedIn.value) return navigateTo({ path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } });
  if (to.path === '/login' && isSignedIn.value) return navigateTo('/today');
});
