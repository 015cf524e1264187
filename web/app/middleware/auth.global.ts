// Staff pages need a session; the sign-in page is the only public page so far.
const PUBLIC_PAGES = new Set(['/login']);

export default defineNuxtRouteMiddleware((to) => {
  const { isSignedIn } = useSession();
  if (!PUBLIC_PAGES.has(to.path) && !isSignedIn.value) return navigateTo({ path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } });
  if (to.path === '/login' && isSignedIn.value) return navigateTo('/today');
});
