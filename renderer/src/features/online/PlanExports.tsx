import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useMutation } from '@tanstack/react-query';
import type { OnlineExport } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { germanDate } from '../../components/format';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  label: { color: tokens.colorNeutralForeground3 },
});

const LABELS: Record<OnlineExport, string> = {
  'portal-html': 'Stadtportal (HTML)',
  'portal-feed': 'Stadtportal (RSS-Feed)',
  social: 'Social-Media-Beiträge (ZIP)',
  'plan-docx': 'Plan (Word)',
  'plan-xlsx': 'Plan (Excel)',
};

/**
 * Files of the days shown for the office's offline PCs: the portal's approved news (HTML, RSS),
 * the approved social posts (a folder each in a .zip), the plan for the morning meeting.
 */
export function PlanExports({ from, to }: { from: string; to: string }) {
  const styles = useStyles();
  const download = useMutation({
    mutationFn: (what: OnlineExport) => api('online.export', { what, from, to }),
    onSuccess: (file) => downloadBase64(file.fileName, file.contentBase64),
  });
  return (
    <div role="group" aria-label="Export" className={styles.actions}>
      <Text className={styles.label}>
        Export vom {germanDate(from)} bis {germanDate(to)}:
      </Text>
      {(Object.keys(LABELS) as OnlineExport[]).map((what) => (
        <Button key={what} size="small" icon={<ArrowDownloadRegular />} disabled={download.isPending} onClick={() => download.mutate(what)}>
          {LABELS[what]}
        </Button>
      ))}
      <ErrorMessage error={download.error} title="Nicht exportiert" />
    </div>
  );
}
