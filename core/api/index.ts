export * from './contract';
export * from './errors';
export * from './dispatcher';
export * from './field-labels';
export * from './schemas/addressing';
export * from './schemas/contacts';
export * from './schemas/letters';
export * from './contact-person';
