import type { ReactNode } from 'react';
import { Badge, Button, Link, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useMutation, useQuery } from '@tanstack/react-query';
import { REQUEST_KIND_LABELS, REQUEST_STATUS_LABELS, type CitizenRequest, type RequestStatus } from '../../../../core/api';
import { useFormDialogStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { STATUS_COLORS } from './labels';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: tokens.spacingVerticalXS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  what: { display: 'grid', gap: '2px', minWidth: 0 },
  line: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  subheading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalXS} 0 0` },
});

interface Row {
  id: number;
  subject: string;
  status: RequestStatus;
  receivedOn: string;
  detail?: string;
}

function RequestRows({ label, rows, onOpen, action }: { label: string; rows: Row[]; onOpen: (id: number) => void; action: (row: Row) => ReactNode }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {rows.map((row) => (
        <li key={row.id} className={styles.item}>
          <div className={styles.what}>
            <div className={styles.line}>
              <Link as="button" type="button" onClick={() => onOpen(row.id)} title="Dieses Anliegen öffnen">
                {row.subject}
              </Link>
              <Badge size="small" appearance="tint" color={STATUS_COLORS[row.status]}>
                {REQUEST_STATUS_LABELS[row.status]}
              </Badge>
            </div>
            <span className={styles.muted}>
              Nr. {row.id}, eingegangen am {germanDate(row.receivedOn)}
              {row.detail ? ` · ${row.detail}` : ''}
            </span>
          </div>
          {action(row)}
        </li>
      ))}
    </ul>
  );
}

/**
 * Requests that belong together: linked ones (with „lösen“), proposals from the server (same
 * person, same place, same topic in the district) to link, and the person's other requests.
 */
export function RelatedRequests({
  request,
  onChanged,
  onOpen,
  onReload,
}: {
  request: CitizenRequest;
  onChanged: (request: CitizenRequest) => Promise<void>;
  onOpen: (id: number) => void;
  /** Takes the request anew after a change was refused as STALE. */
  onReload: () => void;
}) {
  const styles = useStyles();
  const layout = useFormDialogStyles();
  const related = useQuery({ queryKey: ['requests.related', request.id], queryFn: () => api('requests.related', { id: request.id }) });
  const citizenId = request.citizen?.id;
  const same = useQuery({
    queryKey: ['requests.list', 'citizen', citizenId],
    queryFn: () => api('requests.list', { citizenId: citizenId!, limit: 50 }),
    enabled: citizenId !== undefined,
  });
  const link = useMutation({ mutationFn: (otherId: number) => api('requests.link', { id: request.id, revision: request.revision, otherId }), onSuccess: onChanged });
  const unlink = useMutation({ mutationFn: (otherId: number) => api('requests.unlink', { id: request.id, revision: request.revision, otherId }), onSuccess: onChanged });
  const linkedIds = new Set(request.links.map((l) => l.id));
  const proposals = (related.data ?? []).filter((r) => !linkedIds.has(r.id));
  const others = (same.data?.items ?? []).filter((r) => r.id !== request.id);

  return (
    <>
      <Subtitle2 as="h3" className={layout.section}>
        Zusammenhängende Anliegen
      </Subtitle2>
      {request.links.length > 0 ? (
        <RequestRows
          label="Verknüpfte Anliegen"
          rows={request.links.map((l) => ({ ...l, detail: l.note || undefined }))}
          onOpen={onOpen}
          action={(row) => (
            <Button size="small" disabled={unlink.isPending} onClick={() => unlink.mutate(row.id)} aria-label={`Verknüpfung mit „${row.subject}“ lösen`}>
              lösen
            </Button>
          )}
        />
      ) : (
        <Text className={styles.muted}>Noch mit keinem anderen Anliegen verknüpft.</Text>
      )}
      <ErrorMessage error={link.error ?? unlink.error} title="Nicht geändert" onReload={onReload} />
      {proposals.length > 0 && (
        <>
          <h4 className={styles.subheading}>Ähnliche Anliegen (Vorschläge)</h4>
          <RequestRows
            label="Ähnliche Anliegen"
            rows={proposals.map((p) => ({ ...p, detail: [REQUEST_KIND_LABELS[p.kind], p.district, p.category].filter(Boolean).join(' · ') }))}
            onOpen={onOpen}
            action={(row) => (
              <Button size="small" disabled={link.isPending} onClick={() => link.mutate(row.id)} aria-label={`Mit „${row.subject}“ verknüpfen`}>
                verknüpfen
              </Button>
            )}
          />
        </>
      )}
      <ErrorMessage error={related.error} title="Ähnliche Anliegen lassen sich nicht laden" />
      {citizenId !== undefined && (
        <>
          <h4 className={styles.subheading}>Weitere Anliegen dieser Person</h4>
          {others.length > 0 ? (
            <RequestRows
              label="Weitere Anliegen dieser Person"
              rows={others.map((o) => ({ ...o, detail: REQUEST_KIND_LABELS[o.kind] }))}
              onOpen={onOpen}
              action={(row) =>
                linkedIds.has(row.id) ? (
                  <Text className={styles.muted}>verknüpft</Text>
                ) : (
                  <Button size="small" disabled={link.isPending} onClick={() => link.mutate(row.id)} aria-label={`Mit „${row.subject}“ verknüpfen`}>
                    verknüpfen
                  </Button>
                )
              }
            />
          ) : (
            <Text className={styles.muted}>{same.data ? 'Keine weiteren.' : 'Wird geladen …'}</Text>
          )}
        </>
      )}
    </>
  );
}
