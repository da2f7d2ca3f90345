import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { CalendarOptions, DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput, EventMountArg } from '@fullcalendar/core';
import deLocale from '@fullcalendar/core/locales/de';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import interactionPlugin from '@fullcalendar/interaction';
import { Button, Checkbox, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANNEL_KEYS, CHANNEL_NAMES, POST_STATUS_LABELS, type ChannelKey, type OnlinePlanItem } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRecordDialog } from '../../components/use-dialog-state';
import { textColorOn } from '../calendar/event-colors';
import { dayWithMore, moreDayOf } from '../calendar/month-days';
import { addDays, addMinutes, berlinNow, fromUtc } from '../calendar/wall-clock';
import '../calendar/calendar.css';
import { wallClockText } from '../press/press-format';
import { CHANNEL_COLORS, excerpt } from './online-format';
import { PlanExports } from './PlanExports';
import { PostDialog } from './PostDialog';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
  filter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  head: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  swatch: { display: 'inline-block', width: '12px', height: '12px', borderRadius: '3px', marginRight: '6px', verticalAlign: '-1px' },
  calendar: { height: 'calc(100vh - 330px)', minHeight: '560px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** How long a post looks in the day and week views (it goes out at one moment). */
const SHOWN_MINUTES = 30;

/**
 * The calendar's fixed options, made once: FullCalendar draws everything anew when an option is
 * a new object or function (an inline `now`, `views` or `eventContent` on every render of the page).
 */
const CALENDAR_OPTIONS = {
  plugins: [dayGridPlugin, timeGridPlugin, interactionPlugin],
  locale: deLocale,
  // Wall-clock times as written (Europe/Berlin in the API): no shift by the computer's zone.
  timeZone: 'UTC',
  now: () => berlinNow(),
  initialView: 'timeGridWeek',
  headerToolbar: { left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth' },
  buttonIcons: false,
  buttonText: { prev: 'Zurück', next: 'Weiter' },
  firstDay: 1,
  weekNumbers: true,
  nowIndicator: true,
  height: '100%',
  scrollTime: '07:30:00',
  slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
  eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
  // A post goes out at one moment: its time, no end.
  displayEventEnd: false,
  dayMaxEvents: true,
  // The month gets only what it shows (dayWithMore): FullCalendar need not hide any.
  views: { dayGridMonth: { dayMaxEvents: false } },
  eventContent: (arg: EventContentArg) => (moreDayOf(arg.event.id) ? <span className="rb-more-label">{arg.event.title}</span> : true),
  editable: true,
  eventDurationEditable: false,
} satisfies CalendarOptions;
const SILENCE_PREFIX = 'silence|';
const ARROW_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

interface Moved {
  id: number;
  /** The post's revision after the move: „Rückgängig“ sends it back. */
  revision: number;
  title: string;
  from: string;
  to: string;
}

/** Everything about a post in one sentence: tooltip and name for screen readers. */
function describe(item: OnlinePlanItem, cluster: string | undefined): string {
  return [
    `${item.channelName}: ${excerpt(item.text, 120) || '(noch kein Text)'}`,
    wallClockText(item.at),
    item.topic && `Thema: ${item.topic}`,
    `Status: ${POST_STATUS_LABELS[item.status]}`,
    item.paused && 'im Krisenmodus pausiert',
    item.lapsed && 'Zeitpunkt im Krisenmodus verstrichen: bitte einen neuen eintragen',
  ]
    .filter(Boolean)
    .join(', ')
    .concat(cluster ? `. ⚠ ${cluster}` : '');
}

/**
 * The plan of the online channels as a calendar (day, week, month): every post at its time in the
 * plan, coloured and named by channel; filters by channel and topic; clusters (⚠, red frame) and
 * silences (a tinted band) with their German warnings above. A post moves by drag and drop
 * (saved through `online.posts.save` with the same rules as in its dialog; „Rückgängig“ puts it
 * back); a click opens it.
 */
export function PlanCalendar() {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [viewType, setViewType] = useState('timeGridWeek');
  const [hidden, setHidden] = useState<ReadonlySet<ChannelKey>>(new Set());
  const [topicId, setTopicId] = useState('');
  const [moved, setMoved] = useState<Moved | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRecordDialog('post');
  const channels = hidden.size ? CHANNEL_KEYS.filter((key) => !hidden.has(key)) : undefined;
  const topics = useQuery({ queryKey: ['online.topics.list'], queryFn: () => api('online.topics.list', {}) });
  const plan = useQuery({
    queryKey: ['online.plan', range?.from, range?.to, channels, topicId],
    queryFn: () => api('online.plan', { from: range!.from, to: range!.to, channels, topicId: topicId ? Number(topicId) : undefined }),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });

  const byId = useMemo(() => new Map((plan.data?.items ?? []).map((i) => [String(i.id), i])), [plan.data]);
  const clusterOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const w of plan.data?.warnings ?? []) if (w.kind === 'cluster') for (const id of w.postIds) map.set(String(id), w.message);
    return map;
  }, [plan.data]);
  // FullCalendar keeps its callbacks from the first render; they read the latest data here.
  const latest = useRef({ byId, clusterOf });
  latest.current = { byId, clusterOf };

  const events = useMemo((): EventInput[] => {
    const eventOf = (item: OnlinePlanItem): EventInput => {
      const color = CHANNEL_COLORS[item.channel];
      const cluster = clusterOf.has(String(item.id));
      return {
        id: String(item.id),
        title: `${cluster ? '⚠ ' : ''}${item.channelName}: ${excerpt(item.text, 60) || '(noch kein Text)'}`,
        start: item.at,
        end: addMinutes(item.at, SHOWN_MINUTES),
        allDay: false,
        backgroundColor: color,
        borderColor: color,
        textColor: textColorOn(color),
        editable: item.movable,
        classNames: [cluster && 'rb-conflict', item.status === 'zurueckgezogen' && 'rb-cancelled', item.status !== 'geplant' && item.status !== 'veroeffentlicht' && 'rb-planned'].filter(
          (c): c is string => Boolean(c),
        ),
      };
    };
    const planned = plan.data?.items ?? [];
    const items: EventInput[] = [];
    if (viewType === 'dayGridMonth') {
      // A few posts a day and "+ n weitere", which opens the day (the plan comes in time order).
      const byDay = new Map<string, OnlinePlanItem[]>();
      for (const item of planned) {
        const day = item.at.slice(0, 10);
        const list = byDay.get(day);
        if (list) list.push(item);
        else byDay.set(day, [item]);
      }
      for (const [day, list] of byDay) items.push(...dayWithMore(day, list, eventOf));
    } else {
      for (const item of planned) items.push(eventOf(item));
    }
    for (const w of plan.data?.warnings ?? []) {
      if (w.kind !== 'silence') continue;
      items.push({
        id: `${SILENCE_PREFIX}${w.channel}|${w.from}`,
        title: `${CHANNEL_NAMES[w.channel]}: nichts geplant`,
        start: w.from,
        end: addDays(w.to, 1),
        allDay: true,
        display: 'background',
        classNames: ['rb-silence'],
      });
    }
    return items;
  }, [plan.data, clusterOf, viewType]);

  const move = useMutation({
    mutationFn: async ({ id, revision, plannedAt }: { id: number; revision: number; plannedAt: string; revert?: () => void }) => {
      // Saved as in the post's dialog: the stored post with the new time, under the same rules, at
      // the revision the plan shows (STALE when another PC changed the post since: it goes back).
      const post = await api('online.posts.get', { id });
      return api('online.posts.save', { id, revision, topicId: post.topicId, channel: post.channel, text: post.text, link: post.link, media: post.media, plannedAt });
    },
    onMutate: () => {
      setMoved(null);
      setProblem(null);
    },
    onSuccess: async (post) => {
      queryClient.setQueryData(['online.posts.get', post.id], post);
      await queryClient.invalidateQueries({ queryKey: ['online.plan'] });
      await queryClient.invalidateQueries({ queryKey: ['online.posts.list'] });
    },
    onError: (_, { revert }) => {
      pendingFocus.current = null;
      revert?.();
    },
  });

  const onDrop = (info: EventDropArg) => {
    const item = latest.current.byId.get(info.event.id);
    if (!item || !info.event.start) return info.revert();
    if (info.event.allDay) {
      info.revert();
      setProblem('Ein Beitrag geht zu einer Uhrzeit hinaus: Bitte ihn auf einen Tag in der Monatsansicht oder auf eine Uhrzeit ziehen.');
      return;
    }
    const plannedAt = fromUtc(info.event.start, false);
    const title = `${item.channelName}: ${excerpt(item.text, 60) || '(noch kein Text)'}`;
    move.mutate(
      { id: item.id, revision: item.revision, plannedAt, revert: info.revert },
      { onSuccess: (post) => setMoved({ id: item.id, revision: post.revision, title, from: item.at, to: plannedAt }) },
    );
  };

  /** Alt+↑/↓: 15 minutes earlier or later; Alt+←/→: a day earlier or later. */
  const moveByKeyboard = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.altKey || !ARROW_KEYS.includes(e.key)) return;
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-post-id]');
    const item = el && latest.current.byId.get(el.dataset.postId ?? '');
    if (!item) return;
    e.preventDefault();
    if (!item.movable) {
      setProblem('Ein veröffentlichter Beitrag wird nicht mehr verschoben.');
      return;
    }
    const step = e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1;
    const plannedAt = e.key === 'ArrowUp' || e.key === 'ArrowDown' ? addMinutes(item.at, 15 * step) : addDays(item.at, step);
    const title = `${item.channelName}: ${excerpt(item.text, 60) || '(noch kein Text)'}`;
    pendingFocus.current = String(item.id);
    move.mutate({ id: item.id, revision: item.revision, plannedAt }, { onSuccess: (post) => setMoved({ id: item.id, revision: post.revision, title, from: item.at, to: plannedAt }) });
  };
  /** The post moved by keyboard keeps the focus when FullCalendar draws it anew. */
  const pendingFocus = useRef<string | null>(null);

  const undo = () => {
    if (!moved) return;
    move.mutate({ id: moved.id, revision: moved.revision, plannedAt: moved.from }, { onSuccess: () => setMoved(null) });
  };

  const onEventClick = (info: EventClickArg) => {
    info.jsEvent.preventDefault();
    const moreDay = moreDayOf(info.event.id);
    if (moreDay) {
      info.view.calendar.changeView('timeGridDay', moreDay);
      return;
    }
    if (latest.current.byId.has(info.event.id)) dialog.open(Number(info.event.id));
  };

  const annotate = (el: HTMLElement, id: string) => {
    const item = latest.current.byId.get(id);
    if (!item) return;
    el.dataset.postId = id;
    el.dataset.channel = item.channel;
    el.setAttribute('role', 'button');
    el.title = describe(item, latest.current.clusterOf.get(id));
  };
  /** Posts drawn and not yet annotated. */
  const pendingAnnotations = useRef(new Map<string, HTMLElement>());
  const onEventMount = (info: EventMountArg) => {
    if (latest.current.byId.has(info.event.id)) {
      // Annotated in one batch after FullCalendar has measured its rows: attribute changes between
      // its measurements would force the browser to lay the month out again for every post.
      pendingAnnotations.current.set(info.event.id, info.el);
      if (pendingAnnotations.current.size === 1) {
        requestAnimationFrame(() => {
          for (const [id, el] of pendingAnnotations.current) annotate(el, id);
          pendingAnnotations.current.clear();
        });
      }
    } else info.el.title = info.event.title;
    if (pendingFocus.current === info.event.id) {
      pendingFocus.current = null;
      const el = info.el;
      requestAnimationFrame(() => el.focus());
    }
  };
  // FullCalendar keeps an element when only the data behind it changed (moved into a cluster).
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of container.current?.querySelectorAll<HTMLElement>('[data-post-id]') ?? []) annotate(el, el.dataset.postId!);
  });

  const onDatesSet = (info: DatesSetArg) => {
    const from = fromUtc(info.start, true);
    const to = addDays(fromUtc(info.end, true), -1);
    setRange((r) => (r?.from === from && r.to === to ? r : { from, to }));
    setViewType(info.view.type);
  };

  const toggle = (key: ChannelKey, show: boolean) =>
    setHidden((h) => {
      const next = new Set(h);
      if (show) next.delete(key);
      else next.add(key);
      return next;
    });

  const warnings = plan.data?.warnings ?? [];
  return (
    <div className={styles.page}>
      <div className={styles.filter} role="group" aria-label="Kanäle anzeigen">
        <Checkbox
          label="alle"
          checked={hidden.size === 0 ? true : hidden.size === CHANNEL_KEYS.length ? false : 'mixed'}
          onChange={(_, d) => setHidden(d.checked === true ? new Set() : new Set(CHANNEL_KEYS))}
        />
        {CHANNEL_KEYS.map((key) => (
          <Checkbox
            key={key}
            checked={!hidden.has(key)}
            onChange={(_, d) => toggle(key, d.checked === true)}
            label={
              <>
                <span className={styles.swatch} style={{ backgroundColor: CHANNEL_COLORS[key] }} aria-hidden />
                {CHANNEL_NAMES[key]}
              </>
            }
          />
        ))}
      </div>
      <div className={styles.head}>
        <Field label="Thema">
          <Select value={topicId} onChange={(_, d) => setTopicId(d.value)}>
            <option value="">alle</option>
            {(topics.data ?? []).map((t) => (
              <option key={t.id} value={String(t.id)}>
                {t.title}
              </option>
            ))}
          </Select>
        </Field>
        <div className={styles.grow} />
        <Text className={styles.hint}>
          Verschieben: ziehen, oder Beitrag mit Tab wählen und Alt+↑/↓ (15 Minuten), Alt+←/→ (ein Tag); Eingabetaste öffnet den Beitrag.
        </Text>
      </div>
      {range && <PlanExports from={range.from} to={range.to} />}

      <ErrorMessage error={plan.error} title="Der Plan lässt sich nicht laden" />
      <ErrorMessage
        error={move.error}
        title="Nicht verschoben"
        onReload={() => {
          move.reset();
          void queryClient.invalidateQueries({ queryKey: ['online.plan'] });
        }}
      />
      {problem && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{problem}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Hinweis schließen" icon={<DismissRegular />} onClick={() => setProblem(null)} />} />
        </MessageBar>
      )}
      {moved && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            <MessageBarTitle>„{moved.title}“ verschoben</MessageBarTitle>
            von {wallClockText(moved.from)} auf {wallClockText(moved.to)}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Hinweis schließen" icon={<DismissRegular />} onClick={() => setMoved(null)} />}>
            <Button onClick={undo} disabled={move.isPending}>
              Rückgängig
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Häufungen und Lücken im Plan</MessageBarTitle>
            <ul className={styles.warnings} aria-label="Häufungen und Lücken im Plan">
              {warnings.map((w) => (
                <li key={`${w.kind}|${w.channel}|${w.from}`}>{w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <div className={`rb-calendar ${styles.calendar}`} ref={container} onKeyDown={moveByKeyboard}>
        <FullCalendar
          {...CALENDAR_OPTIONS}
          events={events}
          datesSet={onDatesSet}
          eventClick={onEventClick}
          eventDidMount={onEventMount}
          eventDrop={onDrop}
        />
      </div>

      {dialog.opened && <PostDialog key={dialog.opened.key} postId={dialog.opened.target} topicId={null} onClose={dialog.close} />}
    </div>
  );
}
