import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { TEMPLATE_KIND_LABELS, type TemplateInfo } from '../../../../core/api';
import { api, isDesktop } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64, fileToBase64 } from '../../components/files';
import { UploadButton } from '../../components/UploadButton';

const useStyles = makeStyles({
  page: { display: 'grid', gap: tokens.spacingVerticalL },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  code: { fontFamily: 'Consolas, monospace', fontSize: tokens.fontSizeBase200 },
  muted: { color: tokens.colorNeutralForeground3 },
});

const EDITING_INTENT = { watching: 'info', saved: 'success', refused: 'warning' } as const;

/** The Word templates: which one is in use, its placeholders, and how staff edit them in Word. */
export function TemplatesPanel() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const templates = useQuery({ queryKey: ['templates.list'], queryFn: () => api('templates.list', {}) });
  const vocabulary = useQuery({ queryKey: ['templates.vocabulary'], queryFn: () => api('templates.vocabulary', {}) });
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['templates.list'] });

  const copy = useMutation({
    mutationFn: (t: TemplateInfo) => api('templates.copyForEditing', { id: t.id }),
    onSuccess: async (result) => {
      setNotice(
        result.opened
          ? `Die Vorlage wurde in Word geöffnet: ${result.file}. Nach dem Speichern verwendet Rathausbüro sie automatisch.`
          : `Die eigene Fassung liegt unter ${result.file}. Dort in Word bearbeiten und speichern – oder herunterladen, bearbeiten und mit „Eigene Fassung hochladen“ zurückgeben.`,
      );
      await refresh();
    },
  });
  const upload = useMutation({
    mutationFn: async ({ t, file }: { t: TemplateInfo; file: File }) =>
      api('templates.import', { id: t.id, fileName: file.name, contentBase64: await fileToBase64(file) }),
    onSuccess: async (info) => {
      setNotice(`„${info.name}“: Ihre Fassung wurde geprüft und wird ab sofort verwendet.`);
      await refresh();
    },
  });
  const reset = useMutation({
    mutationFn: (t: TemplateInfo) => api('templates.resetToShipped', { id: t.id }),
    onSuccess: async (info) => {
      setNotice(`„${info.name}“: Es gilt wieder die mitgelieferte Vorlage.`);
      await refresh();
    },
  });
  const download = useMutation({
    mutationFn: async (t: TemplateInfo) => {
      const file = await api('templates.file', { id: t.id });
      downloadBase64(file.fileName, file.contentBase64);
    },
  });

  return (
    <div className={styles.page}>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorMessage error={copy.error ?? upload.error ?? reset.error ?? download.error} title="Vorlage" />
      <div className={styles.grid}>
        {templates.data?.map((t) => (
          <Card key={t.id} aria-label={`Vorlage ${t.name}`}>
            <Text weight="semibold">
              {t.name}{' '}
              <Badge appearance="tint" color={t.source === 'user' ? 'brand' : 'informative'}>
                {t.source === 'user' ? 'eigene Fassung' : 'mitgeliefert'}
              </Badge>
            </Text>
            <Text className={styles.muted}>
              {TEMPLATE_KIND_LABELS[t.kind]} · {t.language.toUpperCase()} · {t.description}
            </Text>
            {t.problems.length > 0 && (
              <MessageBar intent="warning">
                <MessageBarBody>{t.problems.join(' ')}</MessageBarBody>
              </MessageBar>
            )}
            {t.editing && (
              // Office mode: this PC's working copy in Word and what became of its last save.
              <MessageBar intent={EDITING_INTENT[t.editing.state]} role={t.editing.state === 'refused' ? 'alert' : 'status'}>
                <MessageBarBody>{t.editing.message}</MessageBarBody>
              </MessageBar>
            )}
            <Text className={styles.code}>{t.placeholders.map((p) => `{{${p}}}`).join(' ')}</Text>
            <div className={styles.actions}>
              <Button size="small" onClick={() => copy.mutate(t)}>
                {isDesktop() ? 'In Word bearbeiten' : 'Eigene Fassung anlegen'}
              </Button>
              <Button size="small" onClick={() => download.mutate(t)}>
                Herunterladen
              </Button>
              <UploadButton size="small" accept=".docx" label="Eigene Fassung hochladen" onFile={(file) => upload.mutate({ t, file })} />
              {t.userFile && (
                <Button size="small" appearance="subtle" onClick={() => reset.mutate(t)}>
                  Mitgelieferte Fassung verwenden
                </Button>
              )}
            </div>
          </Card>
        ))}
      </div>
      <Text weight="semibold">Platzhalter für eigene Vorlagen</Text>
      <Table size="small" aria-label="Platzhalter">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Platzhalter</TableHeaderCell>
            <TableHeaderCell>Bedeutung</TableHeaderCell>
            <TableHeaderCell>Beispiel</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {vocabulary.data?.map((p) => (
            <TableRow key={p.name}>
              <TableCell className={styles.code}>{`{{${p.name}}}`}</TableCell>
              <TableCell>
                {p.label}
                {p.scope === 'office' ? ' (auch in Kopf- und Fußzeile)' : ''}
              </TableCell>
              <TableCell className={styles.muted}>{p.example.replace(/\n/g, ' / ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
