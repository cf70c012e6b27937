// Route paths of the three roles' areas; later features add sub-routes under them.
export const ROUTES = {
  home: '/',
  secretariat: '/secretariat',
  scoring: '/scoring',
  dashboard: '/dashboard',
  about: '/about',
} as const;
