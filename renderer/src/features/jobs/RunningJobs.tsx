import { makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import type { OfficeJob } from '../../../../core/api';
import { api } from '../../api/client';

const useStyles = makeStyles({
  strip: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, marginLeft: 'auto', minWidth: '280px', maxWidth: '560px' },
  job: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

const TIME = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
const number = (n: number) => n.toLocaleString('de-DE');

/** „Einwohnerimport läuft (von Frau Yılmaz an PC-Ratssaal, seit 09:59 Uhr): 24 %“, „Serienbrief läuft (…): 120 von 500“. */
export function jobLine(job: OfficeJob): string {
  const where = job.mine ? 'an diesem PC' : `an ${job.workstation}`;
  const who = `von ${job.startedBy} ${where}, seit ${TIME.format(new Date(job.startedAt))} Uhr`;
  // The register import counts the file's bytes: a share says more than two byte counts.
  const howFar =
    job.total === 0 ? '' : job.kind === 'residents-import' ? `: ${Math.floor((100 * job.done) / job.total)} %` : `: ${number(job.done)} von ${number(job.total)}`;
  return `${job.label} läuft (${who})${howFar}`;
}

/**
 * The long jobs running for the office (a register import, a mail merge, the greetings plan's
 * letters), on this PC or another: who started each where, and how far it is. Read again when a
 * job reports (the change feed's `jobs` area) and, while one runs, now and then, so a job whose
 * PC went silent leaves the strip.
 */
export function RunningJobs() {
  const styles = useStyles();
  const running = useQuery({
    queryKey: ['jobs.running'],
    queryFn: () => api('jobs.running', {}),
    refetchInterval: (query) => (query.state.data?.length ? 30_000 : false),
  });
  const jobs = running.data ?? [];
  if (jobs.length === 0) return null;
  return (
    <div className={styles.strip} role="status" aria-label="Laufende Aufträge des Büros">
      {jobs.map((job) => (
        <div key={job.id} className={styles.job}>
          <Text size={200}>{jobLine(job)}</Text>
          <ProgressBar value={job.total > 0 ? job.done / job.total : undefined} thickness="medium" aria-label={jobLine(job)} />
        </div>
      ))}
    </div>
  );
}
