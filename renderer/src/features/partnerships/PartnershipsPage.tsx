import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { GREETING_LANGUAGE_LABELS, PARTNERSHIP_KIND_LABELS, PARTNERSHIP_STATUS_LABELS } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { useRecordDialog } from '../../components/use-dialog-state';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { STATUS_COLORS } from './labels';
import { PartnershipDialog } from './PartnershipDialog';

/**
 * The register of the city's partnerships, friendships, patronages and solidarity partnerships:
 * country, kind, since when, status, language of letters, the mayor and the latest history entry.
 */
export function PartnershipsPage() {
  const styles = useRegisterPageStyles();
  const dialog = useRecordDialog();
  const list = useQuery({ queryKey: ['partnerships.list'], queryFn: () => api('partnerships.list', {}) });
  const inactive = (list.data ?? []).filter((p) => p.status !== 'aktiv').length;

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Partnerstädte</Title2>
        <div className={styles.grow} />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => dialog.open(null)}>
          Partnerschaft anlegen …
        </Button>
      </div>
      <ErrorMessage error={list.error} title="Die Partnerschaften lassen sich nicht laden" />
      {list.isPending && <Spinner size="small" />}
      {list.data && (
        <>
          <Text className={styles.muted} role="status">
            {count(list.data.length, 'Partnerschaft', 'Partnerschaften')}
            {inactive > 0 && `, davon ${inactive} nicht aktiv (Grüße nur mit Freigabe)`}
          </Text>
          <Table size="small" aria-label="Partnerschaften">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Stadt</TableHeaderCell>
                <TableHeaderCell>Art</TableHeaderCell>
                <TableHeaderCell>seit</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Sprache</TableHeaderCell>
                <TableHeaderCell>Oberbürgermeister/in</TableHeaderCell>
                <TableHeaderCell>Zuletzt</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.data.map((p) => (
                <RegisterRow key={p.id} onOpen={() => dialog.open(p.id)}>
                  <TableCell>
                    <div className={styles.stack}>
                      <Text weight="semibold">{p.city}</Text>
                      <span className={styles.muted}>{p.countryName}</span>
                    </div>
                  </TableCell>
                  <TableCell>{PARTNERSHIP_KIND_LABELS[p.kind]}</TableCell>
                  <TableCell>{p.since}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLORS[p.status]}>
                      {PARTNERSHIP_STATUS_LABELS[p.status]}
                    </Badge>
                  </TableCell>
                  <TableCell>{GREETING_LANGUAGE_LABELS[p.language]}</TableCell>
                  <TableCell>
                    {p.mayor ? (
                      <div className={styles.stack}>
                        <span>{p.mayor.name}</span>
                        {!p.mayor.linked && <span className={styles.muted}>Vorschlag, noch nicht verknüpft</span>}
                      </div>
                    ) : (
                      <span className={styles.muted}>kein Kontakt</span>
                    )}
                  </TableCell>
                  <TableCell>
                    {p.lastEvent ? (
                      <div className={styles.stack}>
                        <span>{p.lastEvent.title}</span>
                        <span className={styles.muted}>{germanDate(p.lastEvent.date)}</span>
                      </div>
                    ) : (
                      '–'
                    )}
                  </TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      {dialog.opened && <PartnershipDialog key={dialog.opened.key} partnershipId={dialog.opened.target} onClose={dialog.close} />}
    </div>
  );
}
