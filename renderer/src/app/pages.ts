/** The areas of the app, as shown in the navigation. */
export type Page = 'start' | 'contacts' | 'letters' | 'calendar' | 'invitations' | 'speeches' | 'patronages' | 'partnerships' | 'greetings' | 'press' | 'requests' | 'citizenEvents' | 'engagement' | 'jubilees' | 'settings';
