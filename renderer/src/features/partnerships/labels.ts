import type { BadgeProps } from '@fluentui/react-components';
import type { PartnershipStatus } from '../../../../core/api';

/** Active green; dormant and suspended ask for approval before a greeting. */
export const STATUS_COLORS: Record<PartnershipStatus, BadgeProps['color']> = {
  aktiv: 'success',
  ruhend: 'warning',
  ausgesetzt: 'danger',
};
