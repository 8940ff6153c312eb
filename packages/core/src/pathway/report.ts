import { invalid } from '../errors/app-error';
import { aiRiskClass, aiSteps, aiStop, aiTransparencyDuties, ehdsProhibitedByAi } from './ai-act';
import { deviceClass, deviceSteps } from './device';
import { accessSteps, ehdsRoute, ehdsStop, publishStep, purposeSteps } from './ehds';
import { dpiaDecision, gdprSteps } from './gdpr';
import { answerIssues, effectiveAnswers, missingAnswers } from './questions';
import type { PathwayAnswers, PathwayReport } from './types';

/**
 * The pathway report for the answers (issue 6 §4): the ordered steps, who each is taken with and
 * the articles cited. A prohibited or ineligible use stops the pathway with its reason as soon as it
 * is answered (EHDS Art. 53–54, AI Act Art. 5); otherwise unanswered questions leave it incomplete.
 * Answers to questions that do not show are ignored. Throws `invalid` for unknown questions or options.
 */
export function pathwayReport(answers: PathwayAnswers): PathwayReport {
  const issues = answerIssues(answers);
  if (issues.length)
    throw invalid(`the answers have ${issues.length} problem${issues.length === 1 ? '' : 's'}`, issues);
  const a = effectiveAnswers(answers);
  const missing = missingAnswers(a);
  const stop = ehdsStop(a, ehdsProhibitedByAi(a)) ?? aiStop(a);
  if (stop) return { status: 'stopped', missing, stop, classification: null, steps: [] };
  if (missing.length) return { status: 'incomplete', missing, stop: null, classification: null, steps: [] };
  const device = deviceClass(a);
  return {
    status: 'complete',
    missing: [],
    stop: null,
    classification: {
      ...ehdsRoute(a),
      dpia: dpiaDecision(a),
      device,
      aiAct: aiRiskClass(a, device),
      aiTransparency: aiTransparencyDuties(a),
    },
    // Order: purpose and ethics, data protection, the application and access, the product's
    // conformity (device, then AI Act), and publishing the results.
    steps: [
      ...purposeSteps(a),
      ...gdprSteps(a),
      ...accessSteps(a),
      ...deviceSteps(device),
      ...aiSteps(a, device),
      publishStep(),
    ],
  };
}
