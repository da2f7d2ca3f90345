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
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndoRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SpeechComparison, SpeechDetail, SpeechVersion } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from '../../components/format';
import { useFormDialogStyles } from '../../components/layout-styles';

const useStyles = makeStyles({
  comparison: {
    whiteSpace: 'pre-wrap',
    lineHeight: tokens.lineHeightBase400,
    fontSize: tokens.fontSizeBase400,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: '45vh',
    overflowY: 'auto',
  },
  added: { backgroundColor: tokens.colorPaletteGreenBackground2, textDecoration: 'none' },
  removed: { backgroundColor: tokens.colorPaletteRedBackground2, textDecoration: 'line-through' },
  muted: { color: tokens.colorNeutralForeground3 },
  legend: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  addedTag: { backgroundColor: tokens.colorPaletteGreenBackground2, padding: '0 4px', borderRadius: tokens.borderRadiusSmall },
  removedTag: { backgroundColor: tokens.colorPaletteRedBackground2, padding: '0 4px', borderRadius: tokens.borderRadiusSmall },
});

const DATE_TIME = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
/** "27.11.2026, 10:42 Uhr". */
const savedAt = (iso: string) => `${DATE_TIME.format(new Date(iso))} Uhr`;

/**
 * The versions of a speech's text: every save is one. Two are compared (added text green,
 * removed text struck through); an older one can be restored, which adds it as the newest
 * version — nothing is overwritten.
 */
