export { approvalOf } from './approval';
export type { Approval, ChainVersion } from './approval';
export { prepareExtract, permitPseudonym } from './prepare';
export type { Preparation } from './prepare';
export { reconcileExtracts, EXTRACT_PREPARED_MESSAGE, EXTRACT_DELETED_MESSAGE } from './reconcile';
export type { ExtractContext, ReconcileResult } from './reconcile';
export { afterPermitUpdate, enableExtracts } from './hook';
export { findExtract, listExtracts, extractPseudonyms } from './store';
export type { ExtractRecipe } from './store';
