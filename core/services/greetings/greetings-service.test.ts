/**
 * The greetings plan (Grußkalender) against a real SQLite file with the demo office: the exact
 * shape of `greetings.plan`, dates from the domain, recipients counted from the demo contacts and
 * the partnerships' status, confirmed dates, staff-added dates, and the letters produced into the
 * Postausgang (template, language, approval for Perm and Lomé, dispatch and history recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../api';
import { documentText } from '../../documents/docx-template';
import { occasionsOfYear, sendByForOccasion } from '../../domain/greetings';
import { createTempApp } from '../../../tests/support/temp-app';

type App = ReturnType<typeof createTempApp>;

describe('greetings plan', () => {
  let app: App;
  const contactId = async (query: string, kind?: 'person' | 'organisation') => {
    const { items } = await call(app.handlers, 'contacts.list', { query, kind });
    expect(items, query).toHaveLength(1);
    return items[0].id;
  };
  const overviewItem = async (year: number, key: string) => (await call(app.handlers, 'greetings.overview', { year })).occasions.find((o) => o.key === key)!;

  beforeAll(async () => {
    app = createTempApp();
    await call(app.handlers, 'demo.load', {});
  });
  afterAll(() => app.cleanup());

  it('plan 2027: exactly { date, key, name, calendar, recipients, sendBy }, dates from the domain', async () => {
    const plan = await call(app.handlers, 'greetings.plan', { year: 2027 });
    expect(Object.keys(plan)).toEqual(['occasions']);
    for (const o of plan.occasions) expect(Object.keys(o)).toEqual(['date', 'key', 'name', 'calendar', 'recipients', 'sendBy']);
    // The partnerships' countries: the nine partner cities' and Ukraine (solidarity partnership Krywyj Rih).
    const domain = occasionsOfYear(2027, { countries: ['GB', 'FR', 'TG', 'CN', 'LT', 'HN', 'TR', 'RU', 'US', 'UA'] });
    expect(plan.occasions.map((o) => [o.date, o.key, o.name, o.calendar])).toEqual(domain.map((o) => [o.date, o.key, o.name, o.calendar]));

    const byKey = new Map(plan.occasions.map((o) => [o.key, o]));
    // Rosch ha-Schana 5788: Saturday 2 October 2027 (begins the evening before), 7 days → Friday 24 September.
    expect(byKey.get('rosch-ha-schana')).toEqual({
      date: '2027-10-02',
      key: 'rosch-ha-schana',
      name: 'Rosch ha-Schana',
      calendar: 'hebrew',
      recipients: 2, // the rabbi and the chair of the Jüdische Kultusgemeinde (tag „Jüdische Gemeinde“)
      sendBy: '2027-09-24',
    });
    // 14 July: Calais's maire; 21 days of post abroad → Wednesday 23 June.
    expect(byKey.get('nationalfeiertag-fr')).toMatchObject({ date: '2027-07-14', recipients: 1, sendBy: '2027-06-23' });
    // Perm („ausgesetzt“) and Lomé („ruhend“) are not counted.
    expect(byKey.get('nationalfeiertag-ru')!.recipients).toBe(0);
    expect(byKey.get('nationalfeiertag-tg')!.recipients).toBe(0);
    // Eid al-Fitr: Gaziantep and the two Muslim communities; Spring Festival: Wuhan, Qingdao, the Chinese community.
    expect(byKey.get('eid-al-fitr')!.recipients).toBe(3);
    expect(byKey.get('chinesisches-neujahr')).toMatchObject({ date: '2027-02-06', calendar: 'chinese', recipients: 3 });
    // Christmas: nine partner cities with a mayor (not Perm, Lomé; Kaliningrad has no contact) and eight
    // consuls and ambassadors (their spouses and consulates not separately).
    expect(byKey.get('weihnachten')!.recipients).toBe(17);
    // Orthodox Christmas (julian) to the Greek Orthodox parish; Easter and New Year are off by default.
    expect(byKey.get('orthodox-weihnachten')).toMatchObject({ date: '2027-01-07', calendar: 'julian', recipients: 1 });
    expect(byKey.get('ostern')!.recipients).toBe(0);
    for (const o of plan.occasions) {
      const d = domain.find((x) => x.key === o.key && x.date === o.date)!;
      expect(o.sendBy <= (d.beginsEvening ?? d.date), o.key).toBe(true);
    }
  });

  it('overview: approvals pending, partnerships without a contact, proposals', async () => {
    const ru = await overviewItem(2027, 'nationalfeiertag-ru');
    expect(ru).toMatchObject({ recipients: 0, pendingApproval: 1, withoutContact: 0, produced: 0, proposal: false });
    const xmas = await overviewItem(2027, 'weihnachten');
    expect(xmas).toMatchObject({ pendingApproval: 2, withoutContact: 1 });
    const eid = await overviewItem(2027, 'eid-al-fitr');
    expect(eid).toMatchObject({ date: '2027-03-09', computedDate: '2027-03-09', proposal: true, confirmed: false, eveBefore: true, beginsEvening: '2027-03-08' });

    const detail = await call(app.handlers, 'greetings.occasion', { year: 2027, key: 'weihnachten', date: '2027-12-25' });
    const perm = detail.recipients.find((r) => r.partnership?.city === 'Perm')!;
    expect(perm).toMatchObject({ name: 'Andrej Sokolow', via: 'partnerstadt', needsApproval: true, templateId: 'partnerstadt-de', language: 'de' });
    expect(detail.recipients.find((r) => r.partnership?.city === 'Kaliningrad (Königsberg)')).toMatchObject({ contactId: null, problem: expect.stringContaining('keine Oberbürgermeisterin') });
    expect(detail.recipients.find((r) => r.partnership?.city === 'Calais')).toMatchObject({ templateId: 'partnerstadt-fr', language: 'fr', needsApproval: false });
    expect(detail.recipients.filter((r) => r.via === 'merkmal').every((r) => r.tag === 'Konsularisches Korps' && r.templateId === 'weihnachtsgruss')).toBe(true);
    expect(detail.rule).toMatchObject({ isDefault: true, leadDays: 21, recipients: { partnerCities: 'all' } });
  });

  it('a confirmed date replaces the proposal; the send-by date follows it', async () => {
    await expect(call(app.handlers, 'greetings.produce', { year: 2027, key: 'eid-al-fitr', date: '2027-03-09' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const confirmed = await call(app.handlers, 'greetings.confirm', { key: 'eid-al-fitr', year: 2027, computedDate: '2027-03-09', date: '2027-03-10' });
    expect(confirmed).toMatchObject({ date: '2027-03-10', confirmedBy: 'test' });
    const plan = await call(app.handlers, 'greetings.plan', { year: 2027 });
    const eid = plan.occasions.filter((o) => o.key === 'eid-al-fitr');
    expect(eid.map((o) => o.date)).toEqual(['2027-03-10']);
    expect(eid[0].sendBy).toBe(sendByForOccasion({ date: '2027-03-10', beginsEvening: '2027-03-09' }, 21));
    expect(await overviewItem(2027, 'eid-al-fitr')).toMatchObject({ date: '2027-03-10', computedDate: '2027-03-09', proposal: false, confirmed: true });

    await expect(call(app.handlers, 'greetings.confirm', { key: 'rosch-ha-schana', year: 2027, computedDate: '2027-10-02', date: '2027-10-03' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(call(app.handlers, 'greetings.confirm', { key: 'eid-al-adha', year: 2027, computedDate: '2027-05-16', date: '2027-08-01' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(app.handlers, 'greetings.confirm', { key: 'eid-al-adha', year: 2027, computedDate: '2027-05-17', date: '2027-05-17' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('staff-added dates enter the plan with their own rule; deleting removes them', async () => {
    const nouruz = await call(app.handlers, 'greetings.extras.save', { name: 'Nouruz (persisches Neujahr)', date: '03-21' });
    expect(nouruz).toMatchObject({ key: 'eigener-nouruz-persisches-neujahr', calendar: 'gregorian', eveBefore: false });
    let item = await overviewItem(2027, nouruz.key);
    expect(item).toMatchObject({ date: '2027-03-21', extra: true, recipients: 0, sendBy: '2027-03-12' });
    const feldheim = await contactId('Feldheim');
    await call(app.handlers, 'greetings.rules.save', {
      key: nouruz.key,
      active: true,
      recipients: { partnerCities: 'none', tags: [], contactIds: [feldheim] },
      templateId: 'feiertagsgruss',
      language: 'de',
      leadDays: 10,
    });
    item = await overviewItem(2027, nouruz.key);
    expect(item).toMatchObject({ recipients: 1, sendBy: '2027-03-11' });
    const once = await call(app.handlers, 'greetings.extras.save', { name: 'Stadtjubiläum Portsmouth', date: '2028-05-01' });
    expect((await call(app.handlers, 'greetings.plan', { year: 2027 })).occasions.some((o) => o.key === once.key)).toBe(false);
    expect((await call(app.handlers, 'greetings.plan', { year: 2028 })).occasions.find((o) => o.key === once.key)?.date).toBe('2028-05-01');

    await expect(call(app.handlers, 'greetings.extras.save', { name: 'Falsch', date: '02-30' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(app.handlers, 'greetings.extras.save', { key: 'pessach', name: 'Pessach', date: '04-01' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await call(app.handlers, 'greetings.extras.delete', { id: nouruz.id });
    await call(app.handlers, 'greetings.extras.delete', { id: once.id });
    expect((await call(app.handlers, 'greetings.plan', { year: 2027 })).occasions.some((o) => o.key.startsWith('eigener-'))).toBe(false);
    expect((await call(app.handlers, 'greetings.rules', {})).some((r) => r.key === nouruz.key)).toBe(false);
  });

  it('rules: template and language must match; reset restores the default', async () => {
    const base = { key: 'pessach', active: true, recipients: { partnerCities: 'none' as const, tags: ['Jüdische Gemeinde'], contactIds: [] }, leadDays: 14 };
    await expect(call(app.handlers, 'greetings.rules.save', { ...base, templateId: 'partnerstadt-en', language: 'de' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call(app.handlers, 'greetings.rules.save', { ...base, key: 'gibt-es-nicht', templateId: 'feiertagsgruss', language: 'de' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const saved = await call(app.handlers, 'greetings.rules.save', { ...base, templateId: 'feiertagsgruss', language: 'de' });
    expect(saved).toMatchObject({ isDefault: false, leadDays: 14, name: 'Pessach' });
    expect((await call(app.handlers, 'greetings.plan', { year: 2027 })).occasions.find((o) => o.key === 'pessach')!.sendBy).toBe('2027-04-07');
    const reset = await call(app.handlers, 'greetings.rules.reset', { key: 'pessach' });
    expect(reset).toMatchObject({ isDefault: true, leadDays: 7 });
    const rules = await call(app.handlers, 'greetings.rules', {});
    expect(rules.find((r) => r.key === 'nationalfeiertag-fr')).toMatchObject({ templateId: 'partnerstadt-fr', language: 'fr', leadDays: 21, recipients: { partnerCities: 'country' } });
  });

  it('produces Rosch ha-Schana letters into the Postausgang, once', async () => {
    const result = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'rosch-ha-schana', date: '2027-10-02' });
    expect(result.skipped).toEqual([]);
    expect(result.produced.map((p) => p.name).sort()).toEqual(['Dr. Miriam Feldheim', 'Elias Grünwald']);
    const { items } = await call(app.handlers, 'letters.list', { kind: 'feiertagsgruss' });
    const ours = items.filter((l) => result.produced.some((p) => p.letterId === l.id));
    expect(ours).toHaveLength(2);
    for (const letter of ours) {
      expect(letter).toMatchObject({ templateId: 'feiertagsgruss', status: 'entwurf', subject: 'Grüße zum Neujahrsfest Rosch ha-Schana', signerName: 'Dr. Petra Hovestadt' });
      const full = await call(app.handlers, 'letters.get', { id: letter.id });
      expect(full.language).toBe('de');
      const file = await call(app.handlers, 'letters.file', { id: letter.id });
      expect(documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body).toContain('zum Neujahrsfest Rosch ha-Schana grüße ich Sie');
    }
    expect(await overviewItem(2027, 'rosch-ha-schana')).toMatchObject({ produced: 2, recipients: 2 });
    const again = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'rosch-ha-schana', date: '2027-10-02' });
    expect(again.produced).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([expect.stringContaining('bereits erstellt'), expect.stringContaining('bereits erstellt')]);
    const detail = await call(app.handlers, 'greetings.occasion', { year: 2027, key: 'rosch-ha-schana', date: '2027-10-02' });
    expect(detail.letters.map((l) => l.letterId).sort()).toEqual(result.produced.map((p) => p.letterId).sort());
    expect(detail.recipients.every((r) => r.letterId !== null)).toBe(true);
  });

  it('Perm (ausgesetzt) only with approval; the approver is recorded, the letter enters the history', async () => {
    const refused = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'nationalfeiertag-ru', date: '2027-06-12' });
    expect(refused.produced).toEqual([]);
    expect(refused.skipped).toEqual([{ contactId: expect.any(Number), name: 'Andrej Sokolow', reason: 'Die Partnerschaft mit Perm ist ausgesetzt: ein Gruß nur mit ausdrücklicher Freigabe.' }]);
    const approved = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'nationalfeiertag-ru', date: '2027-06-12', approve: true });
    expect(approved.produced).toEqual([
      { contactId: expect.any(Number), name: 'Andrej Sokolow', letterId: expect.any(Number), templateId: 'partnerstadt-de', language: 'de', partnership: 'Perm', approvedBy: 'test' },
    ]);
    const letter = await call(app.handlers, 'letters.get', { id: approved.produced[0].letterId });
    expect(letter).toMatchObject({ templateId: 'partnerstadt-de', kind: 'partnerstadt', subject: 'Grüße aus Duisburg zum Tag Russlands' });
    expect(letter.recipientLines[0]).toBe('Herrn Oberbürgermeister der Stadt Perm');
    const detail = await call(app.handlers, 'greetings.occasion', { year: 2027, key: 'nationalfeiertag-ru', date: '2027-06-12' });
    expect(detail.letters).toEqual([expect.objectContaining({ letterId: letter.id, approvedBy: 'test' })]);
    expect(detail.occasion).toMatchObject({ produced: 1, recipients: 0, pendingApproval: 1 });

    const perm = (await call(app.handlers, 'partnerships.list', {})).find((p) => p.city === 'Perm')!;
    const history = await call(app.handlers, 'partnerships.history', { id: perm.id });
    expect(history).toEqual([expect.objectContaining({ kind: 'brief', letterId: letter.id, title: expect.stringContaining('freigegeben von test') })]);
  });

  it('Lomé (ruhend) in French after approval; Calais in French without', async () => {
    const lome = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'nationalfeiertag-tg', date: '2027-04-27' });
    expect(lome.skipped[0].reason).toContain('ruhend');
    const approved = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'nationalfeiertag-tg', date: '2027-04-27', approve: true });
    expect(approved.produced[0]).toMatchObject({ templateId: 'partnerstadt-fr', language: 'fr', partnership: 'Lomé', approvedBy: 'test' });
    const calais = await call(app.handlers, 'greetings.produce', { year: 2027, key: 'nationalfeiertag-fr', date: '2027-07-14' });
    expect(calais.produced).toEqual([expect.objectContaining({ templateId: 'partnerstadt-fr', language: 'fr', partnership: 'Calais', approvedBy: '' })]);
    const file = await call(app.handlers, 'letters.file', { id: calais.produced[0].letterId });
    const text = documentText(new Uint8Array(Buffer.from(file.contentBase64, 'base64'))).body;
    expect(text).toContain('À l’occasion de la fête nationale');
    expect(text).toContain('Monsieur le Maire');
  });

  it('partnerships: register, mayor proposed by city and office until linked, history entries', async () => {
    const list = await call(app.handlers, 'partnerships.list', {});
    expect(list.map((p) => p.city)).toEqual([
      'Portsmouth', 'Calais', 'Lomé', 'Wuhan', 'Vilnius', 'San Pedro Sula', 'Gaziantep', 'Perm', 'Fort Lauderdale', 'Qingdao', 'Kaliningrad (Königsberg)', 'Krywyj Rih',
    ]);
    const portsmouth = list[0];
    expect(portsmouth).toMatchObject({ country: 'GB', countryName: 'Vereinigtes Königreich', kind: 'partnerschaft', status: 'aktiv', language: 'en' });
    expect(portsmouth.mayor).toMatchObject({ name: 'Helen Pendleton', linked: false });
    const office = await contactId('Portsmouth City Council', 'organisation');
    const saved = await call(app.handlers, 'partnerships.save', {
      ...portsmouth,
      mayorContactId: portsmouth.mayor!.contactId,
      officeContactId: office,
    });
    expect(saved.mayor).toMatchObject({ name: 'Helen Pendleton', linked: true });
    expect(saved.office).toMatchObject({ name: 'Portsmouth City Council', linked: true });

    const visit = await call(app.handlers, 'partnerships.history.save', { partnershipId: portsmouth.id, date: '2026-12-08', kind: 'besuch', title: 'Delegation aus Portsmouth im Rathaus' });
    await call(app.handlers, 'partnerships.history.save', { partnershipId: portsmouth.id, date: '2025-05-10', kind: 'projekt', title: 'Schüleraustausch Gymnasium am Kaiserberg' });
    const history = await call(app.handlers, 'partnerships.history', { id: portsmouth.id });
    // Entered by hand (the demo office's visit to Portsmouth stands there too, from the visits register).
    expect(history.filter((h) => h.visitId === null).map((h) => h.title)).toEqual(['Delegation aus Portsmouth im Rathaus', 'Schüleraustausch Gymnasium am Kaiserberg']);
    const edited = await call(app.handlers, 'partnerships.history.save', { ...visit, title: 'Delegation aus Portsmouth', notes: 'Eintrag ins Goldene Buch' });
    expect(edited).toMatchObject({ id: visit.id, notes: 'Eintrag ins Goldene Buch' });
    expect((await call(app.handlers, 'partnerships.get', { id: portsmouth.id })).lastEvent).toEqual({ date: '2026-12-08', title: 'Delegation aus Portsmouth' });
    await expect(call(app.handlers, 'partnerships.history.save', { ...visit, partnershipId: list[1].id, title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Suspending Portsmouth takes it out of the count and asks for approval.
    const suspended = await call(app.handlers, 'partnerships.save', { ...saved, mayorContactId: saved.mayor!.contactId, officeContactId: office, status: 'ruhend' });
    expect(await overviewItem(2027, 'st-georges-day-gb')).toMatchObject({ recipients: 0, pendingApproval: 1 });
    await call(app.handlers, 'partnerships.save', { ...saved, revision: suspended.revision, mayorContactId: saved.mayor!.contactId, officeContactId: office, status: 'aktiv' });
    expect(await overviewItem(2027, 'st-georges-day-gb')).toMatchObject({ recipients: 1, pendingApproval: 0 });
  });

  it('the Islamic calendar source is a setting', async () => {
    expect(await call(app.handlers, 'greetings.settings', {})).toEqual({ islamicCalendar: 'islamic-umalqura' });
    await call(app.handlers, 'greetings.settings.save', { islamicCalendar: 'islamic-civil' });
    const civil = occasionsOfYear(2028, { islamicCalendar: 'islamic-civil', countries: [] }).find((o) => o.key === 'ramadan-beginn')!.date;
    expect((await overviewItem(2028, 'ramadan-beginn')).date).toBe(civil);
    await call(app.handlers, 'greetings.settings.save', { islamicCalendar: 'islamic-umalqura' });
    expect((await overviewItem(2028, 'ramadan-beginn')).date).toBe('2028-01-28');
  });
});
