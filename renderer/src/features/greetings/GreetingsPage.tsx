import { Fragment, useState } from 'react';
import {
  Badge,
  Button,
  Field,
  makeStyles,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ISLAMIC_CALENDAR_LABELS, OCCASION_CALENDAR_LABELS, type GreetingOverviewItem, type GreetingSettings } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { germanDate } from '../../components/format';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { berlinToday } from '../calendar/wall-clock';
import { ConfirmDateDialog } from './ConfirmDateDialog';
import { ExtraDialog } from './ExtraDialog';
import { CALENDAR_COLORS, isOverdue, monthOf, weekdayOf } from './labels';
import { OccasionPanel } from './OccasionPanel';

const useStyles = makeStyles({
  columns: { display: 'grid', gridTemplateColumns: 'minmax(0, 1.25fr) minmax(420px, 1fr)', gap: tokens.spacingHorizontalXL, alignItems: 'start' },
  month: { margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
  /** The occasion stays in view beside the long plan and scrolls on its own. */
  panel: { position: 'sticky', top: 0, maxHeight: 'calc(100vh - 150px)', overflowY: 'auto' },
});

/** The year's greetings, month by month: what is due when, to how many, and what is done. */
export function GreetingsPage({ onShowRegister }: { onShowRegister: () => void }) {
  const styles = useStyles();
  const page = useRegisterPageStyles();
  const queryClient = useQueryClient();
  const thisYear = Number(berlinToday().slice(0, 4));
  const [year, setYear] = useState(thisYear + 1);
  const [selected, setSelected] = useState<{ key: string; date: string } | null>(null);
  const [confirming, setConfirming] = useState<GreetingOverviewItem | null>(null);
  const [addingExtra, setAddingExtra] = useState(false);
  const overview = useQuery({
    queryKey: ['greetings.overview', year],
    queryFn: () => api('greetings.overview', { year }),
    placeholderData: keepPreviousData,
  });
  const settings = useQuery({ queryKey: ['greetings.settings'], queryFn: () => api('greetings.settings', {}) });
  const saveSettings = useMutation({
    mutationFn: (s: GreetingSettings) => api('greetings.settings.save', s),
    onSuccess: async (s) => {
      queryClient.setQueryData(['greetings.settings'], s);
      await queryClient.invalidateQueries({ queryKey: ['greetings.overview'] });
      await queryClient.invalidateQueries({ queryKey: ['greetings.occasion'] });
    },
  });

  const occasions = overview.data?.year === year ? overview.data.occasions : [];
  const today = overview.data?.today ?? berlinToday();
  const months = [...new Set(occasions.map((o) => o.date.slice(0, 7)))];
  const overdue = occasions.filter((o) => isOverdue(o, today)).length;
  const proposals = occasions.filter((o) => o.proposal).length;
  const selectedItem = selected ? occasions.find((o) => o.key === selected.key && (o.date === selected.date || o.computedDate === selected.date)) : undefined;

  return (
    <div className={page.page}>
      <div className={page.head}>
        <Title2 as="h1">Grußkalender</Title2>
        <Field label="Jahr">
          <Select
            value={String(year)}
            onChange={(_, d) => {
              setYear(Number(d.value));
              setSelected(null);
            }}
          >
            {Array.from({ length: 8 }, (_, i) => thisYear - 2 + i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <div className={page.grow} />
        {settings.data && (
          <Field label="Islamische Feiertage berechnet nach">
            <Select value={settings.data.islamicCalendar} onChange={(_, d) => saveSettings.mutate({ islamicCalendar: d.value as GreetingSettings['islamicCalendar'] })}>
              {Object.entries(ISLAMIC_CALENDAR_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Button icon={<AddRegular />} onClick={() => setAddingExtra(true)}>
          Eigener Termin …
        </Button>
      </div>
      <ErrorMessage error={overview.error ?? saveSettings.error} title="Der Grußkalender lässt sich nicht laden" />
      {overview.isPending && <Spinner size="small" />}
      {overview.data && (
        <Text className={page.muted} role="status">
          {occasions.length} Anlässe im Jahr {year}
          {proposals > 0 && `, ${proposals} ${proposals === 1 ? 'Datum' : 'Daten'} noch zu bestätigen`}
          {overdue > 0 && `, ${overdue} überfällig`}
        </Text>
      )}
      <div className={styles.columns}>
        <div>
          {months.map((month) => (
            <Fragment key={month}>
              <Title3 as="h2" className={styles.month}>
                {monthOf(month)}
              </Title3>
              <Table size="small" aria-label={`Anlässe ${monthOf(month)}`}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell style={{ width: 110 }}>Datum</TableHeaderCell>
                    <TableHeaderCell>Anlass</TableHeaderCell>
                    <TableHeaderCell style={{ width: 110 }}>Empfänger</TableHeaderCell>
                    <TableHeaderCell style={{ width: 130 }}>Versand bis</TableHeaderCell>
                    <TableHeaderCell style={{ width: 110 }}>Erstellt</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {occasions
                    .filter((o) => o.date.startsWith(month))
                    .map((o) => {
                      const late = isOverdue(o, today);
                      const isSelected = selectedItem === o;
                      const select = () => setSelected({ key: o.key, date: o.date });
                      return (
                        <TableRow
                          key={`${o.key}|${o.computedDate}`}
                          tabIndex={0}
                          aria-selected={isSelected}
                          className={`${page.row} ${late ? page.overdue : isSelected ? styles.selected : ''}`}
                          onClick={select}
                          onKeyDown={(e) => e.key === 'Enter' && select()}
                        >
                          <TableCell>
                            <div className={page.stack}>
                              <span>
                                {weekdayOf(o.date)} {germanDate(o.date)}
                              </span>
                              {o.eveBefore && <span className={page.muted}>ab Vorabend</span>}
                            </div>
                          </TableCell>
                          <TableCell>
                            <div className={page.stack}>
                              <Text weight="semibold">{o.name}</Text>
                              <div className={page.badges}>
                                <Badge appearance="tint" color={CALENDAR_COLORS[o.calendar]}>
                                  {OCCASION_CALENDAR_LABELS[o.calendar]}
                                </Badge>
                                {o.extra && <Badge appearance="outline">eigener Termin</Badge>}
                                {o.proposal && (
                                  <Badge appearance="filled" color="warning">
                                    Vorschlag – bitte bestätigen
                                  </Badge>
                                )}
                                {o.confirmed && (
                                  <Badge appearance="tint" color="success">
                                    bestätigt
                                  </Badge>
                                )}
                                {!o.active && <Badge appearance="outline">kein Gruß vorgesehen</Badge>}
                              </div>
                              {o.proposal && (
                                <div>
                                  <Button
                                    size="small"
                                    icon={<CheckmarkRegular />}
                                    onClick={(e) => {
                                      e.stopPropagation();
                                      setConfirming(o);
                                    }}
                                  >
                                    Datum bestätigen …
                                  </Button>
                                </div>
                              )}
                            </div>
                          </TableCell>
                          <TableCell>
                            <div className={page.stack}>
                              <span>{o.recipients}</span>
                              {o.pendingApproval > 0 && <span className={page.muted}>+ {o.pendingApproval} mit Freigabe</span>}
                              {o.withoutContact > 0 && <span className={page.muted}>{o.withoutContact} ohne Kontakt</span>}
                            </div>
                          </TableCell>
                          <TableCell>
                            <div className={page.stack}>
                              <span className={late ? styles.overdueText : undefined}>{germanDate(o.sendBy)}</span>
                              {late && <span className={styles.overdueText}>überfällig</span>}
                            </div>
                          </TableCell>
                          <TableCell>
                            {o.produced > 0 && o.produced >= o.recipients ? (
                              <span className={styles.done}>✓ {o.produced}</span>
                            ) : o.produced > 0 ? (
                              <span>
                                {o.produced} von {o.recipients}
                              </span>
                            ) : (
                              '–'
                            )}
                          </TableCell>
                        </TableRow>
                      );
                    })}
                </TableBody>
              </Table>
            </Fragment>
          ))}
        </div>
        <div className={styles.panel}>
          {selectedItem ? (
            <OccasionPanel
              key={`${selectedItem.key}|${selectedItem.computedDate}`}
              year={year}
              item={selectedItem}
              onConfirm={() => setConfirming(selectedItem)}
              onShowRegister={onShowRegister}
              onExtraDeleted={() => setSelected(null)}
            />
          ) : (
            <Text className={page.muted}>Einen Anlass wählen: Empfänger, Regel und „Briefe erstellen“ erscheinen hier.</Text>
          )}
        </div>
      </div>
      {confirming && (
        <ConfirmDateDialog
          year={year}
          item={confirming}
          calendarLabel={settings.data ? ISLAMIC_CALENDAR_LABELS[settings.data.islamicCalendar] : ''}
          onClose={(confirmedDate) => {
            if (confirmedDate && selected?.key === confirming.key) setSelected({ key: confirming.key, date: confirmedDate });
            setConfirming(null);
          }}
        />
      )}
      {addingExtra && (
        <ExtraDialog
          onClose={(extra) => {
            setAddingExtra(false);
            if (extra && extra.date.length === 5) setSelected({ key: extra.key, date: `${year}-${extra.date}` });
          }}
        />
      )}
    </div>
  );
}
