import type { ReactElement } from 'react';
import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, CircleRegular, RecordFilled, SubtractCircleRegular, WarningFilled } from '@fluentui/react-icons';
import { REQUEST_CHANNEL_LABELS, type CitizenRequest, type Output, type RequestStatus } from '../../../../core/api';
import { germanDate } from '../../components/format';
import { statusRank } from './labels';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid' },
  item: {
    display: 'grid',
    gridTemplateColumns: '24px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    position: 'relative',
    paddingBottom: tokens.spacingVerticalS,
    // The line from one step's marker to the next.
    '::before': {
      content: '""',
      position: 'absolute',
      left: '11px',
      top: '22px',
      bottom: '0',
      width: '2px',
      backgroundColor: tokens.colorNeutralStroke2,
    },
    ':last-child::before': { display: 'none' },
    ':last-child': { paddingBottom: 0 },
  },
  lineDone: { '::before': { backgroundColor: tokens.colorPaletteGreenBorder2 } },
  marker: { fontSize: '22px', lineHeight: '22px', display: 'flex' },
  done: { color: tokens.colorPaletteGreenForeground1 },
  current: { color: tokens.colorBrandForeground1 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  open: { color: tokens.colorNeutralForeground4 },
  body: { display: 'grid', gap: '0', minWidth: 0 },
  title: { lineHeight: '22px' },
  titleOpen: { color: tokens.colorNeutralForeground3 },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  detailOverdue: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  now: {
    marginLeft: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorBrandForeground1,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusCircular,
    padding: '0 6px',
    verticalAlign: 'middle',
  },
});

type History = Output<'requests.history'>;
type State = 'done' | 'current' | 'overdue' | 'skipped' | 'open';

interface Stage {
  status: RequestStatus;
  title: string;
  /** When it happened ("27.11.2026"), if it did. */
  on: string | null;
  details: string[];
  overdue?: string;
  /** Settled otherwise (no statement needed): done, or left out. */
  forced?: State;
}

/** The Berlin calendar day of a history entry's time. */
const berlinDay = (at: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(at));

/** The last time the history shows this status reached, or this action done (for steps without a date of their own). */
function reachedOn(history: History | undefined, match: { status?: RequestStatus; action?: string }): string | null {
  const entry = [...(history ?? [])]
    .sort((a, b) => b.at.localeCompare(a.at))
    .find((e) => (match.status && e.status === match.status) || (match.action && e.action === match.action));
  return entry ? berlinDay(entry.at) : null;
}

function stagesOf(r: CitizenRequest, history: History | undefined): Stage[] {
  const date = (iso: string | null) => (iso ? germanDate(iso.slice(0, 10)) : null);
  const forwarded: string[] = [];
  if (r.department) forwarded.push(`an ${r.department}`);
  if (r.statementDue) forwarded.push(`Frist ${germanDate(r.statementDue)}`);
  if (r.remindedOn) forwarded.push(`erinnert am ${germanDate(r.remindedOn)}`);
  return [
    { status: 'eingegangen', title: 'Eingegangen', on: date(r.receivedOn), details: [REQUEST_CHANNEL_LABELS[r.channel]] },
    { status: 'bestaetigt', title: 'Eingang bestätigt', on: date(r.acknowledgedOn), details: [] },
    {
      status: 'in_bearbeitung',
      title: 'In Bearbeitung',
      on: date(reachedOn(history, { status: 'in_bearbeitung' })),
      details: [],
      // Forwarded or answered straight away: it was in hand all the same.
      forced: r.statementRequestedOn || r.answeredOn || r.statementUnnecessary ? 'done' : undefined,
    },
    {
      status: 'weitergeleitet',
      title: 'An Fachbereich weitergeleitet',
      on: date(r.statementRequestedOn),
      details: r.statementRequestedOn ? forwarded : [],
      overdue: r.overdue && r.statementDue ? `Frist seit ${germanDate(r.statementDue)} überschritten – keine Stellungnahme` : undefined,
      forced: r.statementUnnecessary && !r.statementRequestedOn ? 'skipped' : undefined,
    },
    r.statementUnnecessary
      ? {
          status: 'stellungnahme',
          title: 'Keine Stellungnahme nötig',
          on: date(reachedOn(history, { action: 'Keine Stellungnahme nötig' })),
          details: [],
          forced: 'done',
        }
      : { status: 'stellungnahme', title: 'Stellungnahme eingegangen', on: date(r.statementReceivedOn), details: [] },
    {
      status: 'beantwortet',
      title: 'Beantwortet',
      on: date(r.answeredOn),
      details: r.replyLetterId !== null ? [`Antwortschreiben Nr. ${r.replyLetterId}`] : [],
    },
    { status: 'erledigt', title: 'Erledigt', on: date(r.closedOn), details: [] },
  ];
}

function stateOf(stage: Stage, request: CitizenRequest): State {
  const rank = statusRank(stage.status);
  const current = statusRank(request.status);
  if (stage.overdue) return 'overdue';
  if (rank === current) return 'current';
  if (stage.forced) return stage.forced;
  if (rank < current) return stage.on ? 'done' : 'skipped';
  return stage.on ? 'done' : 'open';
}

const MARKERS: Record<State, ReactElement> = {
  done: <CheckmarkCircleFilled />,
  current: <RecordFilled />,
  overdue: <WarningFilled />,
  skipped: <SubtractCircleRegular />,
  open: <CircleRegular />,
};
const STATE_TEXT: Record<State, string> = {
  done: 'erledigt',
  current: 'aktueller Stand',
  overdue: 'überfällig',
  skipped: 'ausgelassen',
  open: 'offen',
};

/** Where the request stands: each workflow step with its date, the current one marked. */
export function WorkflowTimeline({ request, history }: { request: CitizenRequest; history: History | undefined }) {
  const styles = useStyles();
  const markerClass: Record<State, string> = { done: styles.done, current: styles.current, overdue: styles.overdue, skipped: styles.open, open: styles.open };
  return (
    <ol className={styles.list} aria-label="Bearbeitungsstand">
      {stagesOf(request, history).map((stage) => {
        const state = stateOf(stage, request);
        const isCurrent = statusRank(stage.status) === statusRank(request.status);
        return (
          <li key={stage.status} className={mergeClasses(styles.item, (state === 'done' || isCurrent) && styles.lineDone)} aria-current={isCurrent ? 'step' : undefined}>
            <span className={mergeClasses(styles.marker, markerClass[state])} title={STATE_TEXT[state]} aria-hidden>
              {MARKERS[state]}
            </span>
            <div className={styles.body}>
              <Text className={mergeClasses(styles.title, (state === 'open' || state === 'skipped') && styles.titleOpen)} weight={isCurrent ? 'semibold' : 'regular'}>
                {stage.title}
                {stage.on && ` am ${stage.on}`}
                {state === 'skipped' && ' – ausgelassen'}
                {isCurrent && <span className={styles.now}>aktueller Stand</span>}
              </Text>
              {stage.details.length > 0 && <span className={styles.detail}>{stage.details.join(' · ')}</span>}
              {stage.overdue && <span className={styles.detailOverdue}>{stage.overdue}</span>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
