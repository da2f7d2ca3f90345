import { lazy, Suspense, type ComponentType } from 'react';
import { Spinner } from '@fluentui/react-components';

/**
 * The pages other than the start page, each loaded the first time it opens: the start page shows
 * without first reading the code of the calendar, the editor, the charts and the document preview.
 */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Spinner label="Seite wird geladen …" />}>
        <Page {...props} />
      </Suspense>
    );
  };
}

export const ContactsPage = lazyPage(() => import('../features/contacts/ContactsPage').then((m) => m.ContactsPage));
export const LettersPage = lazyPage(() => import('../features/letters/LettersPage').then((m) => m.LettersPage));
export const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
export const JubileesPage = lazyPage(() => import('../features/jubilees/JubileesPage').then((m) => m.JubileesPage));
export const CalendarPage = lazyPage(() => import('../features/calendar/CalendarPage').then((m) => m.CalendarPage));
export const InvitationsPage = lazyPage(() => import('../features/invitations/InvitationsPage').then((m) => m.InvitationsPage));
export const SpeechesPage = lazyPage(() => import('../features/speeches/SpeechesPage').then((m) => m.SpeechesPage));
export const PatronagesPage = lazyPage(() => import('../features/patronages/PatronagesPage').then((m) => m.PatronagesPage));
export const PartnershipsPage = lazyPage(() => import('../features/partnerships/PartnershipsPage').then((m) => m.PartnershipsPage));
export const GreetingsPage = lazyPage(() => import('../features/greetings/GreetingsPage').then((m) => m.GreetingsPage));
export const VisitsPage = lazyPage(() => import('../features/visits/VisitsPage').then((m) => m.VisitsPage));
export const GiftsPage = lazyPage(() => import('../features/gifts/GiftsPage').then((m) => m.GiftsPage));
export const RequestsPage = lazyPage(() => import('../features/requests/RequestsPage').then((m) => m.RequestsPage));
export const CitizenEventsPage = lazyPage(() => import('../features/citizen-events/CitizenEventsPage').then((m) => m.CitizenEventsPage));
export const EngagementPage = lazyPage(() => import('../features/volunteering/EngagementPage').then((m) => m.EngagementPage));
export const PressPage = lazyPage(() => import('../features/press/PressPage').then((m) => m.PressPage));
export const OnlinePage = lazyPage(() => import('../features/online/OnlinePage').then((m) => m.OnlinePage));
