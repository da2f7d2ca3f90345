import { useEffect, useState } from 'react';
import { Badge, Button, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SPEECH_KIND_LABELS, SPEECH_STATUS_LABELS, type Snippet } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { openOnEnter } from '../../components/RegisterRow';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gap: '2px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  open: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  hit: { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit', fontWeight: tokens.fontWeightSemibold },
});

/** The text around a hit, matched words marked. */
function SnippetText({ snippet }: { snippet: Snippet }) {
  const styles = useStyles();
  return (
    <Text>
      {snippet.map((part, index) =>
        part.hit ? (
          <mark key={index} className={styles.hit}>
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </Text>
  );
}

/** Waits until typing pauses before the value is used (a query per keystroke is wasted work). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** Full-text hits in all speeches and text blocks: "what did we say at the last harbour festival?" */
export function SpeechSearchResults({ text, onOpen }: { text: string; onOpen: (speechId: number) => void }) {
  const styles = useStyles();
  const settled = useSettled(text.trim(), 250);
  const [copied, setCopied] = useState<number | null>(null);
  const result = useQuery({
    queryKey: ['speeches.search', settled],
    queryFn: () => api('speeches.search', { text: settled, limit: 50 }),
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
  });
  const blocks = useQuery({ queryKey: ['textBlocks.list'], queryFn: () => api('textBlocks.list', {}) });
  const copy = async (id: number) => {
    const block = blocks.data?.find((b) => b.id === id);
    if (!block) return;
    try {
      await navigator.clipboard.writeText(block.text);
      setCopied(id);
    } catch {
      // No clipboard (permissions, insecure context): the text can be opened in the settings.
    }
  };

  if (result.error) return <ErrorMessage error={result.error} title="Die Suche ist fehlgeschlagen" />;
  if (!result.data) return <Spinner size="small" label="Es wird gesucht …" />;
  const { speeches, textBlocks } = result.data;
  return (
    <section aria-label="Suchergebnisse">
      <Text className={styles.muted} role="status">
        {count(speeches.length, 'Rede', 'Reden')} und {count(textBlocks.length, 'Textbaustein', 'Textbausteine')} gefunden
        {result.isFetching && ' …'}
      </Text>
      {speeches.length > 0 && (
        <>
          <Subtitle2 as="h2">Reden</Subtitle2>
          <ul className={styles.list} aria-label="Gefundene Reden">
            {speeches.map((s) => (
              <li
                key={s.id}
                className={`${styles.item} ${styles.open}`}
                tabIndex={0}
                onClick={() => onOpen(s.id)}
                onKeyDown={openOnEnter(() => onOpen(s.id))}
              >
                <div className={styles.head}>
                  <Text weight="semibold">{s.title}</Text>
                  <Badge appearance="outline">{SPEECH_KIND_LABELS[s.kind]}</Badge>
                  <Badge appearance="tint">{SPEECH_STATUS_LABELS[s.status]}</Badge>
                </div>
                <span className={styles.muted}>{[s.date ? germanDate(s.date) : null, s.speaker, s.audience || null].filter(Boolean).join(' · ')}</span>
                <SnippetText snippet={s.snippet} />
              </li>
            ))}
          </ul>
        </>
      )}
      {textBlocks.length > 0 && (
        <>
          <Subtitle2 as="h2">Textbausteine</Subtitle2>
          <ul className={styles.list} aria-label="Gefundene Textbausteine">
            {textBlocks.map((b) => (
              <li key={b.id} className={styles.item}>
                <div className={styles.head}>
                  <Text weight="semibold">{b.title}</Text>
                  {b.category && <Badge appearance="outline">{b.category}</Badge>}
                  <Button size="small" appearance="subtle" icon={<CopyRegular />} onClick={() => void copy(b.id)}>
                    {copied === b.id ? 'Kopiert' : 'Text kopieren'}
                  </Button>
                </div>
                <SnippetText snippet={b.snippet} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
