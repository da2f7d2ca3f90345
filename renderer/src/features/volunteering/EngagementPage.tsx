import { useState } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  type BadgeProps,
} from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { VOLUNTEER_OUTCOME_LABELS, type VolunteerOutcome } from '../../../../core/api';
import { useRegisterPageStyles } from '../../components/layout-styles';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect } from '../../components/FilterSelect';
import { count, germanDate } from '../../components/format';
import { RegisterRow } from '../../components/RegisterRow';
import { openedRecord, useRecordDialog } from '../../components/use-dialog-state';
import { EnquiryDialog } from './EnquiryDialog';
import { OfferDialog } from './OfferDialog';

const OUTCOME_COLORS: Record<VolunteerOutcome, BadgeProps['color']> = {
  offen: 'warning',
  vermittelt: 'success',
  kein_angebot: 'subtle',
  zurueckgezogen: 'subtle',
};

/**
 * Civic engagement: enquiries of people who want to volunteer (open ones first) and the
 * organisations looking for volunteers, by field.
 */
export function EngagementPage() {
  const styles = useRegisterPageStyles();
  const [outcome, setOutcome] = useState<VolunteerOutcome | ''>('');
  const [includeInactive, setIncludeInactive] = useState(false);
  const enquiryDialog = useRecordDialog();
  const offerDialog = useRecordDialog('offer');
  const enquiries = useQuery({
    queryKey: ['volunteering.enquiries', outcome],
    queryFn: () => api('volunteering.enquiries', { outcome: outcome || undefined }),
    placeholderData: keepPreviousData,
  });
  const offers = useQuery({
    queryKey: ['volunteering.offers', 'all', includeInactive],
    queryFn: () => api('volunteering.offers', { includeInactive }),
    placeholderData: keepPreviousData,
  });
  const knownFields = (offers.data ?? []).map((g) => g.field);
  const offer = openedRecord(offerDialog.opened, offers.data?.flatMap((g) => g.offers), (o) => o.id);
  const open = (enquiries.data ?? []).filter((e) => e.outcome === 'offen').length;
  const noEnquiries = enquiries.data !== undefined && enquiries.data.length === 0 && !outcome;
  const noOffers = offers.data !== undefined && offers.data.length === 0;
  const addEnquiry = (
    <Button appearance="primary" icon={<AddRegular />} onClick={() => enquiryDialog.open(null)}>
      Anfrage erfassen …
    </Button>
  );
  const addOffer = (
    <Button icon={<AddRegular />} onClick={() => offerDialog.open(null)}>
      Angebot erfassen …
    </Button>
  );

  return (
    <div className={styles.page}>
      <div className={styles.head}>
        <Title2 as="h1">Bürgerschaftliches Engagement</Title2>
      </div>

      <section aria-label="Anfragen" className={styles.page} style={{ padding: 0 }}>
        <div className={styles.head}>
          <Subtitle1 as="h2">Anfragen</Subtitle1>
          <div className={styles.grow} />
          <FilterSelect label="Ergebnis" value={outcome} labels={VOLUNTEER_OUTCOME_LABELS} onChange={setOutcome} />
          {!noEnquiries && addEnquiry}
        </div>
        <ErrorMessage error={enquiries.error} title="Die Anfragen lassen sich nicht laden" />
        {enquiries.isPending && <Spinner size="small" />}
        {noEnquiries && (
          <EmptyState actions={addEnquiry}>
            Noch keine Anfragen von Menschen, die sich engagieren möchten. Erfassen Sie eine Anfrage mit Interessen und Zeit und vermitteln Sie sie an ein passendes Angebot.
          </EmptyState>
        )}
        {enquiries.data && !noEnquiries && (
          <>
            <Text className={styles.muted} role="status">
              {count(enquiries.data.length, 'Anfrage', 'Anfragen')}
              {open > 0 && outcome === '' && `, davon ${open} offen`}
            </Text>
            <Table size="small" aria-label="Anfragen zum Engagement">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: '8em' }}>Eingang</TableHeaderCell>
                  <TableHeaderCell>Person</TableHeaderCell>
                  <TableHeaderCell>Interessen und Bereiche</TableHeaderCell>
                  <TableHeaderCell>Vermittelt an</TableHeaderCell>
                  <TableHeaderCell>Ergebnis</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {enquiries.data.map((e) => (
                  <RegisterRow key={e.id} onOpen={() => enquiryDialog.open(e.id)}>
                    <TableCell>{germanDate(e.receivedOn)}</TableCell>
                    <TableCell>{e.citizen?.displayName ?? '(Angaben gelöscht)'}</TableCell>
                    <TableCell>
                      <div className={styles.stack}>
                        {e.interests && <span>{e.interests.length > 120 ? `${e.interests.slice(0, 117)} …` : e.interests}</span>}
                        <span className={styles.muted}>{e.fields.join(', ') || 'kein Bereich angegeben'}</span>
                      </div>
                    </TableCell>
                    <TableCell>
                      <div className={styles.stack}>
                        <span>{e.organisation ?? '–'}</span>
                        {e.referredOn && <span className={styles.muted}>am {germanDate(e.referredOn)}</span>}
                      </div>
                    </TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={OUTCOME_COLORS[e.outcome]}>
                        {VOLUNTEER_OUTCOME_LABELS[e.outcome]}
                      </Badge>
                    </TableCell>
                  </RegisterRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </section>

      <section aria-label="Angebote nach Bereich" className={styles.page} style={{ padding: 0 }}>
        <div className={styles.head}>
          <Subtitle1 as="h2">Organisationen, die Engagierte suchen</Subtitle1>
          <div className={styles.grow} />
          <Checkbox label="auch inaktive Angebote" checked={includeInactive} onChange={(_, d) => setIncludeInactive(Boolean(d.checked))} />
          {!noOffers && addOffer}
        </div>
        <ErrorMessage error={offers.error} title="Die Angebote lassen sich nicht laden" />
        {noOffers && (
          <EmptyState actions={addOffer}>
            {includeInactive ? 'Noch keine Angebote.' : 'Keine aktiven Angebote.'} Erfassen Sie Vereine und Einrichtungen, die Engagierte suchen, damit Sie Anfragen an sie vermitteln können.
          </EmptyState>
        )}
        {offers.data?.map((group) => (
          <Table key={group.field} size="small" aria-label={`Bereich ${group.field}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell style={{ width: '30%' }}>
                  <Text weight="semibold">{group.field}</Text>&nbsp;<span className={styles.muted}>({count(group.offers.length, 'Angebot', 'Angebote')})</span>
                </TableHeaderCell>
                <TableHeaderCell>Gesucht werden</TableHeaderCell>
                <TableHeaderCell style={{ width: '10em' }}>Vermittlungen</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {group.offers.map((o) => (
                <RegisterRow key={o.id} onOpen={() => offerDialog.open(o.id)}>
                  <TableCell>
                    <div className={styles.stack}>
                      <div className={styles.badges}>
                        <Text weight="semibold">{o.organisation}</Text>
                        {!o.active && (
                          <Badge appearance="outline" color="subtle">
                            inaktiv
                          </Badge>
                        )}
                      </div>
                      {o.reach && <span className={styles.muted}>{o.reach}</span>}
                    </div>
                  </TableCell>
                  <TableCell>{o.description || '–'}</TableCell>
                  <TableCell>{o.referrals}</TableCell>
                </RegisterRow>
              ))}
            </TableBody>
          </Table>
        ))}
      </section>

      {enquiryDialog.opened && <EnquiryDialog key={enquiryDialog.opened.key} enquiryId={enquiryDialog.opened.target} knownFields={knownFields} onClose={enquiryDialog.close} />}
      {offerDialog.opened && offer !== undefined && <OfferDialog key={offerDialog.opened.key} offer={offer} knownFields={knownFields} onClose={offerDialog.close} />}
    </div>
  );
}
