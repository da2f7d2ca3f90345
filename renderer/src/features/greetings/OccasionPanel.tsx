import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DeleteRegular, DocumentAddRegular } from '@fluentui/react-icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GREETING_LANGUAGE_LABELS,
  OCCASION_CALENDAR_LABELS,
  PARTNERSHIP_STATUS_LABELS,
  type GreetingOverviewItem,
  type GreetingProduced,
  type GreetingRecipient,
} from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, germanDate, germanLongDate } from '../../components/format';
import { downloadLetter } from '../letters/open-letter';
import { CALENDAR_COLORS } from './labels';
import { RuleEditor } from './RuleEditor';

const useStyles = makeStyles({
  card: { display: 'grid', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  stack: { display: 'grid', gap: '2px' },
  badges: { display: 'flex', gap: '4px', flexWrap: 'wrap', alignItems: 'center' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  section: { margin: `${tokens.spacingVerticalS} 0 0`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: '2px', fontSize: tokens.fontSizeBase400 },
  done: { color: tokens.colorPaletteGreenForeground1 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const VIA_LABELS: Record<GreetingRecipient['via'], string> = { partnerstadt: 'Partnerstadt', merkmal: 'Merkmal', kontakt: 'Kontakt' };

function Via({ r }: { r: GreetingRecipient }) {
  const styles = useStyles();
  if (r.partnership) {
    return (
      <div className={styles.badges}>
        <span>Partnerstadt {r.partnership.city}</span>
        {r.partnership.status !== 'aktiv' && (
          <Badge appearance="tint" color={r.partnership.status === 'ausgesetzt' ? 'danger' : 'warning'}>
            {PARTNERSHIP_STATUS_LABELS[r.partnership.status]}
          </Badge>
        )}
      </div>
    );
  }
  return <span>{r.tag ? `Merkmal „${r.tag}“` : VIA_LABELS[r.via]}</span>;
}

/**
 * One occasion: when, who gets a letter (partnerships not active marked; they need an approval),
 * „Briefe erstellen“ into the Postausgang, the letters already produced, and the rule.
 */
export function OccasionPanel({
  year,
  item,
  onConfirm,
  onShowRegister,
  onExtraDeleted,
}: {
  year: number;
  item: GreetingOverviewItem;
  onConfirm: () => void;
  onShowRegister: () => void;
  onExtraDeleted: () => void;
}) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [approve, setApprove] = useState(false);
  const [result, setResult] = useState<GreetingProduced | null>(null);
  const detail = useQuery({
    queryKey: ['greetings.occasion', year, item.key, item.date],
    queryFn: () => api('greetings.occasion', { year, key: item.key, date: item.date }),
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['greetings.overview'] });
    await queryClient.invalidateQueries({ queryKey: ['greetings.occasion'] });
    await queryClient.invalidateQueries({ queryKey: ['letters.list'] });
    await queryClient.invalidateQueries({ queryKey: ['partnerships.history'] });
  };
  const produce = useMutation({
    mutationFn: () => api('greetings.produce', { year, key: item.key, date: item.date, approve }),
    onSuccess: async (r) => {
      setResult(r);
      setApprove(false);
      await refresh();
    },
  });
  const download = useMutation({ mutationFn: downloadLetter });
  const deleteExtra = useMutation({
    mutationFn: async () => {
      const extra = (await api('greetings.extras', {})).find((e) => e.key === item.key);
      if (extra) await api('greetings.extras.delete', { id: extra.id });
    },
    onSuccess: async () => {
      await refresh();
      onExtraDeleted();
    },
  });

  const recipients = detail.data?.recipients ?? [];
  const pending = recipients.filter((r) => r.needsApproval && r.contactId !== null && r.letterId === null);
  const producible = recipients.filter((r) => r.contactId !== null && r.letterId === null && (!r.needsApproval || approve));

  return (
    <Card className={styles.card} role="region" aria-label={`Anlass: ${item.name}`}>
      <div className={styles.stack}>
        <Title3 as="h2">{item.name}</Title3>
        <div className={styles.badges}>
          <Text>{germanLongDate(item.date)}</Text>
          <Badge appearance="tint" color={CALENDAR_COLORS[item.calendar]}>
            {OCCASION_CALENDAR_LABELS[item.calendar]}
          </Badge>
        </div>
        {item.beginsEvening && <Text className={styles.muted}>Beginnt am Vorabend, {germanLongDate(item.beginsEvening)}.</Text>}
        <Text>
          Versand bis <strong>{germanDate(item.sendBy)}</strong>
          {detail.data && ` (${detail.data.rule.leadDays} Tage Vorlauf)`}
        </Text>
        {item.confirmed && <Text className={styles.muted}>Datum bestätigt (berechnet war {germanDate(item.computedDate)}).</Text>}
      </div>

      {item.proposal && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Vorschlag – bitte bestätigen</MessageBarTitle>
            Das Datum ist berechnet. Briefe lassen sich erst nach der Bestätigung erstellen.
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onConfirm}>
              Datum bestätigen …
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <ErrorMessage error={detail.error} />
      {detail.isPending && <Spinner size="small" />}
      {detail.data && (
        <>
          <h3 className={styles.section}>Empfänger</h3>
          {recipients.length === 0 ? (
            <Text className={styles.muted}>{detail.data.rule.active ? 'Die Regel nennt keine Empfänger.' : 'Zu diesem Anlass ist kein Gruß vorgesehen.'}</Text>
          ) : (
            <Table size="small" aria-label="Empfänger">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Name</TableHeaderCell>
                  <TableHeaderCell>über</TableHeaderCell>
                  <TableHeaderCell>Vorlage</TableHeaderCell>
                  <TableHeaderCell>Stand</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {recipients.map((r, i) => (
                  <TableRow key={r.contactId ?? `ohne-${i}`}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>
                      <Via r={r} />
                    </TableCell>
                    <TableCell>
                      <span className={styles.muted}>
                        {r.templateId} ({GREETING_LANGUAGE_LABELS[r.language]})
                      </span>
                    </TableCell>
                    <TableCell>
                      {r.letterId !== null ? (
                        <span className={styles.done}>
                          ✓ Brief Nr. {r.letterId}
                          {r.approvedBy && ` (freigegeben: ${r.approvedBy})`}
                        </span>
                      ) : r.problem ? (
                        <span className={styles.problem}>{r.problem}</span>
                      ) : r.needsApproval ? (
                        'Freigabe nötig'
                      ) : (
                        'offen'
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          {pending.length > 0 && (
            <Checkbox
              checked={approve}
              onChange={(_, d) => setApprove(Boolean(d.checked))}
              label={`Gruß an ${pending.map((r) => `${r.partnership!.city} (${PARTNERSHIP_STATUS_LABELS[r.partnership!.status]})`).join(', ')} ausdrücklich freigeben – wird mit Ihrem Namen vermerkt`}
            />
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              icon={<DocumentAddRegular />}
              disabled={item.proposal || !detail.data.rule.active || producible.length === 0 || produce.isPending}
              onClick={() => produce.mutate()}
            >
              {produce.isPending ? 'Briefe werden erstellt …' : 'Briefe erstellen'}
            </Button>
            {producible.length > 0 && <Text className={styles.muted}>{count(producible.length, 'Brief', 'Briefe')} in den Postausgang</Text>}
          </div>
          <ErrorMessage error={produce.error} title="Keine Briefe erstellt" />
          {result && (
            <MessageBar intent={result.produced.length ? 'success' : 'warning'} role="status">
              <MessageBarBody>
                <MessageBarTitle>
                  {result.produced.length ? `${count(result.produced.length, 'Brief', 'Briefe')} erstellt` : 'Keine Briefe erstellt'}
                </MessageBarTitle>
                {result.produced.length > 0 && 'Als Entwurf im Postausgang (Korrespondenz → Postausgang) abgelegt. '}
                {result.skipped.map((s) => `${s.name}: ${s.reason}`).join(' ')}
              </MessageBarBody>
              {result.produced.length > 0 && (
                <MessageBarActions>
                  <Button size="small" onClick={onShowRegister}>
                    Zum Postausgang
                  </Button>
                </MessageBarActions>
              )}
            </MessageBar>
          )}

          {detail.data.letters.length > 0 && (
            <>
              <h3 className={styles.section}>Briefe zu diesem Anlass</h3>
              <Table size="small" aria-label="Briefe zu diesem Anlass">
                <TableBody>
                  {detail.data.letters.map((l) => (
                    <TableRow key={l.letterId}>
                      <TableCell>Nr. {l.letterId}</TableCell>
                      <TableCell>{l.recipientName}</TableCell>
                      <TableCell>
                        <span className={styles.muted}>
                          {l.templateId}, {germanDate(l.letterDate)}, {l.status === 'entwurf' ? 'Entwurf' : l.status === 'versandt' ? 'versandt' : 'zur Unterschrift'}
                        </span>
                      </TableCell>
                      <TableCell>
                        <Button size="small" appearance="subtle" icon={<ArrowDownloadRegular />} aria-label={`Brief Nr. ${l.letterId} herunterladen`} onClick={() => download.mutate(l.letterId)} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <ErrorMessage error={download.error} />
            </>
          )}

          <h3 className={styles.section}>Regel für „{item.name}“</h3>
          <RuleEditor key={`${detail.data.rule.key}|${detail.data.rule.updatedAt ?? 'standard'}`} rule={detail.data.rule} recipients={recipients} onSaved={refresh} />
          {item.extra && (
            <div>
              <Button icon={<DeleteRegular />} onClick={() => deleteExtra.mutate()} disabled={deleteExtra.isPending}>
                Eigenen Termin löschen
              </Button>
              <ErrorMessage error={deleteExtra.error} />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
