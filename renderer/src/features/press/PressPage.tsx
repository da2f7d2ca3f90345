import { useState } from 'react';
import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { ReleaseRegister } from './ReleaseRegister';
import { MediaContactsTab } from './MediaContactsTab';
import { EnquiriesTab } from './EnquiriesTab';
import { PressAppointmentsTab } from './PressAppointmentsTab';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} 0`, display: 'grid', gap: tokens.spacingVerticalS },
});

type View = 'releases' | 'media' | 'appointments' | 'enquiries';

/**
 * The press office: press releases (register, approval, embargo, exports), media contacts and
 * distribution lists, the media invited to upcoming appointments, and press enquiries.
 */
export function PressPage() {
  const styles = useStyles();
  const [view, setView] = useState<View>('releases');
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
      {view === 'releases' && <ReleaseRegister />}
      {view === 'media' && <MediaContactsTab />}
      {view === 'appointments' && <PressAppointmentsTab />}
      {view === 'enquiries' && <EnquiriesTab />}
    </>
  );
}
