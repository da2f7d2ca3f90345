import { z } from 'zod';
import type { Replaces } from './record-inputs';
import { officeJobSchema } from './schemas/jobs';
import {
  composeInputSchema,
  addressFormsSchema,
  personSchema,
  roleSchema,
  languageSchema,
} from './schemas/addressing';
import {
  contactInputSchema,
  contactSchema,
  contactListInputSchema,
  contactListOutputSchema,
  contactAddressingSchema,
  csvFileSchema,
  csvAnalysisSchema,
  columnMappingSchema,
  importPreviewSchema,
} from './schemas/contacts';
import {
  fileContentSchema,
  letterDraftSchema,
  letterListInputSchema,
  letterPreparationSchema,
  letterSchema,
  letterStatusSchema,
  letterSummarySchema,
  mergeInputSchema,
  mergeStatusSchema,
  officeSettingsSchema,
  officeHolderSchema,
  placeholderInfoSchema,
  signerInputSchema,
  signerSchema,
  templateInfoSchema,
  textBlockInputSchema,
  textBlockSchema,
} from './schemas/letters';
import {
  accessLogEntrySchema,
  citizenEraseInputSchema,
  citizenErasureReportSchema,
  citizenExportInputSchema,
  privacySettingsSchema,
  retentionReportSchema,
} from './schemas/privacy';
import {
  jubileeEntrySchema,
  jubileeNotificationsMarkSchema,
  jubileesListInputSchema,
  jubileesOverviewSchema,
  jubileeVisitInputSchema,
  jubileeVisitSchema,
  mappingProfileSchema,
  registerInspectionSchema,
  residentImportJobSchema,
  residentImportStartSchema,
  uploadChunkSchema,
  uploadSchema,
} from './schemas/residents';
import {
  absenceInputSchema,
  absenceSchema,
  appointmentInputSchema,
  appointmentSavedSchema,
  appointmentSchema,
  calendarInputSchema,
  calendarRangeSchema,
  calendarSchema,
  calendarSettingsSchema,
  calendarViewSchema,
  driverInputSchema,
  driverSchema,
  invitationDecidedSchema,
  invitationDecisionSchema,
  invitationInputSchema,
  invitationSchema,
  invitationStatusSchema,
  vehicleInputSchema,
  vehicleSchema,
} from './schemas/calendar';
import {
  greetingInputSchema,
  greetingSchema,
  speechComparisonSchema,
  speechDetailSchema,
  speechDocumentInputSchema,
  speechInputSchema,
  speechRestoreInputSchema,
  speechListInputSchema,
  speechSchema,
  speechSearchInputSchema,
  speechSearchResultSchema,
  speechSettingsSchema,
  speechVersionDetailSchema,
  speechVersionSchema,
} from './schemas/speeches';
import { patronageDecidedSchema, patronageDecideSchema, patronageDecisionSchema, patronageInputSchema, patronageSchema } from './schemas/patronages';
import {
  greetingConfirmationSchema,
  greetingConfirmInputSchema,
  greetingExtraInputSchema,
  greetingExtraSchema,
  greetingKeyInputSchema,
  greetingOccasionInputSchema,
  greetingOccasionSchema,
  greetingOverviewSchema,
  greetingPlanSchema,
  greetingProducedSchema,
  greetingProduceInputSchema,
  greetingRuleInputSchema,
  greetingRuleSchema,
  greetingSettingsSchema,
  greetingYearInputSchema,
  partnershipEventInputSchema,
  partnershipEventSchema,
  partnershipInputSchema,
  partnershipSchema,
} from './schemas/greetings';
import {
  giftCheckInputSchema,
  giftGivenListInputSchema,
  giftGivenSchema,
  giftGiveInputSchema,
  giftItemInputSchema,
  giftItemSchema,
  giftReceivedInputSchema,
  giftReceivedListInputSchema,
  giftReceivedSchema,
  giftSettingsSchema,
  goldenBookEntrySchema,
  goldenBookInputSchema,
  seatingDocumentInputSchema,
  seatingPlanSchema,
  seatingProposalSchema,
  seatingProposeInputSchema,
  seatingSaveInputSchema,
  visitInputSchema,
  visitListInputSchema,
  visitSchema,
  visitSummarySchema,
} from './schemas/visits';
import {
  citizenSchema,
  departmentInputSchema,
  departmentSchema,
  requestHistoryEntrySchema,
  requestInputSchema,
  requestListInputSchema,
  requestListSchema,
  requestListItemSchema,
  requestSchema,
  requestStatsInputSchema,
  requestStatsSchema,
  requestStepResultSchema,
  requestStepSchema,
} from './schemas/citizen-requests';
import {
  citizenEventDetailSchema,
  citizenEventDocumentInputSchema,
  citizenEventInputSchema,
  citizenEventListInputSchema,
  citizenEventSchema,
  eventRegistrationInputSchema,
  volunteerEnquiryInputSchema,
  volunteerEnquiryListInputSchema,
  volunteerEnquirySchema,
  volunteerMatchingInputSchema,
  volunteerOfferGroupsSchema,
  volunteerOfferInputSchema,
  volunteerOfferSchema,
  volunteerOffersInputSchema,
} from './schemas/citizen-events';
import {
  distributionListInputSchema,
  distributionListSchema,
  mediaContactInputSchema,
  mediaContactSchema,
  pressEnquiryAnswerSchema,
  pressEnquiryInputSchema,
  pressEnquiryListInputSchema,
  pressEnquirySchema,
  pressInvitationCountSchema,
  pressInvitationsSaveSchema,
  pressInvitationsSchema,
  pressReleaseExportInputSchema,
  pressReleaseInputSchema,
  pressReleaseListInputSchema,
  pressReleaseListItemSchema,
  pressReleaseSchema,
  pressReleaseStepInputSchema,
} from './schemas/press';
import {
  crisisPublishInputSchema,
  crisisStateSchema,
  crisisSwitchInputSchema,
  holdingStatementInputSchema,
  holdingStatementSchema,
  onlineCheckInputSchema,
  onlineCheckResultSchema,
  onlinePostInputSchema,
  onlinePostMediaFileInputSchema,
  onlineExportInputSchema,
  onlinePlanInputSchema,
  onlinePlanSchema,
  onlinePostListInputSchema,
  onlinePostSchema,
  onlinePostStepInputSchema,
  onlineSettingsSchema,
  onlineTopicDetailSchema,
  onlineTopicInputSchema,
  onlineTopicSchema,
  onlineProposalDismissInputSchema,
  onlineProposalListInputSchema,
  onlineProposalSchema,
  onlineProposalTakeInputSchema,
} from './schemas/online';
import { honourRulesPatchSchema, honourRulesSchema } from '../domain/jubilees/honour-rules';
import { germanIssueMessage } from './german-issues';
import {
  base64Content,
  fileNameSchema,
  isoDate,
  jobIdSchema,
  localDateOrDateTime,
  MAX_INLINE_FILE_BYTES,
  multiLine,
  recordId,
  revisionSchema,
  singleLine,
  uploadIdSchema,
} from './schemas/common';