export function SpeechVersionsDialog({
  speech,
  onClose,
  onRestored,
  onReload,
}: {
  /** The speech as the form loaded it: a restore goes against its revision. */
  speech: { id: number; revision: number };
  onClose: () => void;
  onRestored: (speech: SpeechDetail) => void;
  /** „Neu laden“ after a restore refused as STALE. */
  onReload: () => void;
}) {
  const layout = useFormDialogStyles();
  const speechId = speech.id;
  const versions = useQuery({ queryKey: ['speeches.versions', speechId], queryFn: () => api('speeches.versions', { id: speechId }) });

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={layout.surface} aria-label="Fassungen der Rede">
        <DialogBody>
          <DialogTitle>Fassungen vergleichen</DialogTitle>
          <DialogContent className={layout.content}>
            {versions.error ? (
              <ErrorMessage error={versions.error} />
            ) : !versions.data ? (
              <Spinner size="small" label="Die Fassungen werden geladen …" />
            ) : versions.data.length === 0 ? (
              <Text>Diese Rede hat noch keinen gespeicherten Text.</Text>
            ) : (
              <VersionsView speech={speech} versions={versions.data} onRestored={onRestored} onReload={onReload} />
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Schließen</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function VersionsView({
  speech,
  versions,
  onRestored,
  onReload,
}: {
  speech: { id: number; revision: number };
  versions: SpeechVersion[];
  onRestored: (speech: SpeechDetail) => void;
  onReload: () => void;
}) {
  const styles = useStyles();
  const speechId = speech.id;
  const queryClient = useQueryClient();
  // Newest first: compare the one before the newest with the newest.
  const [from, setFrom] = useState(versions[Math.min(1, versions.length - 1)]!.id);
  const [to, setTo] = useState(versions[0]!.id);
  const [confirmRestore, setConfirmRestore] = useState<SpeechVersion | null>(null);
  const comparison = useQuery({
    queryKey: ['speeches.compare', from, to],
    queryFn: () => api('speeches.compare', { from, to }),
    enabled: from !== to,
  });
  const restore = useMutation({
    mutationFn: (version: SpeechVersion) => api('speeches.restore', { versionId: version.id, revision: speech.revision }),
    onSuccess: async (speech) => {
      setConfirmRestore(null);
      queryClient.setQueryData(['speeches.get', speech.id], speech);
      await queryClient.invalidateQueries({ queryKey: ['speeches.versions', speechId] });
      await queryClient.invalidateQueries({ queryKey: ['speeches.list'] });
      onRestored(speech);
    },
  });

  return (
    <>
      <Table size="small" aria-label="Fassungen">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Fassung</TableHeaderCell>
            <TableHeaderCell>Gespeichert</TableHeaderCell>
            <TableHeaderCell>Umfang</TableHeaderCell>
            <TableHeaderCell>Vergleich von</TableHeaderCell>
            <TableHeaderCell>mit</TableHeaderCell>
            <TableHeaderCell aria-label="Aktionen" />
          </TableRow>
        </TableHeader>
        <TableBody>
          {versions.map((v, index) => (
            <TableRow key={v.id}>
              <TableCell>
                Fassung {v.number}
                {index === 0 && <span className={styles.muted}> (aktuell)</span>}
                {v.note && (
                  <>
                    <br />
                    <span className={styles.muted}>{v.note}</span>
                  </>
                )}
              </TableCell>
              <TableCell>
                {savedAt(v.savedAt)}
                {v.savedBy && <span className={styles.muted}> · {v.savedBy}</span>}
              </TableCell>
              <TableCell>{count(v.words, 'Wort', 'Wörter')}</TableCell>
              <TableCell>
                <Radio name="compare-from" checked={from === v.id} onChange={() => setFrom(v.id)} aria-label={`Vergleich von Fassung ${v.number}`} />
              </TableCell>
              <TableCell>
                <Radio name="compare-to" checked={to === v.id} onChange={() => setTo(v.id)} aria-label={`Vergleich mit Fassung ${v.number}`} />
              </TableCell>
              <TableCell>
                {index > 0 && (
                  <Button size="small" icon={<ArrowUndoRegular />} onClick={() => setConfirmRestore(v)}>
                    Wiederherstellen
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {confirmRestore && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            Fassung {confirmRestore.number} wird als neue, aktuelle Fassung gespeichert. Die bisherigen Fassungen bleiben erhalten.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => restore.mutate(confirmRestore)} disabled={restore.isPending}>
              Fassung {confirmRestore.number} wiederherstellen
            </Button>
            <Button onClick={() => setConfirmRestore(null)}>Abbrechen</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <ErrorMessage error={restore.error} title="Nicht wiederhergestellt" onReload={onReload} />
      {from === to ? (
        <Text className={styles.muted}>Bitte zwei verschiedene Fassungen zum Vergleich wählen.</Text>
      ) : comparison.error ? (
        <ErrorMessage error={comparison.error} />
      ) : !comparison.data ? (
        <Spinner size="tiny" label="Wird verglichen …" />
      ) : (
        <ComparisonView comparison={comparison.data} />
      )}
    </>
  );
}

function ComparisonView({ comparison }: { comparison: SpeechComparison }) {
  const styles = useStyles();
  const unchanged = comparison.changes.every((c) => c.kind === 'same');
  return (
    <>
      <div className={styles.legend} role="status">
        <Text weight="semibold">
          Fassung {comparison.from.number} → Fassung {comparison.to.number}:
        </Text>
        {unchanged ? (
          <Text>keine Unterschiede</Text>
        ) : (
          <>
            <span className={styles.addedTag}>{count(comparison.addedWords, 'Wort', 'Wörter')} hinzugefügt</span>
            <span className={styles.removedTag}>{count(comparison.removedWords, 'Wort', 'Wörter')} entfernt</span>
          </>
        )}
      </div>
      <div className={styles.comparison} aria-label="Unterschiede" tabIndex={0}>
        {comparison.changes.map((change, index) =>
          change.kind === 'added' ? (
            <ins key={index} className={styles.added}>
              {change.text}
            </ins>
          ) : change.kind === 'removed' ? (
            <del key={index} className={styles.removed}>
              {change.text}
            </del>
          ) : (
            <span key={index}>{change.text}</span>
          ),
        )}
      </div>
    </>
  );
}
