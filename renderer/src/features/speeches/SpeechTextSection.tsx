import { Button, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { DocumentRegular, HistoryRegular } from '@fluentui/react-icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Editor } from '@tiptap/react';
import { DEFAULT_WORDS_PER_MINUTE, type SpeechDetail } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { useFormDialogStyles } from '../../components/layout-styles';
import { SpeechEditor } from './editor/SpeechEditor';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0 },
  editor: { flex: '1 1 auto' },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

type DocumentFormat = 'manuskript' | 'festschrift';

/**
 * The text of a speech: editor with toolbar and speaking time, the versions, and the Word files
 * (manuscript, Grußwort for a programme booklet) of the last saved version.
 */
export function SpeechTextSection({
  editor,
  speech,
  textDirty,
  targetMinutes,
  placeholderValues,
  onShowVersions,
}: {
  editor: Editor;
  speech: SpeechDetail | null;
  textDirty: boolean;
  targetMinutes: number | null;
  placeholderValues: Readonly<Record<string, string>>;
  onShowVersions: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const settings = useQuery({ queryKey: ['speeches.settings'], queryFn: () => api('speeches.settings', {}) });
  const download = useMutation({
    mutationFn: async (format: DocumentFormat) => {
      const file = await api('speeches.document', { id: speech!.id, format });
      downloadBase64(file.fileName, file.contentBase64);
      return file.warnings;
    },
  });
  const saved = speech !== null;

  return (
    <section className={styles.section} aria-label="Text">
      <div className={mergeClasses(styles.head, layout.section)}>
        <Subtitle2 as="h3">Text</Subtitle2>
        <Text className={styles.muted}>
          {speech?.version ? `Fassung ${speech.version}` : 'noch nicht gespeichert'}
          {textDirty && ' · ungespeicherte Änderungen'}
        </Text>
        <div className={styles.grow} />
        <Button size="small" appearance="subtle" icon={<HistoryRegular />} onClick={onShowVersions} disabled={!speech?.version}>
          Fassungen
        </Button>
        <Button size="small" icon={<DocumentRegular />} onClick={() => download.mutate('manuskript')} disabled={!saved || download.isPending}>
          Manuskript (Word)
        </Button>
        <Button size="small" icon={<DocumentRegular />} onClick={() => download.mutate('festschrift')} disabled={!saved || download.isPending}>
          Grußwort für Festschrift (Word)
        </Button>
      </div>
      {saved && textDirty && <Text className={styles.muted}>Die Word-Dateien enthalten den zuletzt gespeicherten Text.</Text>}
      <ErrorMessage error={download.error} title="Word-Datei nicht erstellt" />
      {download.data && download.data.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Word-Datei erstellt, bitte prüfen</MessageBarTitle>
            {download.data.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <SpeechEditor
        className={styles.editor}
        editor={editor}
        targetMinutes={targetMinutes}
        wordsPerMinute={settings.data?.wordsPerMinute ?? DEFAULT_WORDS_PER_MINUTE}
        placeholderValues={placeholderValues}
      />
    </section>
  );
}
