export { ROLE_CATALOGUE } from './catalogue';
export {
  closingForSalutation,
  composeAddress,
  composeOrganisation,
  formatFullName,
  officeName,
  officePlace,
  roleMap,
  sortName,
} from './compose';
export { compareRanks, findRole, isForeignHolder, protocolRank } from './precedence';
