import type { Handlers } from '../../api/contract';
import { composeAddress, composeOrganisation } from '../../domain/addressing';
import type { RoleCatalogue } from '../reference/role-catalogue';

export function createAddressingService(catalogue: RoleCatalogue): Pick<Handlers, 'addressing.compose' | 'addressing.composeOrganisation' | 'addressing.roles'> {
  return {
    'addressing.compose': (input) => composeAddress(input, catalogue.map()),
    'addressing.composeOrganisation': ({ name, language }) => composeOrganisation(name, language),
    'addressing.roles': () => catalogue.list(),
  };
}
