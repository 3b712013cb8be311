/** The dataset readers `truce import` knows, by the name given on the command line. */
import { acledReader } from './acled.js';
import type { DatasetReader } from './fields.js';
import { gdeltReader } from './gdelt.js';
import { ucdpReader } from './ucdp.js';

export const DATASETS: Readonly<Record<string, DatasetReader>> = {
  acled: acledReader,
  ucdp: ucdpReader,
  gdelt: gdeltReader,
};
