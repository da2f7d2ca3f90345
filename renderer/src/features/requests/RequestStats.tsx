import { useId, useState, type ReactNode } from 'react';
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { RequestStats as Stats } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { downloadBase64 } from '../../components/files';
import { germanDate } from '../../components/format';
import { DateInput } from '../../components/DateInputs';

type Counts = Stats['byKind'];
type Choice = 'thisYear' | 'lastYear' | 'custom';

const useStyles = makeStyles({
  root: { display: 'grid', gap: tokens.spacingVerticalL, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'start', gap: tokens.spacingHorizontalL },
  grow: { flexGrow: 1 },
  dates: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  date: { width: '170px' },
  // Level with the radio buttons below the field's label.
  action: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, marginTop: '22px' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM },
  figure: {
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
    alignContent: 'start',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `4px solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  figureAlert: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  figureValue: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  figureAlertValue: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: tokens.spacingHorizontalL },
  wide: { gridColumn: '1 / -1' },
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    alignContent: 'start',
    minWidth: 0,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
  },
  cardHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  chart: { minWidth: 0 },
  table: { maxWidth: '560px' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  numberHead: { '& > *': { justifyContent: 'flex-end' } },
});

const number = (n: number) => n.toLocaleString('de-DE');
const days = (n: number | null) => (n === null ? '–' : `${n.toLocaleString('de-DE', { maximumFractionDigits: 1 })} ${n === 1 ? 'Tag' : 'Tage'}`);
const share = (n: number, total: number) => (total ? (n / total).toLocaleString('de-DE', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '–');

/** The period a choice stands for; the custom one as typed. */
function periodOf(choice: Choice, custom: { from: string; to: string }, year: number): { from: string; to: string } {
  if (choice === 'thisYear') return { from: `${year}-01-01`, to: `${year}-12-31` };
  if (choice === 'lastYear') return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
  return custom;
}

const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * Statistics of the citizens' requests to the mayor: figures, charts by kind, category,
 * district, channel and month, each also as a table, and the .xlsx file for the annual report.
 * Defaults to the current year; no props (embedded as a tab of the requests page).
 */
export function RequestStats() {
  const styles = useStyles();
  const year = new Date().getFullYear();
  const [choice, setChoice] = useState<Choice>('thisYear');
  const [custom, setCustom] = useState({ from: `${year}-01-01`, to: today() });
  const period = periodOf(choice, custom, year);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(period.from) && /^\d{4}-\d{2}-\d{2}$/.test(period.to) && period.from <= period.to;

  const stats = useQuery({
    queryKey: ['requests.stats', period],
    // The figures keep their period: while the next one loads, the last ones stay with theirs.
    queryFn: async () => ({ period, figures: await api('requests.stats', period) }),
    enabled: valid,
    placeholderData: keepPreviousData,
  });
  const exportFile = useMutation({
    mutationFn: async () => {
      const file = await api('requests.stats.export', period);
      downloadBase64(file.fileName, file.contentBase64);
    },
  });

  const data = valid ? stats.data?.figures : undefined;
  const shown = stats.data?.period ?? period;
  const periodText = `${germanDate(shown.from)} bis ${germanDate(shown.to)}`;
  return (
    <div className={styles.root}>
      <div className={styles.toolbar}>
        <Field label="Zeitraum (Eingang der Anliegen)">
          <RadioGroup layout="horizontal" value={choice} onChange={(_, d) => setChoice(d.value as Choice)}>
            <Radio value="thisYear" label={`dieses Jahr (${year})`} />
            <Radio value="lastYear" label={`letztes Jahr (${year - 1})`} />
            <Radio value="custom" label="eigener Zeitraum" />
          </RadioGroup>
        </Field>
        {choice === 'custom' && (
          <div className={styles.dates}>
            <DateInput label="von" className={styles.date} value={custom.from} onChange={(from) => setCustom({ ...custom, from })} />
            <DateInput
              label="bis"
              className={styles.date}
              value={custom.to}
              onChange={(to) => setCustom({ ...custom, to })}
              error={valid ? undefined : 'Bitte einen Zeitraum wählen, der nicht vor seinem Beginn endet.'}
            />
          </div>
        )}
        <div className={styles.grow} />
        <div className={styles.action}>
          {stats.isFetching && data && <Spinner size="tiny" label="wird aktualisiert …" />}
          <Button icon={<ArrowDownloadRegular />} disabled={!valid || exportFile.isPending} onClick={() => exportFile.mutate()}>
            Als Excel-Datei exportieren
          </Button>
        </div>
      </div>
      <ErrorMessage error={stats.error ?? exportFile.error} />
      {stats.isPending && valid && !data && <Spinner size="small" label="Statistik wird berechnet …" />}
      {data && (
        <>
          <div className={styles.figures} role="group" aria-label="Kennzahlen des Zeitraums">
            <Figure label="Eingegangen" value={number(data.total)} note={`Anliegen vom ${periodText}`} />
            <Figure label="Noch offen" value={number(data.open)} note={`nicht erledigt (${share(data.open, data.total)})`} />
            <Figure
              label="Stellungnahme überfällig"
              value={number(data.overdue)}
              note="an Fachbereiche weitergeleitet, Frist abgelaufen"
              alert={data.overdue > 0}
            />
            <Figure
              label="Bearbeitungsdauer (Median)"
              value={days(data.handlingDays.answeredMedian)}
              note={
                data.handlingDays.answeredMedian === null
                  ? 'noch keine Anliegen beantwortet'
                  : `bis zur Antwort · Ø ${days(data.handlingDays.answeredAverage)} · bis zur Erledigung ${days(data.handlingDays.closedMedian)}`
              }
            />
          </div>
          {data.total === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>Vom {periodText} sind keine Anliegen eingegangen.</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.charts}>
              <ChartCard title="Anliegen nach Eingangsmonat" counts={data.byMonth} total={data.total} wide>
                <MonthChart counts={data.byMonth} />
              </ChartCard>
              <ChartCard title="Anliegen nach Art" counts={data.byKind} total={data.total}>
                <ColumnChart counts={data.byKind} />
              </ChartCard>
              <ChartCard title="Anliegen nach Eingangsweg" counts={data.byChannel} total={data.total}>
                <RowChart counts={data.byChannel} />
              </ChartCard>
              <ChartCard title="Anliegen nach Stadtbezirk" counts={data.byDistrict} total={data.total}>
                <RowChart counts={data.byDistrict} />
              </ChartCard>
              <ChartCard title="Anliegen nach Themenkategorie" counts={data.byCategory} total={data.total}>
                <RowChart counts={data.byCategory} />
              </ChartCard>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Figure({ label, value, note, alert = false }: { label: string; value: string; note: string; alert?: boolean }) {
  const styles = useStyles();
  return (
    <div className={`${styles.figure} ${alert ? styles.figureAlert : ''}`}>
      <Text weight="semibold">{label}</Text>
      <span className={`${styles.figureValue} ${alert ? styles.figureAlertValue : ''}`}>{value}</span>
      <Caption1 className={styles.muted}>{note}</Caption1>
    </div>
  );
}

/** A chart with its title, a summary for screen readers, and the same numbers as a table on request. */
function ChartCard({ title, counts, total, wide = false, children }: { title: string; counts: Counts; total: number; wide?: boolean; children: ReactNode }) {
  const styles = useStyles();
  const headingId = useId();
  const [asTable, setAsTable] = useState(false);
  const summary = `${title}, insgesamt ${number(total)} Anliegen: ${counts.map((c) => `${c.label} ${number(c.count)}`).join(', ')}.`;
  return (
    <section className={`${styles.card} ${wide ? styles.wide : ''}`} aria-labelledby={headingId}>
      <div className={styles.cardHead}>
        <Subtitle2 as="h3" id={headingId}>
          {title}
        </Subtitle2>
        <Switch label="Als Tabelle anzeigen" checked={asTable} onChange={(_, d) => setAsTable(d.checked)} />
      </div>
      {asTable ? (
        <Table size="small" aria-labelledby={headingId} className={styles.table}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{title.replace(/^Anliegen nach /, '')}</TableHeaderCell>
              <TableHeaderCell className={styles.numberHead}>Anzahl</TableHeaderCell>
              <TableHeaderCell className={styles.numberHead}>Anteil</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {counts.map((c) => (
              <TableRow key={c.key}>
                <TableCell>{c.label}</TableCell>
                <TableCell className={styles.number}>{number(c.count)}</TableCell>
                <TableCell className={styles.number}>{share(c.count, total)}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <strong>Summe</strong>
              </TableCell>
              <TableCell className={styles.number}>
                <strong>{number(total)}</strong>
              </TableCell>
              <TableCell className={styles.number}>
                <strong>{share(total, total)}</strong>
              </TableCell>
            </TableRow>
          </TableBody>
        </Table>
      ) : (
        <div className={styles.chart} role="img" aria-label={summary}>
          {children}
        </div>
      )}
    </section>
  );
}

// The charts: Fluent's colours (CSS variables of the theme), German numbers, no keyboard layer of
// their own (the card's summary and table carry the numbers for screen readers and keyboards).
const AXIS_TICK = { fill: tokens.colorNeutralForeground2, fontSize: 12 };
const GRID = tokens.colorNeutralStroke2;
const TOOLTIP = {
  contentStyle: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
    fontSize: 13,
  },
  cursor: { fill: tokens.colorNeutralBackground1Hover },
  formatter: (value: unknown) => [number(Number(value)), 'Anliegen'] as [string, string],
};
const labelFormatter = (value: unknown) => (typeof value === 'number' && value > 0 ? number(value) : '');

/** Months as columns; within one year the axis names the month only. */
function MonthChart({ counts }: { counts: Counts }) {
  const oneYear = new Set(counts.map((c) => c.key.slice(0, 4))).size === 1;
  const data = counts.map((c) => ({ ...c, tick: oneYear ? c.label.replace(/ \d{4}$/, '') : c.label }));
  return (
    <BarChart responsive accessibilityLayer={false} data={data} style={{ width: '100%', height: 260 }} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="tick" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID }} interval="preserveStartEnd" minTickGap={8} />
      <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={number} width={48} />
      <Tooltip {...TOOLTIP} labelFormatter={(_, payload) => String(payload?.[0]?.payload?.label ?? '')} />
      <Bar dataKey="count" fill={tokens.colorBrandBackground} radius={[3, 3, 0, 0]} maxBarSize={44} isAnimationActive={false}>
        {data.length <= 24 && <LabelList dataKey="count" position="top" formatter={labelFormatter} style={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }} />}
      </Bar>
    </BarChart>
  );
}

/** Few values with short names: columns. */
function ColumnChart({ counts }: { counts: Counts }) {
  return (
    <BarChart responsive accessibilityLayer={false} data={counts} style={{ width: '100%', height: 260 }} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
      <CartesianGrid vertical={false} stroke={GRID} />
      <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID }} interval={0} />
      <YAxis allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={number} width={48} />
      <Tooltip {...TOOLTIP} />
      <Bar dataKey="count" fill={tokens.colorBrandBackground} radius={[3, 3, 0, 0]} maxBarSize={56} isAnimationActive={false}>
        <LabelList dataKey="count" position="top" formatter={labelFormatter} style={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }} />
      </Bar>
    </BarChart>
  );
}

/** Longer names (districts, categories, channels): one bar per row, the name beside it. */
function RowChart({ counts }: { counts: Counts }) {
  const height = Math.max(160, counts.length * 30 + 30);
  return (
    <BarChart
      responsive
      accessibilityLayer={false}
      layout="vertical"
      data={counts}
      style={{ width: '100%', height }}
      margin={{ top: 4, right: 40, bottom: 0, left: 0 }}
    >
      <CartesianGrid horizontal={false} stroke={GRID} />
      <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={number} />
      <YAxis type="category" dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={{ stroke: GRID }} width={190} interval={0} />
      <Tooltip {...TOOLTIP} />
      <Bar dataKey="count" fill={tokens.colorBrandBackground} radius={[0, 3, 3, 0]} maxBarSize={20} isAnimationActive={false}>
        <LabelList dataKey="count" position="right" formatter={labelFormatter} style={{ fill: tokens.colorNeutralForeground2, fontSize: 12 }} />
      </Bar>
    </BarChart>
  );
}
