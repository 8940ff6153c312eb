/**
 * The regulatory class a use case proposal declares: its risk class under the AI Act (Regulation
 * (EU) 2024/1689: prohibited practices Art. 5 are not proposable; high-risk Art. 6 and Annex III, or
 * as a safety component of a device under Annex I; limited risk with transparency duties Art. 50;
 * minimal risk), and, if the software is a medical device, its MDR (2017/745, Annex VIII rule 11) or
 * IVDR (2017/746) class.
 */
export const AI_ACT_CLASSES = ['high', 'limited', 'minimal', 'not_assessed'] as const;
export type AiActClass = (typeof AI_ACT_CLASSES)[number];

/** `none` when the software is not a medical device. */
export const DEVICE_CLASSES = [
  'none',
  'mdr_i',
  'mdr_iia',
  'mdr_iib',
  'mdr_iii',
  'ivdr_a',
  'ivdr_b',
  'ivdr_c',
  'ivdr_d',
  'not_assessed',
] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];
