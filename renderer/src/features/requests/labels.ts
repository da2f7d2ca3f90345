import type { BadgeProps } from '@fluentui/react-components';
import type { RequestListItem, RequestStatus } from '../../../../core/api';

export const STATUS_COLORS: Record<RequestStatus, BadgeProps['color']> = {
  eingegangen: 'warning',
  bestaetigt: 'informative',
  in_bearbeitung: 'brand',
  weitergeleitet: 'brand',
  stellungnahme: 'informative',
  beantwortet: 'success',
  erledigt: 'subtle',
};

/** Statuses in workflow order (to compare how far a request has come). */
export const STATUS_ORDER: readonly RequestStatus[] = ['eingegangen', 'bestaetigt', 'in_bearbeitung', 'weitergeleitet', 'stellungnahme', 'beantwortet', 'erledigt'];
export const statusRank = (status: RequestStatus): number => STATUS_ORDER.indexOf(status);

/** The person as the register shows her or him. */
export function personOf(item: Pick<RequestListItem, 'citizenName' | 'anonymised'>): string {
  if (item.citizenName) return item.citizenName;
  return item.anonymised ? 'anonymisiert' : 'anonym';
}

/** Needing attention first (statement overdue, then follow-up due), then open ones, newest first. */
export function registerOrder(a: RequestListItem, b: RequestListItem): number {
  const rank = (r: RequestListItem) => (r.overdue ? 0 : r.followUpDue ? 1 : r.status !== 'erledigt' ? 2 : 3);
  return rank(a) - rank(b) || b.receivedOn.localeCompare(a.receivedOn) || b.id - a.id;
}
