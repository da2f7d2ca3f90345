import { makeStyles, mergeClasses, Text, Title2, tokens } from '@fluentui/react-components';
import { addressOf, useRouteTab } from '../../components/route';
import { BackupSection } from './BackupSection';
import { CalendarSection } from './CalendarSection';
import { CarpoolSection } from './CarpoolSection';
import { DepartmentsSection } from './DepartmentsSection';
import { HonourRulesSection } from './HonourRulesSection';
import { LetterheadSection } from './LetterheadSection';
import { OnlineChannelsSection } from './OnlineChannelsSection';
import { PrivacySection } from './PrivacySection';
import { SignersSection } from './SignersSection';
import { SpeechesSection } from './SpeechesSection';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalL },
  columns: { display: 'grid', gridTemplateColumns: '240px minmax(0, 1000px)', gap: tokens.spacingHorizontalXXL, alignItems: 'start' },
  nav: { position: 'sticky', top: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'grid', gap: '2px' },
  link: {
    display: 'grid',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: '3px solid transparent',
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground1Selected },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  section: { display: 'grid', gap: tokens.spacingVerticalL },
});

/** The sections of the settings, each with its own address (`#/settings/departments`). */
const SECTIONS = [
  { id: 'letterhead', label: 'Briefkopf', hint: 'Absender, Fußzeile, Ansprechpartner/innen', Section: LetterheadSection },
  { id: 'signers', label: 'Unterzeichnende', hint: 'Wer Briefe unterschreibt', Section: SignersSection },
  { id: 'honours', label: 'Ehrungsordnung', hint: 'Jubiläen: wem die Stadt gratuliert', Section: HonourRulesSection },
  { id: 'calendar', label: 'Kalender', hint: 'Kalender der Unterzeichnenden, Farben, Wegezeit', Section: CalendarSection },
  { id: 'carpool', label: 'Fahrbereitschaft', hint: 'Fahrer/innen, Fahrzeuge, Abwesenheiten', Section: CarpoolSection },
  { id: 'speeches', label: 'Reden', hint: 'Redetempo', Section: SpeechesSection },
  { id: 'online', label: 'Online-Kanäle', hint: 'Zeichengrenzen, Hashtags, Links je Kanal', Section: OnlineChannelsSection },
  { id: 'departments', label: 'Fachbereiche', hint: 'Empfänger weitergeleiteter Bürgeranliegen', Section: DepartmentsSection },
  { id: 'privacy', label: 'Datenschutz', hint: 'Aufbewahrung personenbezogener Daten', Section: PrivacySection },
  { id: 'backup', label: 'Datensicherung', hint: 'Wo die Daten liegen, jetzt sichern', Section: BackupSection },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];
const SECTION_IDS = SECTIONS.map((s) => s.id);

/** Letterhead, signers, honour rules, calendars, car pool, speeches, online channels, departments, privacy, backup: settings, not code – one section at a time. */
export function SettingsPage() {
  const styles = useStyles();
  const [shown] = useRouteTab<SectionId>(SECTION_IDS);
  const { Section } = SECTIONS.find((s) => s.id === shown)!;
  return (
    <div className={styles.page}>
      <Title2 as="h1">Einstellungen</Title2>
      <div className={styles.columns}>
        <nav className={styles.nav} aria-label="Bereiche der Einstellungen">
          <ul className={styles.list}>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a
                  href={addressOf(['settings', s.id])}
                  className={mergeClasses(styles.link, s.id === shown && styles.current)}
                  aria-current={s.id === shown ? 'page' : undefined}
                  aria-describedby={`settings-hint-${s.id}`}
                >
                  <Text weight={s.id === shown ? 'semibold' : 'regular'}>{s.label}</Text>
                  <span id={`settings-hint-${s.id}`} className={styles.hint} aria-hidden>
                    {s.hint}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.section}>
          <Section />
        </div>
      </div>
    </div>
  );
}
