/** Near-duplicate detection of reports: syndicated copies and updated versions of one story. */
export { normaliseText, normalisedWords } from './normalise.js';
export { shingleHashes } from './shingle.js';
export {
  DEFAULT_PARAMS,
  SIGNATURE_FORMAT,
  estimateJaccard,
  fromBytes,
  signature,
  signatureInfo,
  toBytes,
  type SignatureInfo,
  type SignatureParams,
} from './minhash.js';
export { DEFAULT_BANDS, DuplicateIndex, bandKeys, candidateProbability, type BandLayout } from './lsh.js';
export {
  THRESHOLDS_PATH,
  ThresholdsSchema,
  classify,
  compare,
  defaultThresholds,
  estimateContainment,
  loadThresholds,
  type Comparison,
  type Relation,
  type Thresholds,
} from './compare.js';
export { chooseCanonical, type Link, type LinkCandidate } from './link.js';
