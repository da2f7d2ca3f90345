import { useState } from 'react';
import { Button, makeStyles, Spinner, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { uploadInPieces } from '../../components/files';
import { UploadButton } from '../../components/UploadButton';
import { useRecordDialog } from '../../components/use-dialog-state';
import { RequestDialog } from './RequestDialog';
import { RequestRegister } from './RequestRegister';
import { RequestStats } from './RequestStats';

const useStyles = makeStyles({
  top: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL} 0`, display: 'grid', gap: tokens.spacingVerticalS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  /** The statistics bring no margin of their own: the same as the register's. */
  stats: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

type View = 'register' | 'stats';

/**
 * Bürgeranliegen: ideas, suggestions, complaints and requests for help sent to the
 * Oberbürgermeister/in, tracked from receipt to the answer; and their statistics.
 */
export function RequestsPage() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>('register');
  // The open request is in the address (`#/requests/42`).
  const dialog = useRecordDialog();
  /** What the .eml import could not take over, shown with the request it made. */
  const [fromEml, setFromEml] = useState<{ id: number; warnings: string[] } | null>(null);
  // An e-mail saved from Outlook (.eml) becomes a request, opened at once to check it.
  const importEml = useMutation({
    mutationFn: async (file: File) => {
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece));
      return api('requests.importEml', { uploadId });
    },
    onSuccess: async (imported) => {
      await queryClient.invalidateQueries({ queryKey: ['requests.list'] });
      setFromEml({ id: imported.request.id, warnings: imported.warnings });
      dialog.open(imported.request.id);
    },
  });
  // A new office has no request yet: the register then says how the first one comes in.
  const any = useQuery({ queryKey: ['requests.list', 'any'], queryFn: () => api('requests.list', { limit: 1 }) });
  const empty = any.data?.total === 0;
  const add = (
    <>
      <UploadButton accept=".eml,message/rfc822" label="E-Mail importieren (.eml)" onFile={(file) => importEml.mutate(file)} />
      <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
        Anliegen erfassen …
      </Button>
    </>
  );
  return (
    <>
      <div className={styles.top}>
        <div className={styles.head}>
          <Title2 as="h1">Bürgeranliegen</Title2>
          <div className={styles.grow} />
          {importEml.isPending && <Spinner size="tiny" label="Die E-Mail wird eingelesen …" />}
          {!empty && add}
        </div>
        <ErrorMessage error={importEml.error} title="Die E-Mail wurde nicht übernommen" />
        <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label="Ansicht">
          <Tab value="register">Anliegen</Tab>
          <Tab value="stats">Statistik</Tab>
        </TabList>
      </div>
      {view === 'register' && !empty && <RequestRegister onOpen={dialog.open} />}
      {view === 'register' && empty && (
        <div className={styles.stats}>
          <EmptyState actions={add}>
            Noch keine Anliegen. Erfassen Sie ein Anliegen, das per Brief, Telefon oder E-Mail eingeht, oder übernehmen Sie eine in Outlook gespeicherte E-Mail (.eml) samt
            Anhängen.
          </EmptyState>
        </div>
      )}
      {view === 'stats' && (
        <div className={styles.stats}>
          <RequestStats />
        </div>
      )}
      {dialog.opened && (
        <RequestDialog
          key={dialog.opened.key}
          requestId={dialog.opened.target}
          warnings={fromEml && fromEml.id === dialog.opened.target ? fromEml.warnings : undefined}
          onClose={dialog.close}
        />
      )}
    </>
  );
}
