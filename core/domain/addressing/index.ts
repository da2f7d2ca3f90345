export { ROLE_CATALOGUE } from './catalogue';
export {
  composeAddress,
  composeOrganisation,
  formatFullName,
  roleMap,
  sortName,
} from './compose';
export { compareRanks, findRole, isForeignHolder, protocolRank } from './precedence';