z.config(z.locales.de());
z.config({ customError: germanIssueMessage });

const none = z.object({}).strict().optional().default({});
const byId = z.strictObject({ id: recordId });
/** A record as it was loaded: deleting it is refused (STALE) once someone else changed it. */
const byIdAtRevision = z.strictObject({ id: recordId, revision: revisionSchema });
const templateId = z.strictObject({ id: singleLine(100).min(1) });

/** One entry of the contract: what a method takes and what it returns. */
export interface MethodSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Changes data (the doors may log, the UI may refresh lists). */
  mutates: boolean;
  /**
   * Saves a record whole (record-inputs.ts): `{ key }` — an input object naming a record by that
   * key (`id`; `contactId` for details kept per contact) replaces it, so every field must be sent;
   * `whole` — the input replaces a record without key (settings).
   */
  replaces?: Replaces;
  /** The record as read (fields only it has are ignored when it is sent back); default: the output. */
  read?: z.ZodType;
}
const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
  mutates: false,
});
const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
  mutates: true,
});
/** Creates a record (no `id`) or replaces the stored one (`id`); the record as read (`read`) may be sent back. */
const save = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, read: z.ZodType = output): MethodSpec<I, O> => ({
  input,
  output,
  mutates: true,
  replaces: { key: 'id' },
  read,
});
/**
 * Creates or replaces the details kept per record of another kind (a contact's press details by
 * `contactId`): the key always names a record that may be stored, so every field must be sent.
 */
const saveFor = <I extends z.ZodType, O extends z.ZodType>(key: string, input: I, output: O, read: z.ZodType = output): MethodSpec<I, O> => ({
  ...save(input, output, read),
  replaces: { key },
});
/** Replaces stored settings whole: every field must be sent. */
const replace = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodSpec<I, O> => ({
  input,
  output,
  mutates: true,
  replaces: 'whole',
});

/**
 * The database the app works on: a single PC's SQLite file, or the office's PostgreSQL database
 * (host and name, never the password). `label` says it for people, `source` what chose it.
 */
export const databaseInfoSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('sqlite'),
    file: z.string(),
    label: z.string(),
    source: z.string(),
    /** A read-only copy of the office database (`db copy --to-data-dir`): what it was copied from and when. */
    readOnlyCopy: z.object({ of: z.string(), copiedAt: z.string() }).optional(),
  }),
  z.object({ kind: z.literal('postgres'), host: z.string(), database: z.string(), user: z.string(), label: z.string(), source: z.string() }),
]);
export type DatabaseInfo = z.infer<typeof databaseInfoSchema>;

