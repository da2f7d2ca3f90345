import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import FullCalendar from '@fullcalendar/react';
import type { DateSelectArg, DatesSetArg, EventClickArg, EventContentArg, EventDropArg, EventInput, EventMountArg } from '@fullcalendar/core';
import deLocale from '@fullcalendar/core/locales/de';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular } from '@fluentui/react-icons';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarInfo, CalendarOccurrence } from '../../../../core/api';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useRecordDialog } from '../../components/use-dialog-state';
import { AppointmentDialog, type AppointmentTarget } from './AppointmentDialog';
import { CalendarFiles } from './CalendarFiles';
import { textColorOn } from './event-colors';
import { calendarLabel, STATUS_LABELS } from './labels';
import { describeSpan } from './spans';
import { dayWithMore, moreDayOf } from './month-days';
import { addDays, addMinutes, berlinNow, fromUtc, isComplete, minutesBetween } from './wall-clock';
import './calendar.css';
import { DateInput } from '../../components/DateInputs';

const useStyles = makeStyles({
  page: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`, display: 'grid', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  grow: { flexGrow: 1 },
  filter: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  swatch: { display: 'inline-block', width: '12px', height: '12px', borderRadius: '3px', marginRight: '6px', verticalAlign: '-1px' },
  calendar: { height: 'calc(100vh - 250px)', minHeight: '560px' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  conflicts: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

const ARROW_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

/** The date of a series an address names after the appointment (`2027-01-06T16:00`, an all-day one `2027-01-06`). */
const occurrenceIn = (detail: string | undefined) => (detail && /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/.test(detail) ? detail : undefined);

/** An occurrence's key in the calendar: a series has one appointment id and many starts. */
const keyOf = (appointmentId: number, start: string) => `${appointmentId}|${start}`;

interface Moved {
  title: string;
  when: string;
  conflicts: string[];
}

/** Everything about an occurrence in one sentence: tooltip and name for screen readers. */
function describeOccurrence(o: CalendarOccurrence, calendar: CalendarInfo | undefined): string {
  return [
    o.title,
    describeSpan(o),
    o.place,
    calendar && `Kalender: ${calendarLabel(calendar)}`,
    `Status: ${STATUS_LABELS[o.status]}`,
    o.driver && `Fahrdienst: ${o.driver}`,
    o.recurring && 'Serientermin',
  ]
    .filter(Boolean)
    .join(', ')
    .concat(o.conflicts.length ? `. ⚠ ${o.conflicts.join(' ')}` : '');
}


/** The months' views as one; a stable function, so TanStack Query keeps the result while nothing changed. */
function combineMonths(results: Array<{ data?: CalendarView; error: Error | null }>): { data: CalendarView | undefined; error: Error | null } {
  return {
    data: results.every((r) => r.data)
      ? { occurrences: results.flatMap((r) => r.data!.occurrences), holidays: results.flatMap((r) => r.data!.holidays) }
      : undefined,
    error: results.find((r) => r.error)?.error ?? null,
  };
}
type CalendarView = { occurrences: CalendarOccurrence[]; holidays: Array<{ date: string; name: string }> };

/** "2027-03" for each month the days from–to touch. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = shiftMonth(month, 1)) months.push(month);
  return months;
}
function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
function lastDayOf(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(year, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * The appointments of the Oberbürgermeister/in and the Bürgermeister/innen: day, week, month and
 * agenda; one colour per person, a filter per person; NRW holidays; conflicts marked. Appointments
 * move by drag and drop, by Alt+arrow keys (15 minutes, a day), or in their dialog (Enter).
 */
export function CalendarPage({ initialDate }: { initialDate?: string }) {
  const styles = useStyles();
  const queryClient = useQueryClient();
  const calendarRef = useRef<FullCalendar>(null);
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [viewType, setViewType] = useState('timeGridWeek');
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  // The appointment open is in the address (`#/calendar/appointment-12`, a date of a series after
  // it); a new one has its slot here until it is saved.
  const dialog = useRecordDialog('appointment');
  const [slot, setSlot] = useState<AppointmentTarget | null>(null);
  const target: AppointmentTarget | null = !dialog.opened
    ? null
    : dialog.opened.target === null
      ? slot
      : { appointmentId: dialog.opened.target, occurrenceStart: occurrenceIn(dialog.opened.detail) };
  const [moved, setMoved] = useState<Moved | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [goTo, setGoTo] = useState('');
  /** The calendar's current day (the day shown in the day view): the Tagesmappe's day. */
  const [shownDate, setShownDate] = useState<string | null>(initialDate ?? null);
  /** After a move by keyboard the moved appointment gets the focus back. */
  const pendingFocus = useRef<string | null>(null);
  /** The elements FullCalendar shows appointments in, by key. */
  const mounted = useRef(new Map<string, HTMLElement>());
  const pendingAnnotations = useRef(new Set<string>());

  const calendars = useQuery({ queryKey: ['calendar.calendars'], queryFn: () => api('calendar.calendars', {}) });
  const all = useMemo(() => calendars.data ?? [], [calendars.data]);
  const visible = all.filter((c) => !hidden.has(c.id));
  const calendarIds = hidden.size === 0 ? undefined : visible.map((c) => c.id);
  // Loaded month by month (a view shows parts of up to three) and the months on either side
  // ahead of time, so paging through the calendar shows the appointments at once.
  const months = range ? monthsBetween(range.from, range.to) : [];
  const monthQuery = (month: string) => ({
    queryKey: ['calendar.view', { month, calendarIds }],
    queryFn: () => api('calendar.view', { from: `${month}-01`, to: lastDayOf(month), calendarIds }),
    staleTime: 30_000,
  });
  const enabled = visible.length > 0;
  const view = useQueries({
    queries: months.map((month) => ({ ...monthQuery(month), enabled, placeholderData: keepPreviousData })),
    combine: combineMonths,
  });
  useEffect(() => {
    if (!enabled || months.length === 0) return;
    for (const month of [shiftMonth(months[0], -1), shiftMonth(months[months.length - 1], 1)]) void queryClient.prefetchQuery(monthQuery(month));
    // monthQuery is rebuilt each render from these values.
  }, [months.join(), enabled, calendarIds?.join(), queryClient]);

  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const occurrences = useMemo(() => {
    const list = visible.length ? (view.data?.occurrences ?? []) : [];
    return new Map(list.map((o) => [keyOf(o.appointmentId, o.start), o]));
  }, [view.data, visible.length]);
  // FullCalendar keeps its callbacks from the first render; they read the latest data here.
  const latest = useRef({ occurrences, byId });
  latest.current = { occurrences, byId };

  const events = useMemo((): EventInput[] => {
    const eventOf = (key: string, o: CalendarOccurrence): EventInput => {
      const color = byId.get(o.calendarId)?.color ?? '#616161';
      return {
        id: key,
        title: o.conflicts.length ? `⚠ ${o.title}` : o.title,
        start: o.start,
        end: o.end,
        allDay: o.allDay,
        backgroundColor: color,
        borderColor: color,
        textColor: textColorOn(color),
        // A date of a series moves on its own (it leaves the series).
        editable: true,
        classNames: [o.conflicts.length && 'rb-conflict', o.status === 'abgesagt' && 'rb-cancelled', o.status === 'geplant' && 'rb-planned'].filter(
          (c): c is string => Boolean(c),
        ),
      };
    };
    const items: EventInput[] = [];
    if (viewType === 'dayGridMonth') {
      // The month shows a few appointments per day and "+ n weitere", which opens the day: handing
      // FullCalendar only what it shows keeps a full month (hundreds of appointments) quick.
      const byDay = new Map<string, Array<[string, CalendarOccurrence]>>();
      for (const entry of occurrences) {
        const [, o] = entry;
        if (o.allDay && o.end > addDays(o.start, 1)) {
          items.push(eventOf(...entry));
          continue;
        }
        const day = o.start.slice(0, 10);
        const list = byDay.get(day);
        if (list) list.push(entry);
        else byDay.set(day, [entry]);
      }
      for (const [day, list] of byDay) {
        list.sort((a, b) => Number(b[1].allDay) - Number(a[1].allDay) || a[1].start.localeCompare(b[1].start));
        items.push(...dayWithMore(day, list, (entry) => eventOf(...entry)));
      }
    } else {
      for (const entry of occurrences) items.push(eventOf(...entry));
    }
    for (const h of view.data?.holidays ?? []) {
      items.push({ id: `holiday|${h.date}`, title: h.name, start: h.date, end: addDays(h.date, 1), allDay: true, display: 'background', classNames: ['rb-holiday'] });
    }
    return items;
  }, [occurrences, byId, view.data?.holidays, viewType]);

  const move = useMutation({
    mutationFn: ({ occurrence, start, end }: { occurrence: CalendarOccurrence; start: string; end: string; revert?: () => void }) =>
      api('calendar.appointments.move', { id: occurrence.appointmentId, revision: occurrence.revision, start, end, occurrenceStart: occurrence.recurring ? occurrence.start : undefined }),
    onMutate: () => {
      setMoved(null);
      setProblem(null);
    },
    onSuccess: async (result, { occurrence }) => {
      const a = result.appointment;
      // A moved date of a series is an appointment of its own now: the focus follows it.
      if (pendingFocus.current && a.id !== occurrence.appointmentId) pendingFocus.current = keyOf(a.id, a.start);
      queryClient.setQueryData(['calendar.appointments.get', a.id], a);
      setMoved({ title: a.title, when: describeSpan(a), conflicts: result.conflicts });
      await queryClient.invalidateQueries({ queryKey: ['calendar.view'] });
    },
    onError: (_, { revert }) => {
      pendingFocus.current = null;
      revert?.();
    },
  });

  const occurrenceOf = (id: string) => latest.current.occurrences.get(id);

  const moveByMouse = (info: EventDropArg | EventResizeDoneArg) => {
    const occurrence = occurrenceOf(info.event.id);
    if (!occurrence || !info.event.start) return info.revert();
    if (info.event.allDay !== occurrence.allDay) {
      info.revert();
      setProblem('Ein Termin mit Uhrzeit wird nicht zum ganztägigen Termin gezogen (und umgekehrt): Bitte im Termin „ganztägig“ ändern.');
      return;
    }
    const start = fromUtc(info.event.start, occurrence.allDay);
    const end = info.event.end ? fromUtc(info.event.end, occurrence.allDay) : addMinutes(start, minutesBetween(occurrence.start, occurrence.end));
    move.mutate({ occurrence, start, end, revert: info.revert });
  };

  /** Alt+↑/↓: 15 minutes earlier or later; Alt+←/→: a day earlier or later. */
  const moveByKeyboard = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.altKey || !ARROW_KEYS.includes(e.key)) return;
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-event-key]');
    const occurrence = el && occurrenceOf(el.dataset.eventKey ?? '');
    if (!occurrence) return;
    e.preventDefault();
    const vertical = e.key === 'ArrowUp' || e.key === 'ArrowDown';
    if (vertical && occurrence.allDay) return;
    const step = e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1;
    const shift = (value: string) => (vertical ? addMinutes(value, 15 * step) : addDays(value, step));
    const start = shift(occurrence.start);
    pendingFocus.current = keyOf(occurrence.appointmentId, start);
    move.mutate({ occurrence, start, end: shift(occurrence.end) });
  };

  const defaultCalendarId = () => (visible.length === 1 ? visible[0].id : (all.find((c) => !c.deputy)?.id ?? null));

  const openNew = (slot?: { start: string; end: string; allDay: boolean }) => {
    const now = berlinNow();
    const start = slot?.start ?? `${now.slice(0, 11)}${String(Math.min(23, Number(now.slice(11, 13)) + 1)).padStart(2, '0')}:00`;
    setSlot({ calendarId: defaultCalendarId(), start, end: slot?.end ?? addMinutes(start, 60), allDay: slot?.allDay ?? false });
    dialog.open(null);
  };

  const onSelect = (info: DateSelectArg) => {
    info.view.calendar.unselect();
    const allDay = info.allDay;
    let start = fromUtc(info.start, allDay);
    let end = fromUtc(info.end, allDay);
    if (allDay && info.view.type === 'dayGridMonth' && end === addDays(start, 1)) {
      // One day clicked in the month: an appointment with a time that day.
      return openNew({ start: `${start}T09:00`, end: `${start}T10:00`, allDay: false });
    }
    if (!allDay && minutesBetween(start, end) <= 30) end = addMinutes(start, 60);
    if (allDay) start = start.slice(0, 10);
    openNew({ start, end, allDay });
  };

  const onEventClick = (info: EventClickArg) => {
    info.jsEvent.preventDefault();
    const moreDay = moreDayOf(info.event.id);
    if (moreDay) {
      info.view.calendar.changeView('timeGridDay', moreDay);
      return;
    }
    const occurrence = occurrenceOf(info.event.id);
    if (!occurrence) return;
    dialog.open(occurrence.appointmentId, occurrence.recurring ? occurrence.start : undefined);
  };

  /**
   * Tooltip and accessible description of an appointment's element, from the latest data. Its
   * name is what it shows (time, title, place), so what is seen is what a screen reader names.
   */
  const annotate = (el: HTMLElement, key: string) => {
    const occurrence = occurrenceOf(key);
    if (!occurrence) return;
    const text = describeOccurrence(occurrence, latest.current.byId.get(occurrence.calendarId));
    el.dataset.eventKey = key;
    el.dataset.calendarId = String(occurrence.calendarId);
    el.setAttribute('role', 'button');
    el.title = text;
  };

  const onEventMount = (info: EventMountArg) => {
    if (!occurrenceOf(info.event.id)) {
      info.el.title = info.event.title;
      return;
    }
    mounted.current.set(info.event.id, info.el);
    // Annotated in one batch after FullCalendar has measured its rows: attribute changes between
    // its measurements would force the browser to lay the month out again for every event.
    pendingAnnotations.current.add(info.event.id);
    if (pendingAnnotations.current.size === 1) {
      requestAnimationFrame(() => {
        for (const key of pendingAnnotations.current) {
          const el = mounted.current.get(key);
          if (el) annotate(el, key);
        }
        pendingAnnotations.current.clear();
      });
    }
    if (pendingFocus.current === info.event.id) {
      pendingFocus.current = null;
      const el = info.el;
      requestAnimationFrame(() => el.focus());
    }
  };
  const onEventUnmount = (info: EventMountArg) => {
    if (mounted.current.get(info.event.id) === info.el) mounted.current.delete(info.event.id);
  };
  // FullCalendar keeps an element when only the data behind it changed (a driver assigned, a new conflict).
  useEffect(() => {
    for (const [key, el] of mounted.current) annotate(el, key);
  });

  const eventContent = (arg: EventContentArg) => {
    if (moreDayOf(arg.event.id)) return <span className="rb-more-label">{arg.event.title}</span>;
    const occurrence = occurrenceOf(arg.event.id);
    if (!occurrence || !arg.view.type.startsWith('timeGrid') || arg.event.allDay) return true;
    return (
      <div className="fc-event-main-frame">
        {arg.timeText && <div className="fc-event-time">{arg.timeText}</div>}
        <div className="fc-event-title-container">
          <div className="fc-event-title fc-sticky">{arg.event.title}</div>
          {occurrence.place && <div className="rb-event-place">{occurrence.place}</div>}
        </div>
      </div>
    );
  };

  const onDatesSet = (info: DatesSetArg) => {
    const from = fromUtc(info.start, true);
    const to = addDays(fromUtc(info.end, true), -1);
    setRange((r) => (r?.from === from && r.to === to ? r : { from, to }));
    setViewType(info.view.type);
    setShownDate(fromUtc(info.view.calendar.getDate(), true));
  };

  const toggle = (id: number, show: boolean) =>
    setHidden((h) => {
      const next = new Set(h);
      if (show) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Termine</Title2>
        <div className={styles.grow} />
        <DateInput
          label="Gehe zu Datum"
          value={goTo}
          onChange={(value) => {
            setGoTo(value);
            if (isComplete(value, true)) {
              calendarRef.current?.getApi().gotoDate(value);
              setShownDate(value);
            }
          }}
        />
        <Button appearance="primary" icon={<AddRegular />} onClick={() => openNew()}>
          Neuer Termin …
        </Button>
      </div>

      <div className={styles.filter} role="group" aria-label="Kalender anzeigen">
        <Checkbox
          label="alle"
          checked={hidden.size === 0 ? true : hidden.size === all.length ? false : 'mixed'}
          onChange={(_, d) => setHidden(d.checked === true ? new Set() : new Set(all.map((c) => c.id)))}
        />
        {all.map((c) => (
          <Checkbox
            key={c.id}
            checked={!hidden.has(c.id)}
            onChange={(_, d) => toggle(c.id, d.checked === true)}
            label={
              <>
                <span className={styles.swatch} style={{ backgroundColor: c.color }} aria-hidden />
                {calendarLabel(c)}
              </>
            }
          />
        ))}
        <span className={styles.grow} />
        <Text className={styles.hint}>
          Verschieben: ziehen, oder Termin mit Tab wählen und Alt+↑/↓ (15 Minuten), Alt+←/→ (ein Tag); Eingabetaste öffnet den Termin.
        </Text>
      </div>

      <CalendarFiles calendars={all} visible={visible} date={shownDate} defaultCalendarId={defaultCalendarId()} />

      <ErrorMessage error={calendars.error ?? view.error} title="Die Termine lassen sich nicht laden" />
      <ErrorMessage error={move.error} title="Nicht verschoben" />
      {problem && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{problem}</MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Hinweis schließen" icon={<DismissRegular />} onClick={() => setProblem(null)} />} />
        </MessageBar>
      )}
      {moved && (
        <MessageBar layout={moved.conflicts.length ? 'multiline' : 'auto'} intent={moved.conflicts.length ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            <MessageBarTitle>„{moved.title}“ verschoben</MessageBarTitle>
            {moved.when}
            {moved.conflicts.length > 0 && (
              <ul className={styles.conflicts} aria-label="Überschneidungen">
                {moved.conflicts.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
          <MessageBarActions containerAction={<Button appearance="transparent" aria-label="Hinweis schließen" icon={<DismissRegular />} onClick={() => setMoved(null)} />} />
        </MessageBar>
      )}

      <div className={`rb-calendar ${styles.calendar}`} onKeyDown={moveByKeyboard}>
        <FullCalendar
          ref={calendarRef}
          plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
          locale={deLocale}
          // Wall-clock times as written (Europe/Berlin in the API): no shift by the computer's zone.
          timeZone="UTC"
          now={() => berlinNow()}
          initialView="timeGridWeek"
          initialDate={initialDate}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: 'timeGridDay,timeGridWeek,dayGridMonth,listWeek' }}
          // Words, not FullCalendar's arrow icons (images without a name); the hint says how far: „Vorherige Woche“.
          buttonIcons={false}
          buttonText={{ prev: 'Zurück', next: 'Weiter' }}
          views={{ listWeek: { buttonText: 'Agenda' }, dayGridMonth: { dayMaxEvents: false } }}
          firstDay={1}
          weekNumbers
          nowIndicator
          height="100%"
          scrollTime="07:30:00"
          slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
          defaultRangeSeparator="–"
          dayMaxEvents
          editable
          selectable
          selectMirror
          events={events}
          datesSet={onDatesSet}
          select={onSelect}
          eventClick={onEventClick}
          eventDidMount={onEventMount}
          eventWillUnmount={onEventUnmount}
          eventContent={eventContent}
          eventDrop={moveByMouse}
          eventResize={moveByMouse}
        />
      </div>

      <AppointmentDialog key={dialog.opened?.key ?? 'closed'} target={target} calendars={all} onClose={dialog.close} />
    </div>
  );
}
