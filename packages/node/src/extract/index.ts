export { approvalOf } from './approval';
export type { Approval, ChainVersion } from './approval';
export { prepareExtract, permitPseudonym } from './prepare';
export type { Preparation } from './prepare';
export { reconcileExtracts, EXTRACT_PREPARED_MESSAGE, EXTRACT_DELETED_MESSAGE } from './reconcile';
export type { ExtractContext, ReconcileResult } from './reconcile';
export { afterPermitUpdate, enableExtracts } from './hook';
export { findExtract, listExtracts, extractPseudonyms } from './store';
export type { ExtractRecipe } from './store';
export {
  enableExtractFiles,
  extractFilesRoot,
  extractFolder,
  writeExtractFiles,
  removeExtractFiles,
  hasExtractFiles,
  recipeHash,
  selectColumns,
  EXTRACT_FILES_DIR,
  EXTRACT_MANIFEST,
} from './files';
export type { ExtractManifest, ManifestTable } from './files';