export const appInfoSchema = z.object({
  appName: z.string(),
  version: z.string(),
  dataFile: z.string(),
  database: databaseInfoSchema,
  schemaVersion: z.number().int(),
  contactCount: z.number().int(),
});

const csvImportInput = csvFileSchema.extend({ mapping: columnMappingSchema });

/**
 * The whole API: method name → input schema, output schema. Every door (IPC, HTTP, CLI,
 * tests) goes through `dispatch` with these names; adding a method means adding it here and
 * in the services, nothing else.
 */
export const contract = {
  'app.info': query(none, appInfoSchema),
  /** Where the backup goes is not the caller's to say (see app-service.ts); `file` null: the user cancelled. */
  'app.backup': command(none, z.object({ file: z.string().nullable(), bytes: z.number().int() })),
  'demo.load': command(none, z.object({ contacts: z.number().int() })),

  'addressing.compose': query(composeInputSchema, addressFormsSchema),
  'addressing.composeOrganisation': query(
    z.strictObject({ name: singleLine(300).min(1, 'Der Name fehlt.'), language: languageSchema.default('de') }),
    addressFormsSchema,
  ),
  'addressing.roles': query(none, z.array(roleSchema)),
  'speeches.greeting': query(greetingInputSchema, greetingSchema),
  'speeches.list': query(speechListInputSchema, z.array(speechSchema)),
  'speeches.get': query(byId, speechDetailSchema),
  /** Saves the details; a changed `body` becomes a new version. */
  'speeches.save': save(speechInputSchema, speechDetailSchema),
  'speeches.versions': query(byId, z.array(speechVersionSchema)),
  'speeches.version': query(byId, speechVersionDetailSchema),
  /** What changed from one version (`from`) to another (`to`) of the same speech. */
  'speeches.compare': query(z.strictObject({ from: recordId, to: recordId }), speechComparisonSchema),
  /** The text of an older version becomes the newest version (nothing is overwritten). */
  'speeches.restore': command(speechRestoreInputSchema, speechDetailSchema),
  /** Full-text search over the speeches' titles and texts and the text blocks. */
  'speeches.search': query(speechSearchInputSchema, speechSearchResultSchema),
  /** The manuscript or the Festschrift page as .docx; `warnings` say what to fix (a Grußwort too long for one page). */
  'speeches.document': query(speechDocumentInputSchema, fileContentSchema.extend({ warnings: z.array(z.string()) })),
  'speeches.settings': query(none, speechSettingsSchema),
  'speeches.settings.save': replace(speechSettingsSchema, speechSettingsSchema),
  'patronages.list': query(z.strictObject({ decision: patronageDecisionSchema.optional() }), z.array(patronageSchema)),
  'patronages.get': query(byId, patronageSchema),
  'patronages.save': save(patronageInputSchema, patronageSchema),
  /** Take on or decline; returns the reply letter draft (Schirmherrschaft-Zusage/-Absage). */
  'patronages.decide': command(patronageDecideSchema, patronageDecidedSchema),
  /** Records the reply letter created from the draft. */
  'patronages.linkReply': command(z.strictObject({ id: recordId, revision: revisionSchema, letterId: recordId }), patronageSchema),

  // Partner cities (Partnerstädte) and the greetings plan (Grußkalender), DOMAIN.md E.
  'partnerships.list': query(none, z.array(partnershipSchema)),
  'partnerships.get': query(byId, partnershipSchema),
  'partnerships.save': save(partnershipInputSchema, partnershipSchema),
  /** Visits, projects and letters of one partnership, newest first. */
  'partnerships.history': query(byId, z.array(partnershipEventSchema)),
  'partnerships.history.save': save(partnershipEventInputSchema, partnershipEventSchema),
  /** The year's occasions: EXACTLY { occasions: { date, key, name, calendar, recipients, sendBy }[] } (other tools rely on it). */
  'greetings.plan': query(greetingYearInputSchema, greetingPlanSchema),
  /** The same with proposals, confirmations, approvals pending and letters produced (the Grußkalender page). */
  'greetings.overview': query(greetingYearInputSchema, greetingOverviewSchema),
  /** One occasion: its rule, recipients (partnerships not active marked), letters produced. */
  'greetings.occasion': query(greetingOccasionInputSchema, greetingOccasionSchema),
  'greetings.rules': query(none, z.array(greetingRuleSchema)),
  'greetings.rules.save': replace(greetingRuleInputSchema, greetingRuleSchema),
  /** Deletes the stored rule: the shipped default applies again. */
  'greetings.rules.reset': command(greetingKeyInputSchema, greetingRuleSchema),
  'greetings.extras': query(none, z.array(greetingExtraSchema)),
  'greetings.extras.save': save(greetingExtraInputSchema, greetingExtraSchema),
  'greetings.extras.delete': command(byId, z.object({ id: z.number().int() })),
  /** Staff confirm a proposed date (an Islamic high day); the plan then uses it. */
  'greetings.confirm': command(greetingConfirmInputSchema, greetingConfirmationSchema),
  /** One letter per recipient into the Postausgang; partnerships not active only with `approve` (the approver is recorded). */
  'greetings.produce': command(greetingProduceInputSchema, greetingProducedSchema),
  'greetings.settings': query(none, greetingSettingsSchema),
  'greetings.settings.save': replace(greetingSettingsSchema, greetingSettingsSchema),

  // Visits and delegations, the Golden Book, the seating order of an official meal; gifts (Gastgeschenke).
  'visits.list': query(visitListInputSchema, z.array(visitSummarySchema)),
  'visits.get': query(byId, visitSchema),
  /** Guests and hosts (`people`) and the programme (`appointmentIds`) are replaced by the lists given. */
  'visits.save': save(visitInputSchema, visitSchema),
  'visits.delete': command(byIdAtRevision, z.object({ id: z.number().int() })),
  'visits.goldenBook': query(z.strictObject({ visitId: recordId.optional() }), z.array(goldenBookEntrySchema)),
  'visits.goldenBook.save': save(goldenBookInputSchema, goldenBookEntrySchema),
  'visits.goldenBook.delete': command(byId, z.object({ id: z.number().int() })),
  /** A seating order by protocol precedence for the tables given (not saved; see core/domain/protocol/seating.ts). */
  'seating.propose': query(seatingProposeInputSchema, seatingProposalSchema),
  /** The plan as staff arranged it (each contact seated once); replaces the visit's saved plan. */
  'seating.save': command(seatingSaveInputSchema, seatingPlanSchema),
  'seating.get': query(z.strictObject({ visitId: recordId }), seatingPlanSchema.nullable()),
  /** The saved plan as .docx: per table a diagram and the seats in order; place cards on request. */
  'seating.document': query(seatingDocumentInputSchema, fileContentSchema),
  'gifts.items': query(none, z.array(giftItemSchema)),
  'gifts.items.save': save(giftItemInputSchema, giftItemSchema),
  'gifts.given': query(giftGivenListInputSchema, z.array(giftGivenSchema)),
  /** Earlier gifts of the same item to the same person (asked before giving). */
  'gifts.check': query(giftCheckInputSchema, z.array(giftGivenSchema)),
  /** Takes it from the stock; CONFLICT when the person had it before (unless `confirmRepeat`) or the stock is short. */
  'gifts.give': command(giftGiveInputSchema, giftGivenSchema),
  'gifts.received': query(giftReceivedListInputSchema, z.array(giftReceivedSchema)),
  'gifts.received.save': save(giftReceivedInputSchema, giftReceivedSchema),
  /** The value above which a gift received must be reported (the city's compliance rules). */
  'gifts.settings': query(none, giftSettingsSchema),
  'gifts.settings.save': replace(giftSettingsSchema, giftSettingsSchema),

  // Citizen dialogue: requests to the mayor (Anliegenmanagement).
  'requests.list': query(requestListInputSchema, requestListSchema),
  /** One request with the person's data; every call is recorded (who viewed it, when). */
  'requests.get': query(byId, requestSchema),
  'requests.save': save(requestInputSchema, requestSchema),
  /** One workflow step; returns the letter draft or e-mail text the step calls for. */
  'requests.step': command(requestStepSchema, requestStepResultSchema),
  /** Wiedervorlage: the date to look at the request again (null: none). */
  'requests.followUp': command(z.strictObject({ id: recordId, revision: revisionSchema, on: isoDate.nullable() }), requestSchema),
  'requests.history': query(byId, z.array(requestHistoryEntrySchema)),
  /** Related requests: proposals (same person, same place, same category and district) not yet linked. */
  'requests.related': query(byId, z.array(requestListItemSchema)),
  'requests.link': command(z.strictObject({ id: recordId, revision: revisionSchema, otherId: recordId, note: singleLine(500).default('') }), requestSchema),
  'requests.unlink': command(z.strictObject({ id: recordId, revision: revisionSchema, otherId: recordId }), requestSchema),
  'requests.attach': command(z.strictObject({ id: recordId, revision: revisionSchema, uploadId: uploadIdSchema }), requestSchema),
  'requests.attachment': query(z.strictObject({ id: recordId, attachmentId: recordId }), fileContentSchema),
  'requests.detach': command(z.strictObject({ id: recordId, revision: revisionSchema, attachmentId: recordId }), requestSchema),
  /** An e-mail saved as .eml becomes a request: sender, date, subject, text and attachments. */
  'requests.importEml': command(z.strictObject({ uploadId: uploadIdSchema }), z.object({ request: requestSchema, warnings: z.array(z.string()) })),
  'requests.departments': query(none, z.array(departmentSchema)),
  'requests.departments.save': save(departmentInputSchema, departmentSchema),
  'requests.stats': query(requestStatsInputSchema, requestStatsSchema),
  /** The statistics as .xlsx for the annual report. */
  'requests.stats.export': query(requestStatsInputSchema, fileContentSchema),
  /** Citizens already known (by name or e-mail), to record a request for the same person again. */
  'citizens.search': query(z.strictObject({ text: singleLine(200).min(1) }), z.array(citizenSchema)),

  // Citizen dialogue: citizens' talks and walks (Bürgergespräche, Bürgerspaziergänge) and civic engagement.
  'citizenEvents.list': query(citizenEventListInputSchema, z.array(citizenEventSchema)),
  'citizenEvents.get': query(byId, citizenEventDetailSchema),
  'citizenEvents.save': save(citizenEventInputSchema, citizenEventDetailSchema),
  /** Refused while concerns (requests) recorded at the event point to it. */
  'citizenEvents.delete': command(byIdAtRevision, z.object({ id: z.number().int() })),
  /**
   * Refused beyond the capacity (no waiting list) and for a person already registered. A known
   * person (`citizen.id`) is saved with the registration, so her or his data is sent whole.
   */
  'citizenEvents.register': save(eventRegistrationInputSchema, citizenEventDetailSchema, z.object({ citizen: citizenSchema })),
  'citizenEvents.unregister': command(z.strictObject({ registrationId: recordId }), citizenEventDetailSchema),
  /** Invitation, press note, the host's briefing or the follow-up report, as .docx. */
  'citizenEvents.document': query(citizenEventDocumentInputSchema, fileContentSchema),
  'volunteering.enquiries': query(volunteerEnquiryListInputSchema, z.array(volunteerEnquirySchema)),
  'volunteering.enquiries.get': query(byId, volunteerEnquirySchema),
  'volunteering.enquiries.save': save(volunteerEnquiryInputSchema, volunteerEnquirySchema),
  /** The organisations looking for volunteers, grouped by field. */
  'volunteering.offers': query(volunteerOffersInputSchema, volunteerOfferGroupsSchema),
  /** Active offers in the fields of an enquiry (or of the fields given). */
  'volunteering.offers.matching': query(volunteerMatchingInputSchema, volunteerOfferGroupsSchema),
  'volunteering.offers.save': save(volunteerOfferInputSchema, volunteerOfferSchema),
  'volunteering.offers.delete': command(byIdAtRevision, z.object({ id: z.number().int() })),

  'contacts.list': query(contactListInputSchema, contactListOutputSchema),
  'contacts.get': query(byId, contactSchema),
  'contacts.tags': query(none, z.array(z.object({ tag: z.string(), count: z.number().int() }))),
  'contacts.create': command(contactInputSchema, contactSchema),
  'contacts.update': save(z.strictObject({ id: recordId, revision: revisionSchema, contact: contactInputSchema }), contactSchema, z.object({ contact: contactSchema })),
  'contacts.delete': command(byIdAtRevision, z.object({ id: z.number().int(), displayName: z.string() })),
  'contacts.addressing': query(byId, contactAddressingSchema),
  'contacts.toPerson': query(byId, personSchema),
  'contacts.import.analyze': query(csvFileSchema, csvAnalysisSchema),
  'contacts.import.preview': query(csvImportInput, importPreviewSchema),
  'contacts.import.commit': command(
    csvImportInput.extend({ skipInvalidRows: z.boolean().default(false) }),
    z.object({ imported: z.number().int(), organisationsCreated: z.number().int(), skipped: z.number().int() }),
  ),

  'settings.office.get': query(none, officeSettingsSchema),
  'settings.office.update': replace(officeSettingsSchema, officeSettingsSchema),
  'settings.officeHolder': query(none, officeHolderSchema),
  'signers.list': query(none, z.array(signerSchema)),
  'signers.save': save(signerInputSchema, signerSchema),
  'signers.delete': command(byId, z.object({ id: z.number().int() })),
  'textBlocks.list': query(none, z.array(textBlockSchema)),
  'textBlocks.save': save(textBlockInputSchema, textBlockSchema),
  'textBlocks.delete': command(byId, z.object({ id: z.number().int() })),

  'templates.list': query(none, z.array(templateInfoSchema)),
  'templates.vocabulary': query(none, z.array(placeholderInfoSchema)),
  'templates.copyForEditing': command(templateId, z.object({ file: z.string(), opened: z.boolean() })),
  'templates.import': command(templateId.extend({ fileName: fileNameSchema.min(1), contentBase64: base64Content(MAX_INLINE_FILE_BYTES).min(1, 'Die Datei ist leer.') }), templateInfoSchema),
  'templates.resetToShipped': command(templateId, templateInfoSchema),
  'templates.file': query(templateId, fileContentSchema),

  'letters.prepare': query(letterDraftSchema, letterPreparationSchema),
  'letters.preview': query(letterDraftSchema, fileContentSchema),
  'letters.create': command(letterDraftSchema, letterSchema),
  'letters.list': query(letterListInputSchema, z.object({ total: z.number().int(), items: z.array(letterSummarySchema) })),
  'letters.get': query(byId, letterSchema),
  'letters.setStatus': command(byIdAtRevision.extend({ status: letterStatusSchema }), letterSchema),
  'letters.regenerate': command(
    byIdAtRevision.extend({ subject: singleLine(500).optional(), body: multiLine(50000, { trim: false }).optional(), signerId: recordId.optional() }),
    letterSchema,
  ),
  'letters.file': query(byId, fileContentSchema),
  'letters.open': command(byId, z.object({ file: z.string(), opened: z.boolean() })),
  'letters.merge.start': command(mergeInputSchema, mergeStatusSchema),
  'letters.merge.status': query(z.strictObject({ jobId: jobIdSchema }), mergeStatusSchema),
  'letters.merge.cancel': command(z.strictObject({ jobId: jobIdSchema }), mergeStatusSchema),

  'residents.status': query(
    none,
    z.object({
      residents: z.number().int(),
      lastImport: z.object({ at: z.string(), fileName: z.string(), user: z.string() }).nullable(),
      districts: z.array(z.string()),
    }),
  ),
  'uploads.append': command(uploadChunkSchema, uploadSchema),
  'uploads.discard': command(z.strictObject({ uploadId: uploadIdSchema }), z.object({ uploadId: z.string() })),
  'residents.import.inspect': query(z.strictObject({ uploadId: uploadIdSchema }), registerInspectionSchema),
  'residents.import.start': command(residentImportStartSchema, residentImportJobSchema),
  'residents.import.status': query(z.strictObject({ jobId: jobIdSchema }), residentImportJobSchema),
  'residents.import.cancel': command(z.strictObject({ jobId: jobIdSchema }), residentImportJobSchema),
  'residents.import.profiles': query(none, z.array(mappingProfileSchema)),
  'residents.import.profiles.save': command(mappingProfileSchema, z.array(mappingProfileSchema)),
  'residents.import.profiles.delete': command(z.strictObject({ name: singleLine(100) }), z.array(mappingProfileSchema)),
  'jubilees.visits.list': query(z.strictObject({ from: isoDate, to: isoDate }), z.array(jubileeVisitSchema)),
  'jubilees.visits.plan': command(jubileeVisitInputSchema, jubileeVisitSchema),
  'jubilees.visits.cancel': command(z.strictObject({ id: recordId }), z.object({ id: z.number().int() })),
  'jubilees.rules.get': query(none, honourRulesSchema),
  /** Changes the rules it names (an empty object changes nothing); unknown names are refused. */
  'jubilees.rules.update': command(honourRulesPatchSchema, honourRulesSchema),
  'calendar.calendars': query(none, z.array(calendarSchema)),
  'calendar.settings': query(none, calendarSettingsSchema),
  'calendar.settings.save': replace(calendarSettingsSchema, calendarSettingsSchema),
  'calendar.calendars.save': saveFor('signerId', calendarInputSchema, z.array(calendarSchema), calendarSchema),
  'calendar.view': query(calendarRangeSchema, calendarViewSchema),
  'calendar.appointments.get': query(byId, appointmentSchema),
  'calendar.appointments.save': save(appointmentInputSchema, appointmentSavedSchema, appointmentSchema),
  /**
   * Drag and drop or the keyboard: new start and end, everything else as it was. With
   * `occurrenceStart`, only that date of a series moves (it becomes an appointment of its own).
   */
  'calendar.appointments.move': command(
    z.strictObject({ id: recordId, revision: revisionSchema, start: localDateOrDateTime, end: localDateOrDateTime, occurrenceStart: localDateOrDateTime.optional() }),
    appointmentSavedSchema,
  ),
  'calendar.appointments.delete': command(byIdAtRevision, z.object({ id: z.number().int() })),
  /** The Terminmappe as .docx: one appointment (an occurrence of a series with `date`), or a person's whole day. */
  'calendar.briefing': query(
    z.union([
      z.strictObject({ appointmentId: recordId, date: isoDate.optional() }),
      z.strictObject({ calendarId: recordId, date: isoDate }),
    ]),
    fileContentSchema,
  ),
  /** One person's calendar as an .ics file for Outlook (stable UIDs: a re-import updates). */
  'calendar.ics.export': query(z.strictObject({ calendarId: recordId }), fileContentSchema),
  /** An .ics file (invitation, another calendar) into one person's calendar; known UIDs are updated (`unchanged`: known, nothing new). */
  'calendar.ics.import': command(
    z.strictObject({ uploadId: uploadIdSchema, calendarId: recordId }),
    z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), problems: z.array(z.string()) }),
  ),
  'carpool.dayPlan': query(z.strictObject({ driverId: recordId, date: isoDate }), fileContentSchema),
  'carpool.drivers': query(none, z.array(driverSchema)),
  'carpool.drivers.save': save(driverInputSchema, driverSchema),
  'carpool.absences': query(none, z.array(absenceSchema)),
  'carpool.absences.save': save(absenceInputSchema, absenceSchema),
  'carpool.absences.delete': command(byId, z.object({ id: z.number().int() })),
  'carpool.vehicles': query(none, z.array(vehicleSchema)),
  'carpool.vehicles.save': save(vehicleInputSchema, vehicleSchema),
  'invitations.list': query(z.strictObject({ status: invitationStatusSchema.optional() }), z.array(invitationSchema)),
  'invitations.get': query(byId, invitationSchema),
  'invitations.save': save(invitationInputSchema, invitationSchema),
  'invitations.decide': command(invitationDecisionSchema, invitationDecidedSchema),
  'invitations.attach': command(z.strictObject({ id: recordId, revision: revisionSchema, uploadId: uploadIdSchema }), invitationSchema),
  'invitations.attachment': query(z.strictObject({ id: recordId, attachmentId: recordId }), fileContentSchema),
  'invitations.detach': command(z.strictObject({ id: recordId, revision: revisionSchema, attachmentId: recordId }), invitationSchema),
  'jubilees.list': query(jubileesListInputSchema, z.object({ entries: z.array(jubileeEntrySchema) })),
  /** The start page's figures, computed from the same list. */
  'jubilees.overview': query(none, jubileesOverviewSchema),
  /** Marks notifications to the Federal President or the Land as sent (sent: false takes it back). */
  'jubilees.notifications.mark': command(jubileeNotificationsMarkSchema, z.object({ marked: z.number().int() })),
  /**
   * The lists; the notifications to the Federal President and the Land are recorded as produced.
   * A notification already marked sent is left out (`includeSent`: listed with its day) and keeps
   * the record of when it was first produced.
   */
  'jubilees.export': command(
    jubileesListInputSchema.extend({ target: z.enum(['federal', 'land', 'district']), format: z.enum(['docx', 'xlsx']), includeSent: z.boolean().default(false) }),
    fileContentSchema,
  ),

  // Privacy (DSGVO) of the citizen dialogue: retention periods, the daily check, one person's data exported or erased.
  'privacy.settings': query(none, privacySettingsSchema),
  'privacy.settings.save': replace(privacySettingsSchema, privacySettingsSchema),
  /** Erases what the retention periods say (run daily at start-up and every day after); the report holds counts only. */
  'privacy.retention.run': command(z.strictObject({ automatic: z.boolean().default(false) }).optional().default({ automatic: false }), retentionReportSchema),
  'privacy.retention.last': query(none, retentionReportSchema.nullable()),
  /** Everything stored about one person as .json or .docx (recorded as a view of each of their requests). */
  'privacy.citizen.export': query(citizenExportInputSchema, fileContentSchema),
  /** Erases one person's data (`confirm`: the surname typed again); anonymised statistics stay. */
  'privacy.citizen.erase': command(citizenEraseInputSchema, citizenErasureReportSchema),
  /** Who viewed or changed a request, when (from the audit log). */
  'privacy.accessLog': query(z.strictObject({ requestId: recordId }), z.array(accessLogEntrySchema)),

  // Press office: press releases with approval, release time and embargo; media contacts, distribution lists, press appointments, enquiries.
  /** The register, newest first; with `text`, a German full-text search (best first, with snippets). */
  'press.releases.list': query(pressReleaseListInputSchema, z.array(pressReleaseListItemSchema)),
  'press.releases.get': query(byId, pressReleaseSchema),
  /** Changing the content of an approved release sends it back to the draft (the approval is void). */
  'press.releases.save': save(pressReleaseInputSchema, pressReleaseSchema),
  /** Submit for approval, approve (who and when), publish (not before the approval and the embargo), withdraw. */
  'press.releases.step': command(pressReleaseStepInputSchema, pressReleaseSchema),
  /** Word in the city's layout, or text/HTML for the city portal. */
  'press.releases.export': query(pressReleaseExportInputSchema, fileContentSchema),
  'press.media.list': query(none, z.array(mediaContactSchema)),
  'press.media.save': saveFor('contactId', mediaContactInputSchema, mediaContactSchema),
  /** Removes the press details (the contact stays). */
  'press.media.delete': command(byId, z.object({ id: z.number().int() })),
  'press.lists.list': query(none, z.array(distributionListSchema)),
  'press.lists.save': save(distributionListInputSchema, distributionListSchema),
  'press.lists.delete': command(byId, z.object({ id: z.number().int() })),
  /** The media invited to an appointment, with their responses. */
  'press.invitations.list': query(z.strictObject({ appointmentId: recordId }), pressInvitationsSchema),
  /** Invite distribution lists or single contacts, record responses, take invitations back. */
  'press.invitations.save': command(pressInvitationsSaveSchema, pressInvitationsSchema),
  /** Invited, accepted and declined per appointment (appointments with invitations only). */
  'press.invitations.counts': query(none, z.array(pressInvitationCountSchema)),
  /** Open enquiries first (by deadline), then the answered ones; `overdue` when the deadline passed without an answer. */
  'press.enquiries.list': query(pressEnquiryListInputSchema, z.array(pressEnquirySchema)),
  'press.enquiries.save': save(pressEnquiryInputSchema, pressEnquirySchema),
  /** Records the answer with who and when. */
  'press.enquiries.answer': command(pressEnquiryAnswerSchema, pressEnquirySchema),

  // Online communication: the editorial plan (Redaktionsplan) for the city portal, the intranet and the social media channels.
  /** A text checked against its channel: length as the platform counts it, and what to fix (German messages). */
  'online.check': query(onlineCheckInputSchema, onlineCheckResultSchema),
  /** The rules per channel (limits, hashtags, link required); platforms change them, staff follow. */
  'online.settings': query(none, onlineSettingsSchema),
  'online.settings.save': replace(onlineSettingsSchema, onlineSettingsSchema),
  'online.topics.list': query(none, z.array(onlineTopicSchema)),
  /** A topic with its posts on every channel. */
  'online.topics.get': query(byId, onlineTopicDetailSchema),
  'online.topics.save': save(onlineTopicInputSchema, onlineTopicSchema, onlineTopicDetailSchema),
  /** The posts planned or published from `from` to `to` (days, inclusive), by time. */
  'online.posts.list': query(onlinePostListInputSchema, z.array(onlinePostSchema)),
  'online.posts.get': query(byId, onlinePostSchema),
  /** A media entry's image or video file (the dialog's preview, saving it). */
  'online.posts.mediaFile': query(onlinePostMediaFileInputSchema, fileContentSchema),
  /** The plan from `from` to `to` (days, inclusive) by time in the plan, with its clusters and silences (German warnings). */
  'online.plan': query(onlinePlanInputSchema, onlinePlanSchema),
  /** Files for the offline office PCs: the portal's news (HTML, RSS 2.0), the social posts (.zip, a folder each), the plan (.docx, .xlsx). */
  'online.export': query(onlineExportInputSchema, fileContentSchema),
  /** A new post with text is a draft, without an idea; changing the content of an approved post voids the approval. */
  'online.posts.save': save(onlinePostInputSchema, onlinePostSchema),
  /** Draft, submit, approve (only when the channel check finds nothing), schedule, mark published (not before its time, with the URL), withdraw. */
  'online.posts.step': command(onlinePostStepInputSchema, onlinePostSchema),
  /** Crisis mode: on or off, the posts it paused, and the log of what was published during the crisis. */
  'online.crisis': query(none, crisisStateSchema),
  /** On: every approved or scheduled post planned for later is paused (state and time kept); off: they are planned again, those whose time passed meanwhile lapse („Zeitpunkt verstrichen“) until they get a new time. */
  'online.crisis.switch': command(crisisSwitchInputSchema, crisisStateSchema),
  /** Records a holding statement (approved) as published on a channel during the crisis, in the crisis log. */
  'online.crisis.publish': command(crisisPublishInputSchema, crisisStateSchema),
  /** The holding statements (Wartestellungnahmen) by scenario. */
  'online.statements.list': query(none, z.array(holdingStatementSchema)),
  /** Editing the text or scenario of an approved statement voids the approval. */
  'online.statements.save': save(holdingStatementInputSchema, holdingStatementSchema),
  'online.statements.approve': command(byId, holdingStatementSchema),
  /** Proposals (never posted automatically) whose suggested time lies from `from` to `to`: press embargoes, holidays of the greetings plan, the mayor's public appointments of a week, citizens' talks and walks; not those taken or dismissed. */
  'online.proposals.list': query(onlineProposalListInputSchema, z.array(onlineProposalSchema)),
  /** Takes a proposal: a topic with one post per channel (a draft; an embargo stays the posts' earliest time). */
  'online.proposals.take': command(onlineProposalTakeInputSchema, onlineTopicDetailSchema),
  /** Dismisses a proposal: it is not proposed again. */
  'online.proposals.dismiss': command(onlineProposalDismissInputSchema, z.object({ key: z.string() })),

  /** The long jobs running for the office now, on any of its PCs (who, where, how far). */
  'jobs.running': query(none, z.array(officeJobSchema)),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller may send (defaults may be left out). */
export type Input<N extends MethodName> = z.input<Contract[N]['input']>;
/** What the service receives after validation. */
export type ParsedInput<N extends MethodName> = z.output<Contract[N]['input']>;
export type Output<N extends MethodName> = z.output<Contract[N]['output']>;

/** The services' side of the contract: one handler per method. */
export type Handlers = {
  [N in MethodName]: (input: ParsedInput<N>) => Output<N> | Promise<Output<N>>;
};

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
