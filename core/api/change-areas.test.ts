import { describe, expect, it } from 'vitest';
import { AREAS, areaOf, changedAreas, CHANGED_BY_JOB, isInAreas } from './change-areas';
import { contract, METHOD_NAMES } from './contract';

const MUTATING = METHOD_NAMES.filter((name) => contract[name].mutates);

describe('which areas a change touches', () => {
  it('every method that changes data changes at least its own area', () => {
    const missing = MUTATING.filter((name) => !changedAreas(name).includes(areaOf(name)));
    expect(missing).toEqual([]);
  });

  it('names only areas the contract has, each once', () => {
    for (const name of MUTATING) {
      const areas = changedAreas(name);
      expect(areas.filter((area) => !AREAS.includes(area)), name).toEqual([]);
      expect(new Set(areas).size, name).toBe(areas.length);
    }
  });

  it('a query changes nothing', () => {
    const queries = METHOD_NAMES.filter((name) => !contract[name].mutates);
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.filter((name) => changedAreas(name).length > 0)).toEqual([]);
  });

  it('an area is the first part of the method name', () => {
    expect(areaOf('calendar.appointments.save')).toBe('calendar');
    expect(areaOf('citizenEvents.register')).toBe('citizenEvents');
    expect(AREAS).toContain('contacts');
    expect(AREAS).toContain('carpool');
    expect(AREAS).not.toContain('calendar.appointments');
  });

  it.each([
    // A letter produced from the greetings plan: the plan, the Postausgang, the partnership's history.
    ['greetings.produce', ['greetings', 'letters', 'partnerships'], ['contacts']],
    // A contact's name shows in appointments, visits, the press lists …
    ['contacts.update', ['contacts', 'app', 'calendar', 'visits', 'press', 'volunteering'], ['letters', 'requests']],
    // An invitation accepted puts an appointment into the calendar.
    ['invitations.decide', ['invitations', 'calendar', 'speeches'], ['contacts']],
    // A visit records itself in the partnership's history; its seating plan shows on the visit.
    ['visits.save', ['visits', 'partnerships', 'seating', 'gifts'], ['calendar']],
    ['seating.save', ['seating', 'visits'], ['calendar']],
    // A citizen's request shows at the citizens' event and in the access log.
    ['requests.save', ['requests', 'citizenEvents', 'citizens', 'privacy'], ['letters']],
    // A register import changes the jubilee lists.
    ['residents.import.start', ['residents', 'jubilees'], ['letters']],
    ['letters.merge.start', ['letters', 'jubilees', 'greetings', 'requests'], ['contacts']],
    ['calendar.appointments.save', ['calendar', 'visits', 'press', 'speeches'], ['contacts', 'letters']],
    // The online plan's proposals: an appointment marked öffentlich, an embargo, a holiday, a citizens' talk.
    ['calendar.appointments.save', ['online'], []],
    ['press.releases.save', ['press', 'online'], ['calendar']],
    ['greetings.extras.save', ['greetings', 'online'], ['calendar']],
    ['citizenEvents.save', ['citizenEvents', 'online'], ['press']],
  ] as const)('%s changes %j and not %j', (method, includes, excludes) => {
    const areas = changedAreas(method);
    for (const area of includes) expect(areas).toContain(area);
    for (const area of excludes) expect(areas).not.toContain(area);
  });

  it.each(['demo.load', 'settings.office.update', 'privacy.citizen.erase'] as const)('%s changes everything', (method) => {
    expect(changedAreas(method)).toEqual(AREAS);
  });

  it('the methods whose change a background job makes are methods that change data', () => {
    for (const name of CHANGED_BY_JOB) expect(contract[name].mutates, name).toBe(true);
  });
});

describe('which queries belong to an area', () => {
  it.each([
    ['calendar.view', ['calendar'], true],
    ['calendar.appointments.get', ['calendar'], true],
    ['carpool.drivers', ['calendar'], false],
    ['contacts.list', ['calendar', 'contacts'], true],
    ['contactsX.list', ['contacts'], false],
    ['citizenEvents.list', ['citizens'], false],
    ['citizens.search', ['citizens'], true],
    ['preview', ['contacts'], false],
    [42, ['contacts'], false],
  ] as const)('%j in %j: %s', (head, areas, expected) => {
    expect(isInAreas(head, areas)).toBe(expected);
  });
});
