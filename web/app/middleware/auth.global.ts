// Staff pages need a session; signing in and resetting a password do not.
const PUBLIC_PAGES = new Set(['/login', '/forgot-password', '/set-password']);

export default defineNuxtRouteMiddleware((to) => {
  const { isSignedIn } = useSession();
  if (!PUBLIC_PAGES.has(to.path) && !isSignedIn.value) return navigateTo({ path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } });
  if (to.path === '/login' && isSignedIn.value) return navigateTo('/today');
});
