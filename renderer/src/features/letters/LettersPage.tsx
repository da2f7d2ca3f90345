import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { RouteScope, useRouteTab } from '../../components/route';
import { LetterComposer, type LetterContact } from './LetterComposer';
import { LetterRegister } from './LetterRegister';
import { MergePanel } from './MergePanel';
import { TemplatesPanel } from './TemplatesPanel';
import { TextBlocksPanel } from './TextBlocksPanel';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
});

export const LETTERS_SECTIONS = ['compose', 'merge', 'register', 'templates', 'blocks'] as const;
export type LettersSection = (typeof LETTERS_SECTIONS)[number];

/**
 * Correspondence: compose, mail merge, the outgoing-letters register, templates, text blocks.
 * The section is part of the address (`#/letters/register/12`: the Postausgang with letter 12
 * shown); another page may open it with a letter to a contact begun.
 */
export function LettersPage({ initialContact }: { initialContact?: LetterContact }) {
  const styles = useStyles();
  const [section, setSection] = useRouteTab(LETTERS_SECTIONS);
  return (
    <div className={styles.page}>
      <Title2 as="h1">Korrespondenz</Title2>
      <TabList selectedValue={section} onTabSelect={(_, d) => setSection(d.value as LettersSection)} aria-label="Korrespondenz">
        <Tab value="compose">Brief schreiben</Tab>
        <Tab value="merge">Serienbrief</Tab>
        <Tab value="register">Postausgang</Tab>
        <Tab value="templates">Vorlagen</Tab>
        <Tab value="blocks">Textbausteine</Tab>
      </TabList>
      <RouteScope segment={section}>
        {section === 'compose' && <LetterComposer onShowRegister={() => setSection('register')} initialContact={initialContact} />}
        {section === 'merge' && <MergePanel onShowRegister={() => setSection('register')} />}
        {section === 'register' && <LetterRegister onWrite={setSection} />}
        {section === 'templates' && <TemplatesPanel />}
        {section === 'blocks' && <TextBlocksPanel />}
      </RouteScope>
    </div>
  );
}
