import { cite, cites } from './cite';
import type { PathwayAnswers, PathwayClassification, PathwayStep } from './types';

/** The device class of the software, if it is a medical device (MDR) or an in vitro diagnostic (IVDR). */
export function deviceClass(a: PathwayAnswers): PathwayClassification['device'] {
  if (a.deviceSoftware === 'medical_device') return { regulation: 'MDR', class: mdrRule11(a) };
  if (a.deviceSoftware === 'ivd') return { regulation: 'IVDR', class: ivdrClass(a) };
  return null;
}

/**
 * MDR Annex VIII, rule 11: software giving information for diagnostic or therapeutic decisions is IIa,
 * III where a decision may cause death or irreversible deterioration, IIb where it may cause serious
 * deterioration or surgery; software monitoring physiological processes is IIa, IIb for vital
 * parameters whose variations could mean immediate danger; all other software is class I.
 */
export function mdrRule11(a: PathwayAnswers): 'I' | 'IIa' | 'IIb' | 'III' {
  if (a.softwareFunction === 'decision_support')
    return a.decisionImpact === 'death_or_irreversible'
      ? 'III'
      : a.decisionImpact === 'serious_or_surgery'
        ? 'IIb'
        : 'IIa';
  if (a.softwareFunction === 'monitoring') return a.vitalParameters === 'yes' ? 'IIb' : 'IIa';
  return 'I';
}

/**
 * IVDR Annex VIII, short mapping: rule 1 (transmissible agents in blood, tissues or organs for
 * transfusion or transplantation; life-threatening transmissible agents) → D; rule 3 (e.g. cancer,
 * human genetic testing, companion diagnostics) → C; otherwise rule 6 → B. Standalone software is
 * classified in its own right (Annex VIII, implementing rules); classes A and the other rules are out of this map.
 */
export function ivdrClass(a: PathwayAnswers): 'B' | 'C' | 'D' {
  return a.ivdRisk === 'rule_1' ? 'D' : a.ivdRisk === 'rule_3' ? 'C' : 'B';
}

const IVDR_RULE: Record<'B' | 'C' | 'D', string> = { D: 'rule 1', C: 'rule 3', B: 'rule 6' };

/** True when the device's conformity assessment involves a notified body (the AI Act's Art. 6(1)(b) test). */
export function needsNotifiedBody(device: PathwayClassification['device']): boolean {
  if (!device) return false;
  // MDR Art. 52(7): class I (non-sterile, non-measuring software) is self-declared; IVDR classes B–D need one.
  return device.regulation === 'IVDR' || device.class !== 'I';
}

/** The conformity assessment step of the device, if the software is one. */
export function deviceSteps(device: PathwayClassification['device']): PathwayStep[] {
  if (!device) return [];
  if (device.regulation === 'IVDR')
    return [
      {
        id: 'ivdr_conformity',
        authority: 'notified_body_ivdr',
        citations: [
          cite('IVDR', `Annex VIII, ${IVDR_RULE[device.class]}`),
          ...cites('IVDR', 'Art. 47', 'Art. 48', 'Annex IX', 'Art. 56'),
        ],
        notes: [],
        params: { class: device.class },
      },
    ];
  if (device.class === 'I')
    return [
      {
        id: 'mdr_self_declaration',
        authority: 'applicant',
        citations: cites('MDR', 'Annex VIII, rule 11', 'Art. 52(7)', 'Annex II', 'Annex III', 'Art. 61'),
        notes: [],
        params: { class: device.class },
      },
    ];
  return [
    {
      id: 'mdr_conformity',
      authority: 'notified_body_mdr',
      citations: cites('MDR', 'Annex VIII, rule 11', 'Art. 51', 'Art. 52', 'Annex IX', 'Art. 61'),
      notes: [],
      params: { class: device.class },
    },
  ];
}
