/** The rules of the 2020 guide, pure: both the extension and the worker import them from here. */
export * from './types';
export * from './chinaDate';
export * from './certStatus';
export * from './archive';
export * from './deadline';
export * from './urgency';
export * from './devNumber';
export * from './approval';
export * from './lifecycle';
export * from './transfer';
export * from './identity';
export * from './idCard';
export * from './idCardInText';
export * from './observation';
export * from './text';
