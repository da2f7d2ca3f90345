/** The areas of the app, as shown in the navigation. */
export type Page = 'start' | 'contacts' | 'letters' | 'calendar' | 'invitations' | 'speeches' | 'patronages' | 'partnerships' | 'greetings' | 'visits' | 'gifts' | 'press' | 'requests' | 'citizenEvents' | 'engagement' | 'jubilees' | 'settings';
