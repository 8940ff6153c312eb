import { localise } from '../i18n/localise';
import { roadmapDe } from './strings-de';
import { roadmapFr } from './strings-fr';
import { roadmapIt } from './strings-it';
/** English strings of recommendations and roadmap (issue 6 §5). */
export const roadmapEn = {
  nav: 'Roadmap',
  title: 'Recommendations and roadmap',
  intro:
    'What the platform’s stakeholders recommend, who owns each recommendation, and the milestones that carry them, with the KPIs that show progress.',
  signInNeeded: 'Sign in to read the roadmap.',
  recommendations: 'Recommendations',
  filterStatus: 'Show recommendations with status',
  allStatuses: 'All statuses',
  caption: 'Recommendations, by target date',
  captionFiltered: 'Recommendations with status “{status}”',
  colTitle: 'Recommendation',
  colOwner: 'Owner',
  colStatus: 'Status',
  colTarget: 'Target date',
  colKpis: 'KPIs',
  colActions: 'Actions',
  rationale: 'Why',
  none: 'No recommendation matches.',
  noDate: 'no date',
  edit: 'Edit',
  editLabel: 'Edit “{title}”',
  recStatuses: {
    proposed: 'Proposed',
    agreed: 'Agreed',
    in_progress: 'In progress',
    done: 'Done',
    dropped: 'Dropped',
  } as Record<string, string>,
  msStatuses: {
    planned: 'Planned',
    in_progress: 'In progress',
    done: 'Done',
    cancelled: 'Cancelled',
  } as Record<string, string>,
  milestones: 'Milestones',
  timelineTitle: 'Roadmap milestones by quarter',
  timelineSummary:
    '{n} milestones from {from} to {to}; {overdue} overdue. A vertical line marks today, {today}.',
  overdue: 'overdue',
  today: 'Today',
  colDue: 'Due',
  colMilestone: 'Milestone',
  colLinks: 'Recommendations · KPI targets',
  addRecommendation: 'Add a recommendation',
  editRecommendation: 'Edit the recommendation',
  addMilestone: 'Add a milestone',
  editMilestone: 'Edit the milestone',
  fTitle: 'Title',
  fRationale: 'Rationale',
  fOwner: 'Owner',
  fOwnerHint: 'A stakeholder organisation’s name or an account’s user name.',
  fStatus: 'Status',
  fTarget: 'Target date',
  fKpis: 'Linked KPI keys',
  fKpisHint: 'Comma-separated KPI keys, e.g. applications.days-to-decision, permits.granted',
  fDue: 'Due date',
  fLinks: 'Recommendations this milestone carries',
  fTargets: 'KPI targets',
  fTargetsHint: 'One per line or comma-separated, as key = target, e.g. permits.granted = 50',
  fTargetsBad: 'Write each KPI target as key = number; “{part}” is not.',
  save: 'Save',
  cancel: 'Cancel',
  saved: 'Saved.',
};

/** The text above in the page's language. */
export const roadmapText = localise(roadmapEn, { de: roadmapDe, fr: roadmapFr, it: roadmapIt });
