import { useState } from 'react';
import { Button, makeStyles, Spinner, Tab, TabList, Title2, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { uploadInPieces } from '../../components/files';
import { UploadButton } from '../../components/UploadButton';
import { useDialogState } from '../../components/use-dialog-state';
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

/** The request the dialog shows (null: a new one). */
interface Opened {
  id: number | null;
  /** What the .eml import could not take over. */
  warnings?: string[];
}

/**
 * Bürgeranliegen: ideas, suggestions, complaints and requests for help sent to the
 * Oberbürgermeister/in, tracked from receipt to the answer; and their statistics.
 */
export function RequestsPage() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>('register');
  const dialog = useDialogState<Opened>();
  const open = (id: number | null, warnings?: string[]) => dialog.open({ id, warnings });
  // An e-mail saved from Outlook (.eml) becomes a request, opened at once to check it.
  const importEml = useMutation({
    mutationFn: async (file: File) => {
      const uploadId = await uploadInPieces(file, (piece) => api('uploads.append', piece));
      return api('requests.importEml', { uploadId });
    },
    onSuccess: async (imported) => {
      await queryClient.invalidateQueries({ queryKey: ['requests.list'] });
      open(imported.request.id, imported.warnings);
    },
  });
  return (
    <>
      <div className={styles.top}>
        <div className={styles.head}>
          <Title2 as="h1">Bürgeranliegen</Title2>
          <div className={styles.grow} />
          {importEml.isPending && <Spinner size="tiny" label="Die E-Mail wird eingelesen …" />}
          <UploadButton accept=".eml,message/rfc822" label="E-Mail importieren (.eml)" onFile={(file) => importEml.mutate(file)} />
          <Button appearance="primary" icon={<AddRegular />} onClick={() => open(null)}>
            Anliegen erfassen …
          </Button>
        </div>
        <ErrorMessage error={importEml.error} title="Die E-Mail wurde nicht übernommen" />
        <TabList selectedValue={view} onTabSelect={(_, data) => setView(data.value as View)} aria-label="Ansicht">
          <Tab value="register">Anliegen</Tab>
          <Tab value="stats">Statistik</Tab>
        </TabList>
      </div>
      {view === 'register' && <RequestRegister onOpen={(id) => open(id)} />}
      {view === 'stats' && (
        <div className={styles.stats}>
          <RequestStats />
        </div>
      )}
      {dialog.opened && <RequestDialog key={dialog.opened.key} requestId={dialog.opened.target.id} warnings={dialog.opened.target.warnings} onClose={dialog.close} />}
    </>
  );
}
