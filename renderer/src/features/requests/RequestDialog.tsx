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
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REQUEST_KIND_LABELS, type CitizenRequest } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';
import { ErrorMessage } from '../../components/ErrorMessage';
import { fetchFresh, useLoadedRecord } from '../../components/use-loaded-record';
import { CitizenPrivacyActions } from './CitizenPrivacyActions';
import { RelatedRequests } from './RelatedRequests';
import { RequestAccessLog } from './RequestAccessLog';
import { RequestForm } from './RequestForm';
import type { RequestFormValues } from './request-form-values';
import { RequestWorkflow } from './RequestWorkflow';

const useStyles = makeStyles({
  surface: { width: '96vw', maxWidth: '1360px' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1.15fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr)', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * One request: what it is about and who sent it (left), where it stands and what to do next
 * (right): the workflow with its letters and e-mail texts, the history, related requests.
 */
export function RequestDialog({
  requestId,
  warnings,
  initial,
  onClose,
}: {
  requestId: number | null;
  warnings?: string[];
  /** A new request's values given beforehand (the event where the concern was raised). */
  initial?: Partial<RequestFormValues>;
  onClose: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const queryClient = useQueryClient();
  const [id, setId] = useState(requestId);
  const [notice, setNotice] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const request = useQuery({ queryKey: ['requests.get', id], queryFn: () => api('requests.get', { id: id! }), enabled: id !== null });
  // The request as loaded: every change sends its revision back; another PC's change replaces it only while the form holds no unsaved input.
  const [data, take] = useLoadedRecord(request.data ?? null, dirty);
  /** Counts „Neu laden“: the form, the steps and the lists start again from the request as stored now. */
  const [reloads, setReloads] = useState(0);

  const stored = async (saved: CitizenRequest) => {
    queryClient.setQueryData(['requests.get', saved.id], saved);
    take(saved);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['requests.list'] }),
      queryClient.invalidateQueries({ queryKey: ['requests.history', saved.id] }),
      queryClient.invalidateQueries({ queryKey: ['requests.related', saved.id] }),
      queryClient.invalidateQueries({ queryKey: ['requests.stats'] }),
    ]);
  };
  const openOther = (otherId: number) => {
    setNotice(null);
    setDirty(false);
    setId(otherId);
  };
  /** „Neu laden“ after STALE: the request as it is stored now replaces the user's input. */
  const reload = async () => {
    if (id === null) return;
    const fresh = await fetchFresh(queryClient, 'requests.get', id);
    setDirty(false);
    take(fresh);
    setReloads((n) => n + 1);
  };
  const reloadNow = () => void reload();

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={mergeClasses(layout.surface, styles.surface)} aria-label="Anliegen">
        <DialogBody>
          <DialogTitle>{data ? `${REQUEST_KIND_LABELS[data.kind]} Nr. ${data.id}: ${data.subject}` : 'Anliegen erfassen'}</DialogTitle>
          <DialogContent className={layout.content}>
            {warnings && warnings.length > 0 && id === requestId && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>Aus der E-Mail übernommen – bitte prüfen</MessageBarTitle>
                  <ul className={styles.list}>
                    {warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            {id !== null && !data ? (
              request.error ? (
                <ErrorMessage error={request.error} />
              ) : (
                <Spinner size="small" label="Das Anliegen wird geladen …" />
              )
            ) : (
              <div className={styles.columns}>
                <section className={styles.column} aria-label="Anliegen und Person">
                  <RequestForm
                    key={`${id ?? 'new'}-${reloads}`}
                    request={data}
                    initial={initial}
                    onDirtyChange={setDirty}
                    onReload={reloadNow}
                    onSaved={async (saved) => {
                      await stored(saved);
                      setNotice(id === null ? `Anliegen Nr. ${saved.id} gespeichert. Nun lässt es sich bearbeiten.` : 'Anliegen gespeichert.');
                      setId(saved.id);
                    }}
                  />
                  {notice && (
                    <MessageBar intent="success" role="status">
                      <MessageBarBody>{notice}</MessageBarBody>
                    </MessageBar>
                  )}
                  {data && (
                    <AttachmentList
                      key={`attachments-${reloads}`}
                      attachments={data.attachments}
                      emptyText="Noch keine Anhänge (etwa der eingescannte Brief oder Fotos)."
                      download={(attachmentId) => api('requests.attachment', { id: data.id, attachmentId })}
                      attach={async (uploadId) => stored(await api('requests.attach', { id: data.id, revision: data.revision, uploadId }))}
                      detach={async (attachmentId) => stored(await api('requests.detach', { id: data.id, revision: data.revision, attachmentId }))}
                      onReload={reloadNow}
                    />
                  )}
                  {data && (
                    <section className={styles.column} aria-label="Datenschutz">
                      <Subtitle2 as="h3" className={layout.section}>
                        Datenschutz
                      </Subtitle2>
                      {data.citizen && (
                        <CitizenPrivacyActions
                          citizenId={data.citizen.id}
                          surname={data.citizen.surname}
                          onErased={() => setNotice('Die Daten der Person wurden gelöscht; das Anliegen bleibt anonymisiert für die Statistik.')}
                        />
                      )}
                      <RequestAccessLog requestId={data.id} />
                    </section>
                  )}
                </section>
                {data ? (
                  <section className={styles.column} aria-label="Bearbeitung">
                    <RequestWorkflow key={`workflow-${data.id}-${reloads}`} request={data} unsaved={dirty} onChanged={stored} onReload={reloadNow} />
                    <RelatedRequests key={`related-${data.id}-${reloads}`} request={data} onChanged={stored} onOpen={openOther} onReload={reloadNow} />
                  </section>
                ) : (
                  <MessageBar intent="info" layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>Bearbeitung</MessageBarTitle>
                      Nach dem Speichern lässt sich der Eingang bestätigen, das Anliegen an einen Fachbereich weiterleiten und beantworten.
                    </MessageBarBody>
                  </MessageBar>
                )}
              </div>
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
