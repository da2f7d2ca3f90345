import { useState } from 'react';
import { makeStyles, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { LetterComposer } from './LetterComposer';
import { LetterRegister } from './LetterRegister';
import { MergePanel } from './MergePanel';
import { TemplatesPanel } from './TemplatesPanel';
import { TextBlocksPanel } from './TextBlocksPanel';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
});

type Section = 'compose' | 'merge' | 'register' | 'templates' | 'blocks';

/**
 * Correspondence: compose, mail merge, the outgoing-letters register, templates, text blocks.
 * `register`: open on the Postausgang (with one letter shown), as when another page sends the user there.
 */
export function LettersPage({ register }: { register?: { letterId?: number } }) {
  const styles = useStyles();
  const [section, setSection] = useState<Section>(register ? 'register' : 'compose');
  return (
    <div className={styles.page}>
      <Title2 as="h1">Korrespondenz</Title2>
      <TabList selectedValue={section} onTabSelect={(_, d) => setSection(d.value as Section)} aria-label="Korrespondenz">
        <Tab value="compose">Brief schreiben</Tab>
        <Tab value="merge">Serienbrief</Tab>
        <Tab value="register">Postausgang</Tab>
        <Tab value="templates">Vorlagen</Tab>
        <Tab value="blocks">Textbausteine</Tab>
      </TabList>
      {section === 'compose' && <LetterComposer onShowRegister={() => setSection('register')} />}
      {section === 'merge' && <MergePanel onShowRegister={() => setSection('register')} />}
      {section === 'register' && <LetterRegister initialSelectedId={register?.letterId} />}
      {section === 'templates' && <TemplatesPanel />}
      {section === 'blocks' && <TextBlocksPanel />}
    </div>
  );
}
