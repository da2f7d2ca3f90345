import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../api';
import { addDays } from '../../domain/calendar/time';
import { bmgAllowsBirthday } from '../../domain/jubilees/honour-rules';
import { createTempApp } from '../../../tests/support/temp-app';
import { importExtract } from '../../../tests/support/register-import';
import { STANDARD_COLUMNS } from '../residents/register-extract';

const TODAY = '2026-11-27';
let app: ReturnType<typeof createTempApp>;
beforeEach(() => {
  app = createTempApp({ now: () => new Date(`${TODAY}T09:00:00Z`) });
});
afterEach(() => app.cleanup());

const count = (sql: string) => app.db.$client.prepare(sql).pluck().get() as number;

describe('demo office: every register has something to show', () => {
  beforeEach(async () => {
    await call(app.handlers, 'demo.load', {});
  });

  it('patronages requested, taken on and declined', async () => {
    const decisions = new Set((await call(app.handlers, 'patronages.list', {})).map((p) => p.decision));
    expect([...decisions].sort()).toEqual(['abgelehnt', 'offen', 'uebernommen']);
  });

  it('visits in both directions, with guests, a programme, a seating plan and Golden Book entries', async () => {
    const visits = await call(app.handlers, 'visits.list', {});
    expect(new Set(visits.map((v) => v.direction))).toEqual(new Set(['eingehend', 'ausgehend']));
    expect(visits.some((v) => v.guests > 0 && v.appointmentCount > 0 && v.hasSeating)).toBe(true);
    const seated = visits.find((v) => v.hasSeating)!;
    const plan = await call(app.handlers, 'seating.get', { visitId: seated.id });
    expect(plan!.tables.flatMap((t) => t.seats).filter((s) => s.contactId !== null).length).toBeGreaterThan(4);
    expect((await call(app.handlers, 'visits.goldenBook', {})).length).toBeGreaterThan(0);
  });

  it('gifts in stock, given and received (one still to be reported)', async () => {
    const items = await call(app.handlers, 'gifts.items', {});
    expect(items.length).toBeGreaterThan(2);
    expect((await call(app.handlers, 'gifts.given', {})).length).toBeGreaterThan(0);
    expect(items.some((i) => i.given > 0)).toBe(true);
    const received = await call(app.handlers, 'gifts.received', {});
    expect(received.length).toBeGreaterThan(1);
    expect(received.some((r) => r.reportMissing)).toBe(true);
  });

  it('press releases in several states, media contacts, distribution lists, a press appointment and enquiries', async () => {
    const statuses = new Set((await call(app.handlers, 'press.releases.list', {})).map((r) => r.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    expect((await call(app.handlers, 'press.media.list', {})).length).toBeGreaterThan(3);
    expect((await call(app.handlers, 'press.lists.list', {})).every((l) => l.members.length > 0)).toBe(true);
    expect((await call(app.handlers, 'press.lists.list', {})).length).toBeGreaterThan(1);
    const [invited] = await call(app.handlers, 'press.invitations.counts', {});
    expect(invited.invited).toBeGreaterThan(invited.accepted);
    expect(invited.accepted).toBeGreaterThan(0);
    const enquiries = await call(app.handlers, 'press.enquiries.list', {});
    expect(enquiries.some((e) => e.answeredAt !== null)).toBe(true);
    expect(enquiries.some((e) => e.answeredAt === null && !e.overdue)).toBe(true);
    expect(enquiries.some((e) => e.overdue)).toBe(true);
  });

  it("citizens' talks and walks, coming and past, with registrations", async () => {
    const events = await call(app.handlers, 'citizenEvents.list', { period: 'all' });
    expect(new Set(events.map((e) => e.kind))).toEqual(new Set(['gespraech', 'spaziergang']));
    expect(events.some((e) => e.past)).toBe(true);
    expect(events.filter((e) => !e.past && e.registered > 0).length).toBeGreaterThan(1);
    expect(events.some((e) => e.kind === 'spaziergang' && e.route.length > 2)).toBe(true);
  });

  it('volunteering enquiries (open and referred) and offers of clubs', async () => {
    const outcomes = new Set((await call(app.handlers, 'volunteering.enquiries', {})).map((e) => e.outcome));
    expect(outcomes.has('offen') && outcomes.has('vermittelt')).toBe(true);
    expect((await call(app.handlers, 'volunteering.offers', {})).flatMap((g) => g.offers).length).toBeGreaterThan(3);
  });

  it('a register extract with the jubilees of the weeks around today, and a visit planned', async () => {
    expect((await call(app.handlers, 'residents.status', {})).residents).toBeGreaterThan(200);
    expect(app.db.$client.prepare('select added, rejected from resident_imports').all()).toEqual([{ added: count('select count(*) from residents'), rejected: 0 }]);
    const month = (await call(app.handlers, 'jubilees.list', { from: TODAY, to: addDays(TODAY, 28) })).entries;
    expect(month.filter((e) => e.kind === 'birthday').length).toBeGreaterThan(10);
    expect(month.filter((e) => e.kind === 'wedding').length).toBeGreaterThan(2);
    expect(month.some((e) => e.due.some((d) => d.action === 'notify_federal' || d.action === 'notify_land'))).toBe(true);
    expect((await call(app.handlers, 'jubilees.list', { from: addDays(TODAY, -14), to: TODAY })).entries.length).toBeGreaterThan(3);
    expect((await call(app.handlers, 'jubilees.visits.list', { from: TODAY, to: addDays(TODAY, 60) })).length).toBeGreaterThan(0);
  });

  it('people the register blocks (objection, information block, care home, deceased, moved away) never appear on a jubilee list', async () => {
    const blocked = app.db.$client
      .prepare(
        `select register_id as id, birth_date as born, objection, information_block as block, conditional_block as care,
                death_date is not null as dead, moved_away as moved from residents
         where objection = 1 or information_block = 1 or conditional_block = 1 or death_date is not null or moved_away = 1`,
      )
      .all() as Array<{ id: string; born: string; objection: number; block: number; care: number; dead: number; moved: number }>;
    for (const reason of ['objection', 'block', 'care', 'dead', 'moved'] as const) expect(blocked.some((r) => r[reason] === 1), reason).toBe(true);
    // They have jubilees in these weeks: a list that ignored the blocks would show them.
    const from = addDays(TODAY, -14);
    const to = addDays(TODAY, 42);
    const birthdayIn = (born: string) => [Number(from.slice(0, 4)), Number(to.slice(0, 4))].map((y) => `${y}${born.slice(4)}`).find((d) => d >= from && d <= to);
    expect(blocked.filter((r) => birthdayIn(r.born) && bmgAllowsBirthday(Number(birthdayIn(r.born)!.slice(0, 4)) - Number(r.born.slice(0, 4)))).length).toBeGreaterThanOrEqual(5);
    const listed = new Set((await call(app.handlers, 'jubilees.list', { from, to })).entries.flatMap((e) => e.persons.map((p) => p.registerId)));
    expect(listed.size).toBeGreaterThan(10);
    expect(blocked.filter((r) => listed.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});

describe('loading the demo office', () => {
  it('is all or nothing: a failure late in the load leaves the database as it was', async () => {
    const tables = app.db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[];
    const before = Object.fromEntries(tables.map((t) => [t, count(`select count(*) from "${t}"`)]));
    // The last register the demo fills refuses every row.
    app.db.$client.exec("create temp trigger refuse before insert on main.jubilee_visits begin select raise(abort, 'abgelehnt'); end");
    const failed = await dispatch(app.handlers, 'demo.load', {});
    expect(failed.ok ? null : failed.error.message).toMatch(/abgelehnt/);
    expect(Object.fromEntries(tables.map((t) => [t, count(`select count(*) from "${t}"`)]))).toEqual(before);
    app.db.$client.exec('drop trigger temp.refuse');
    expect((await dispatch(app.handlers, 'demo.load', {})).ok).toBe(true);
    expect(count('select count(*) from residents')).toBeGreaterThan(200);
  });

  it('leaves a register extract the office imported alone', async () => {
    const extract = [STANDARD_COLUMNS.join(';'), ['R1', 'Groß', 'Erna', '', 'w', '03.12.1936', 'Königstraße', '5', '47051', 'Duisburg', 'Mitte', '', '', '', '', '', '', ''].join(';')].join('\n');
    await importExtract(app.handlers, new TextEncoder().encode(extract));
    await call(app.handlers, 'demo.load', {});
    expect(app.db.$client.prepare('select register_id, gone from residents').all()).toEqual([{ register_id: 'R1', gone: 0 }]);
    expect(count('select count(*) from resident_imports')).toBe(1);
  });
});
