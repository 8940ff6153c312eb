import { localise } from '../i18n/localise';
import { jobsDe } from './strings-de';
import { jobsFr } from './strings-fr';
import { jobsIt } from './strings-it';
/**
 * English strings of code-to-data jobs (the workspace's jobs section and the job page), in one place
 * so a translation is one more file of the same shape. Placeholders in braces are filled by `fmt`.
 */
export const jobsEn = {
  section: {
    title: 'Jobs',
    intro:
      'Run your own Python, R or JavaScript script next to the data of this permit. It runs at the data holder in a sandbox without network, reads the permit’s data read-only from /data (see /data/README.txt) and writes its results to /output. Only /output leaves, through the airlock, after review by two output checkers.',
    listTitle: 'Jobs under this permit',
    empty: 'No jobs yet.',
    caption: 'Jobs under this permit, newest first',
    reference: 'Job',
    status: 'Status',
    language: 'Language',
    author: 'Submitted by',
    created: 'Submitted',
    outputs: 'Outputs',
    noOutputs: '—',
  },
  form: {
    title: 'Submit a job',
    language: 'Language',
    languageHint: 'The interpreter the script runs with: Python 3.11, R 4.2 or Node.js.',
    script: 'Script',
    scriptHint: 'Paste the script, or load it from a file below.',
    file: 'Load the script from a file',
    args: 'Arguments',
    argsHint: 'One per line; the script receives them as its command-line arguments.',
    backend: 'Where it runs',
    node: 'Node',
    nodeHint: 'A job runs next to the data of one node; submit it again to run at another.',
    backendHint: 'The node’s own sandbox by default; an AI Factory (Slurm) for large or GPU jobs.',
    backends: {
      '': 'The node’s default',
      local: 'The node’s sandbox',
      slurm: 'AI Factory (Slurm)',
      tes: 'A GA4GH TES server',
    } as Record<string, string>,
    limits: 'Limits',
    cpus: 'CPUs',
    memoryMb: 'Memory (MB)',
    timeSeconds: 'Time limit (seconds)',
    gpus: 'GPUs',
    gpusHint: 'Only on an AI Factory; GPUs × time limit is reserved from the permit’s GPU hours.',
    submit: 'Submit the job',
    submitting: 'Submitting…',
    submitted: 'Job {reference} submitted.',
    open: 'Follow it',
    wholeNumber: 'Give a whole number.',
  },
  languages: { python: 'Python', r: 'R', javascript: 'JavaScript' } as Record<string, string>,
  statuses: {
    QUEUED: 'Queued',
    RUNNING: 'Running',
    SUCCEEDED: 'Succeeded',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
  } as Record<string, string>,
  page: {
    title: 'Job {reference}',
    signInNeeded: 'Sign in to see this job.',
    permit: 'Permit',
    node: 'Node',
    backend: 'Where it runs',
    defaultBackend: 'the node’s default',
    limits: 'Limits',
    limitsText: '{cpus} CPU, {memoryMb} MB, {timeSeconds} s, {gpus} GPU',
    gpuHours: 'GPU hours',
    gpuHoursText: '{used} used of {reserved} reserved',
    created: 'Submitted',
    started: 'Started',
    ended: 'Ended',
    exitCode: 'Exit code',
    message: 'How it ended',
    log: 'Log',
    logEmpty: 'No output yet.',
    logLive: 'The log updates while the job runs.',
    logTruncated: 'The hub keeps the first 2 MiB of a log; the rest was cut.',
    script: 'Script',
    args: 'Arguments',
    outputs: 'Outputs',
    airlock: 'Its outputs are in the airlock as {reference} ({status}).',
    openAirlock: 'Open the output request',
    noOutputs: 'The job left no output files.',
    airlockError: 'Its outputs were not taken into the airlock: {error}',
    withheld: 'Not sent to the airlock',
    cancel: 'Cancel the job',
    cancelling: 'Cancelling…',
    back: 'Back to the workspace',
  },
};

/** The text above in the page's language. */
export const jobsText = localise(jobsEn, { de: jobsDe, fr: jobsFr, it: jobsIt });
