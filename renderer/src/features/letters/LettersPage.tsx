import { useState } from 'react';
import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { LetterComposer, type LetterContact } from './LetterComposer';
import { LetterRegister } from './LetterRegister';
import { MergePanel } from './MergePanel';
import { TemplatesPanel } from './TemplatesPanel';
import { TextBlocksPanel } from './TextBlocksPanel';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
});

export type LettersSection = 'compose' | 'merge' | 'register' | 'templates' | 'blocks';

/**
 * Correspondence: compose, mail merge, the outgoing-letters register, templates, text blocks.
 * Other pages open it at a section ("Zum Postausgang", with `register.letterId` shown) or with a
 * letter to a contact begun.
 */
export function LettersPage({
  initialSection = 'compose',
  initialContact,
  register,
}: {
  initialSection?: LettersSection;
  initialContact?: LetterContact;
  register?: { letterId?: number };
}) {
  const styles = useStyles();
  const [section, setSection] = useState<LettersSection>(register ? 'register' : initialSection);
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
      {section === 'compose' && <LetterComposer onShowRegister={() => setSection('register')} initialContact={initialContact} />}
      {section === 'merge' && <MergePanel onShowRegister={() => setSection('register')} />}
      {section === 'register' && <LetterRegister initialSelectedId={register?.letterId} />}
      {section === 'templates' && <TemplatesPanel />}
      {section === 'blocks' && <TextBlocksPanel />}
    </div>
  );
}
