import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  SearchBox,
  Spinner,
  Text,
  tokens,
  ToolbarButton,
} from '@fluentui/react-components';
import { TextAddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { paragraphsToBlocks, type TextBlock } from '../../../../../core/api';
import { api } from '../../../api/client';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { fillPlaceholders, placeholderList } from './placeholders';

const useStyles = makeStyles({
  surface: { width: '92vw', maxWidth: '720px' },
  content: { display: 'grid', gap: tokens.spacingVerticalM, gridAutoRows: 'max-content' },
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS, maxHeight: '55vh', overflowY: 'auto' },
  block: {
    display: 'grid',
    justifyItems: 'start',
    gap: '2px',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontWeight: tokens.fontWeightRegular,
  },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  preview: { color: tokens.colorNeutralForeground2, display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
});

const matches = (block: TextBlock, query: string) => {
  const q = query.trim().toLocaleLowerCase('de');
  return !q || `${block.title} ${block.category}`.toLocaleLowerCase('de').includes(q);
};

/**
 * „Textbaustein einfügen“: a toolbar button opening the list of text blocks (search by title or
 * category). The chosen block goes in at the cursor as paragraphs, with the placeholders the
 * speech knows filled in; `onInserted` gets the names of those left open.
 */
export function TextBlockPicker({
  editor,
  placeholderValues,
  onInserted,
}: {
  editor: Editor;
  placeholderValues: Readonly<Record<string, string>>;
  onInserted: (missing: string[]) => void;
}) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const blocks = useQuery({ queryKey: ['textBlocks.list'], queryFn: () => api('textBlocks.list', {}), enabled: open });
  const shown = (blocks.data ?? []).filter((b) => matches(b, query)).sort((a, b) => a.category.localeCompare(b.category, 'de') || a.title.localeCompare(b.title, 'de'));
  const known = Object.entries(placeholderValues).filter(([, value]) => value.trim());

  const insert = (block: TextBlock) => {
    const { text, missing } = fillPlaceholders(block.text, placeholderValues);
    const content = paragraphsToBlocks(text);
    if (content.length) editor.chain().focus().insertContent(content).run();
    setOpen(false);
    onInserted(missing);
  };

  return (
    <>
      <ToolbarButton icon={<TextAddRegular />} onClick={() => (setQuery(''), setOpen(true))}>
        Textbaustein einfügen
      </ToolbarButton>
      <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogSurface className={styles.surface} aria-label="Textbaustein einfügen">
          <DialogBody>
            <DialogTitle>Textbaustein einfügen</DialogTitle>
            <DialogContent className={styles.content}>
              <SearchBox
                placeholder="Titel oder Kategorie …"
                aria-label="Textbausteine durchsuchen"
                value={query}
                onChange={(_, data) => setQuery(data.value)}
                onKeyDown={(e) => e.key === 'Enter' && shown.length === 1 && insert(shown[0]!)}
              />
              <Text className={styles.muted}>
                Der Baustein wird an der Schreibmarke eingefügt.{' '}
                {known.length
                  ? `Ausgefüllt werden ${placeholderList(known.map(([name]) => name))}; andere Platzhalter bleiben stehen.`
                  : 'Platzhalter bleiben stehen, bis Sie sie ausfüllen.'}
              </Text>
              <ErrorMessage error={blocks.error} title="Die Textbausteine lassen sich nicht laden" />
              {blocks.isPending && <Spinner size="small" label="Textbausteine werden geladen …" />}
              {blocks.data && (
                <ul className={styles.list} aria-label="Textbausteine">
                  {shown.map((b) => (
                    <li key={b.id}>
                      <Button appearance="subtle" className={styles.block} onClick={() => insert(b)} aria-label={`${b.title}${b.category ? ` (${b.category})` : ''} einfügen`}>
                        <Text weight="semibold">{b.title}</Text>
                        {b.category && <span className={styles.muted}>{b.category}</span>}
                        <span className={styles.preview}>{b.text}</span>
                      </Button>
                    </li>
                  ))}
                  {shown.length === 0 && <Text>{blocks.data.length ? 'Kein Textbaustein passt zur Suche.' : 'Noch keine Textbausteine (Korrespondenz → Textbausteine).'}</Text>}
                </ul>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setOpen(false)}>Abbrechen</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
