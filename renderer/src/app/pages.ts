/**
 * The areas of the app, as shown in the navigation; the id is also the area's address
 * (`#/requests`, see components/route.tsx).
 */
export const PAGES = [
  'start',
  'contacts',
  'letters',
  'calendar',
  'invitations',
  'speeches',
  'patronages',
  'partnerships',
  'greetings',
  'visits',
  'gifts',
  'press',
  'online',
  'requests',
  'citizenEvents',
  'engagement',
  'jubilees',
  'settings',
] as const;

export type Page = (typeof PAGES)[number];

export const isPage = (value: string | undefined): value is Page => (PAGES as readonly (string | undefined)[]).includes(value);
