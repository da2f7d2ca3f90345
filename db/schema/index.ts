export * from './reference';
export * from './contacts';
export * from './audit';
export * from './letters';
export * from './residents';
export * from './calendar';
export * from './speeches';
export * from './patronages';
