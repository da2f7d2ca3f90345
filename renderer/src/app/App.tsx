import { useRef, useState } from 'react';
import { makeStyles, tokens, Text, Tab, TabList } from '@fluentui/react-components';
import { CalendarLtrRegular, CalendarStarRegular, DocumentTextRegular, HomeRegular, MailInboxRegular, MicRegular, PeopleChatRegular, PeopleCommunityRegular, PeopleRegular, PersonFeedbackRegular, RibbonStarRegular, SettingsRegular } from '@fluentui/react-icons';
import { StartPage } from '../features/start/StartPage';
import { RunningJobs } from '../features/jobs/RunningJobs';
import type { LettersSection } from '../features/letters/LettersPage';
import type { LetterContact } from '../features/letters/LetterComposer';
import {
  CalendarPage,
  CitizenEventsPage,
  ContactsPage,
  EngagementPage,
  GiftsPage,
  GreetingsPage,
  InvitationsPage,
  JubileesPage,
  LettersPage,
  PartnershipsPage,
  PatronagesPage,
  PressPage,
  OnlinePage,
  RequestsPage,
  SettingsPage,
  SpeechesPage,
  VisitsPage,
} from './lazy-pages';
import { CalendarMailRegular, GlobeRegular } from '@fluentui/react-icons';
import { GiftRegular, PeopleTeamRegular } from '@fluentui/react-icons';

import { NewsRegular, ShareRegular } from '@fluentui/react-icons';
import { RouteScope, useNavigate, useRouteSegment } from '../components/route';
import { isPage, type Page } from './pages';

const useStyles = makeStyles({
  shell: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100%' },
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  body: { display: 'grid', gridTemplateColumns: '220px 1fr', minHeight: 0 },
  nav: {
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: { minHeight: 0, overflow: 'auto', ':focus': { outlineStyle: 'none' } },
  /** Out of sight until the Tab key reaches it: the first stop on every page. */
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: tokens.spacingVerticalM,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    transform: 'translateY(-200%)',
    ':focus': { transform: 'none' },
  },
});

export function App() {
  const styles = useStyles();
  const main = useRef<HTMLElement>(null);
  const route = useRouteSegment();
  const navigate = useNavigate();
  const page: Page = isPage(route.segment) ? route.segment : 'start';
  const setPage = (next: Page) => route.go(next);
  /** Another page sends the user to a day of the calendar ("Im Kalender zeigen"): `#/calendar/2026-11-27`. */
  const showInCalendar = (date: string) => navigate(['calendar', date]);
  /**
   * Korrespondenz at a section when another page sends the user there: "Zum Postausgang" (with one
   * letter shown: `#/letters/register/12`), "Brief schreiben" with a letter to a contact begun.
   */
  const [letterTo, setLetterTo] = useState<{ contact?: LetterContact; key: number }>({ key: 0 });
  const openLetters = (section: LettersSection, more: { contact?: LetterContact; letterId?: number } = {}) => {
    setLetterTo((current) => ({ contact: more.contact, key: current.key + 1 }));
    navigate(['letters', section, ...(more.letterId === undefined ? [] : [String(more.letterId)])]);
  };
  return (
    <div className={styles.shell}>
      <a
        href="#inhalt"
        className={styles.skip}
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Zum Inhalt springen
      </a>
      <header className={styles.header}>
        <Text weight="semibold" size={500}>
          Rathausbüro
        </Text>
        <Text size={300}>Stadt Duisburg · Amt für Kommunikation</Text>
        <RunningJobs />
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label="Bereiche">
          <TabList
            vertical
            selectedValue={page}
            onTabSelect={(_, data) => {
              setLetterTo((current) => ({ key: current.key + 1 }));
              setPage(data.value as Page);
            }}
          >
            <Tab value="start" icon={<HomeRegular />}>
              Start
            </Tab>
            <Tab value="contacts" icon={<PeopleRegular />}>
              Kontakte
            </Tab>
            <Tab value="letters" icon={<DocumentTextRegular />}>
              Korrespondenz
            </Tab>
            <Tab value="calendar" icon={<CalendarLtrRegular />}>
              Termine
            </Tab>
            <Tab value="invitations" icon={<MailInboxRegular />}>
              Einladungen
            </Tab>
            <Tab value="speeches" icon={<MicRegular />}>
              Reden
            </Tab>
            <Tab value="patronages" icon={<RibbonStarRegular />}>
              Schirmherrschaften
            </Tab>
            <Tab value="partnerships" icon={<GlobeRegular />}>
              Partnerstädte
            </Tab>
            <Tab value="greetings" icon={<CalendarMailRegular />}>
              Grußkalender
            </Tab>
            <Tab value="visits" icon={<PeopleTeamRegular />}>
              Besuche
            </Tab>
            <Tab value="gifts" icon={<GiftRegular />}>
              Geschenke
            </Tab>
            <Tab value="press" icon={<NewsRegular />}>
              Presse
            </Tab>
            <Tab value="online" icon={<ShareRegular />}>
              Online
            </Tab>
            <Tab value="requests" icon={<PersonFeedbackRegular />}>
              Bürgeranliegen
            </Tab>
            <Tab value="citizenEvents" icon={<PeopleChatRegular />}>
              Bürgergespräche
            </Tab>
            <Tab value="engagement" icon={<PeopleCommunityRegular />}>
              Engagement
            </Tab>
            <Tab value="jubilees" icon={<CalendarStarRegular />}>
              Jubiläen
            </Tab>
            <Tab value="settings" icon={<SettingsRegular />}>
              Einstellungen
            </Tab>
          </TabList>
        </nav>
        <main ref={main} id="inhalt" tabIndex={-1} className={styles.main}>
          <RouteScope segment={page}>
            {page === 'start' && <StartPage onNavigate={setPage} />}
            {page === 'contacts' && <ContactsPage onWriteLetter={(contact) => openLetters('compose', { contact })} />}
            {page === 'letters' && <LettersPage key={letterTo.key} initialContact={letterTo.contact} />}
            {page === 'calendar' && <CalendarOnDay />}
            {page === 'invitations' && <InvitationsPage onShowInCalendar={showInCalendar} />}
            {page === 'speeches' && <SpeechesPage />}
            {page === 'patronages' && <PatronagesPage />}
            {page === 'partnerships' && <PartnershipsPage />}
            {page === 'greetings' && <GreetingsPage onShowRegister={() => openLetters('register')} />}
            {page === 'visits' && <VisitsPage />}
            {page === 'gifts' && <GiftsPage />}
            {page === 'press' && <PressPage />}
            {page === 'online' && <OnlinePage />}
            {page === 'requests' && <RequestsPage />}
            {page === 'citizenEvents' && <CitizenEventsPage />}
            {page === 'engagement' && <EngagementPage />}
            {page === 'jubilees' && <JubileesPage onShowLetters={(letterId) => openLetters('register', { letterId })} />}
            {page === 'settings' && <SettingsPage />}
          </RouteScope>
        </main>
      </div>
    </div>
  );
}

/**
 * The calendar, on the day its address names (`#/calendar/2026-11-27`), else on today; the
 * appointment open in it comes after (`#/calendar/2026-11-27/appointment-12`).
 */
function CalendarOnDay() {
  const { segment } = useRouteSegment();
  const day = segment && /^\d{4}-\d{2}-\d{2}$/.test(segment) ? segment : undefined;
  const calendar = <CalendarPage key={day} initialDate={day} />;
  return day ? <RouteScope segment={day}>{calendar}</RouteScope> : calendar;
}
