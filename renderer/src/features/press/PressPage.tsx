import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { RouteScope, useRouteTab } from '../../components/route';
import { ReleaseRegister } from './ReleaseRegister';
import { MediaContactsTab } from './MediaContactsTab';
import { EnquiriesTab } from './EnquiriesTab';
import { PressAppointmentsTab } from './PressAppointmentsTab';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} 0`, display: 'grid', gap: tokens.spacingVerticalS },
});

const VIEWS = ['releases', 'media', 'appointments', 'enquiries'] as const;
type View = (typeof VIEWS)[number];

/**
 * The press office: press releases (register, approval, embargo, exports), media contacts and
 * distribution lists, the media invited to upcoming appointments, and press enquiries.
 */
export function PressPage() {
  const styles = useStyles();
  // The tab is part of the address (`#/press/enquiries/12`), the record open in it, too.
  const [view, setView] = useRouteTab(VIEWS);
  return (
    <>
      <div className={styles.page}>
        <Title2 as="h1">Presse</Title2>
        <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label="Bereich der Pressestelle">
          <Tab value="releases">Pressemitteilungen</Tab>
          <Tab value="media">Medienkontakte</Tab>
          <Tab value="appointments">Pressetermine</Tab>
          <Tab value="enquiries">Presseanfragen</Tab>
        </TabList>
      </div>
      <RouteScope segment={view}>
        {view === 'releases' && <ReleaseRegister />}
        {view === 'media' && <MediaContactsTab />}
        {view === 'appointments' && <PressAppointmentsTab />}
        {view === 'enquiries' && <EnquiriesTab />}
      </RouteScope>
    </>
  );
}
