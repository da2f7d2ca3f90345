import type { Handlers } from '../../api/contract';
import { composeGreeting } from '../../domain/speeches/greeting';
import type { RoleCatalogue } from '../reference/role-catalogue';

export function createSpeechesService(catalogue: RoleCatalogue): Pick<Handlers, 'speeches.greeting'> {
  return {
    'speeches.greeting': (input) => composeGreeting(input, catalogue.map()),
  };
}
