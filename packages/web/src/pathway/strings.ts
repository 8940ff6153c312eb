import { localise } from '../i18n/localise';
import { pathwayDe } from './strings-de';
import { pathwayFr } from './strings-fr';
import { pathwayIt } from './strings-it';
/**
 * English strings of the regulatory pathway navigator (issue 6 §4). Codes come from @openehds/core
 * (pathway/); every text the navigator shows is here, so a later pass can translate it.
 */
export const pathwayEn = {
  nav: 'Regulatory pathway',
  title: 'Regulatory pathway navigator',
  intro:
    'Answer a few questions about your project to see the regulatory steps it takes: the EHDS route, data protection, medical device and AI Act rules, who decides each step, and the articles behind it. This is guidance, not legal advice.',
  stepOf: 'Step {n} of {total}: {group}',
  progress: 'Questionnaire progress',
  groups: {
    purpose: 'Purpose',
    route: 'Data and route',
    gdpr: 'Data protection',
    device: 'Medical device',
    ai: 'Artificial intelligence',
    report: 'Pathway report',
  } as Record<string, string>,
  back: 'Back',
  next: 'Next',
  showReport: 'See the pathway report',
  restart: 'Start again',
  editAnswers: 'Change the answers',
  answerAll: 'Answer every question of this step to go on:',
  cites: 'See {refs}',
  loading: 'Loading the questionnaire…',
  questions: {
    purpose: 'What is the purpose of using the health data?',
    publicBody: 'Is the applicant a public sector body or an EU body, or acting on behalf of one?',
    prohibitedUses: 'Will the data or results be used for any of the following?',
    ethicsReview: 'Does national law require an ethics committee to review this research?',
    dataForm: 'What do you need from the data?',
    identifiability: 'Will anonymised records do, or do you need pseudonymised data?',
    countries: 'Where are the data held?',
    lawfulBasis: 'Which GDPR Art. 6(1) lawful basis applies to your processing?',
    article9: 'Which GDPR Art. 9(2) condition allows processing the health data?',
    dpiaCriteria: 'Which of these describe the processing? (health data already count as sensitive data)',
    deviceSoftware: 'Is the product you build software with a medical intended purpose?',
    softwareFunction: 'What does the medical device software do?',
    decisionImpact: 'What could a decision based on the software’s information cause at worst?',
    vitalParameters:
      'Does it monitor vital parameters whose variations could mean immediate danger to the patient?',
    ivdRisk: 'What does the in vitro diagnostic software detect or determine?',
    buildsAi: 'Will you develop, train or evaluate an AI system with the data?',
    aiPractices: 'Will the AI system do any of the following?',
    aiAnnexIII: 'Will the AI system be used in one of these areas?',
    aiTransparency: 'Will the AI system do any of these?',
  } as Record<string, string>,
  hints: {
    prohibitedUses: 'Choose "None of these" if none applies.',
    aiPractices: 'Emotion recognition for medical or safety reasons is not prohibited.',
    deviceSoftware:
      'Medical purpose: diagnosis, prevention, monitoring, prediction, prognosis, treatment or alleviation of disease.',
  } as Record<string, string>,
  options: {
    PUBLIC_HEALTH: 'Public or occupational health (Art. 53(1)(a))',
    POLICY_REGULATION: 'Policy-making and regulation (Art. 53(1)(b))',
    OFFICIAL_STATISTICS: 'Official statistics (Art. 53(1)(c))',
    EDUCATION: 'Education or teaching (Art. 53(1)(d))',
    SCIENTIFIC_RESEARCH: 'Scientific research, incl. product development and training AI (Art. 53(1)(e))',
    CARE_IMPROVEMENT: 'Improving care and treatment (Art. 53(1)(f))',
    OTHER: 'Something else',
    DETRIMENTAL_DECISIONS: 'Decisions detrimental to a person or group (Art. 54(a))',
    EMPLOYMENT_INSURANCE_CREDIT_DISCRIMINATION:
      'Decisions on jobs, insurance, credit or other discrimination (Art. 54(b))',
    ADVERTISING_MARKETING: 'Advertising or marketing (Art. 54(c))',
    HARMFUL_PRODUCTS: 'Harmful products: drugs, alcohol, tobacco, weapons, addictive design (Art. 54(d))',
    AGAINST_NATIONAL_ETHICS_LAW: 'Activities against ethical provisions of national law (Art. 54(e))',
    none: 'None of these',
    yes: 'Yes',
    no: 'No',
    required: 'Yes',
    not_required: 'No',
    unknown: 'I do not know',
    statistics: 'Anonymised statistics only (a table, a count, a model’s summary)',
    record_level: 'Access to record-level data in a secure processing environment',
    anonymised: 'Anonymised records will do',
    pseudonymised: 'Pseudonymised records are needed',
    one: 'In one member state',
    several: 'In several member states',
    public_task: 'Public task or official authority (Art. 6(1)(e))',
    legitimate_interest: 'Legitimate interests (Art. 6(1)(f))',
    legal_obligation: 'Legal obligation (Art. 6(1)(c))',
    consent: 'Consent (Art. 6(1)(a))',
    research_statistics: 'Scientific research or statistics (Art. 9(2)(j))',
    public_health: 'Public interest in public health (Art. 9(2)(i))',
    health_care: 'Health or social care (Art. 9(2)(h))',
    substantial_public_interest: 'Substantial public interest under law (Art. 9(2)(g))',
    explicit_consent: 'Explicit consent (Art. 9(2)(a))',
    evaluation_scoring: 'Evaluating or scoring people, incl. profiling and prediction',
    automated_decision: 'Automated decisions with legal or similarly significant effects',
    systematic_monitoring: 'Systematic monitoring',
    large_scale: 'Large scale (many people, much data, long periods or wide area)',
    matching_combining: 'Matching or combining datasets',
    vulnerable_subjects: 'Vulnerable people (patients, children, employees)',
    innovative_technology: 'New technology, such as AI or genomics',
    prevents_rights: 'It stops people exercising a right or using a service',
    medical_device: 'Yes, a medical device (MDR)',
    ivd: 'Yes, an in vitro diagnostic that examines specimens from the body (IVDR)',
    decision_support: 'Gives information used for diagnostic or therapeutic decisions',
    monitoring: 'Monitors physiological processes',
    other: 'Something else',
    death_or_irreversible: 'Death or an irreversible deterioration of health',
    serious_or_surgery: 'A serious deterioration of health or a surgical intervention',
    rule_1:
      'Transmissible agents in blood, tissues or organs for transfusion or transplant, or life-threatening transmissible agents',
    rule_3: 'Cancer, human genetic testing, companion diagnostics or another high-risk marker',
    subliminal_manipulation: 'Manipulating behaviour with subliminal or deceptive techniques',
    exploiting_vulnerabilities: 'Exploiting vulnerabilities of age, disability or social situation',
    social_scoring: 'Social scoring leading to unjustified treatment',
    emotion_recognition_work_education:
      'Recognising emotions at work or in education, not for medical or safety reasons',
    biometric_categorisation_sensitive:
      'Inferring race, political opinions, beliefs or sex life from biometric data',
    healthcare_eligibility:
      'Deciding eligibility for public healthcare services or benefits (Annex III 5(a))',
    emergency_triage: 'Emergency call evaluation, dispatch or patient triage (Annex III 5(d))',
    insurance_pricing: 'Risk assessment and pricing in life or health insurance (Annex III 5(c))',
    biometric_identification: 'Remote biometric identification (Annex III 1(a))',
    interacts_with_people: 'Interacts directly with people (e.g. a chatbot)',
    generates_content: 'Generates synthetic text, images, audio or video',
    emotion_or_biometric: 'Recognises emotions or categorises people biometrically',
  } as Record<string, string>,
  report: {
    title: 'Your regulatory pathway',
    incomplete: 'Some questions are still unanswered: {list}.',
    stoppedTitle: 'This use cannot go ahead',
    stops: {
      prohibited_use: 'The EHDS prohibits this use of health data, whatever the route or safeguards.',
      not_a_purpose:
        'The purpose is not on the closed list of Art. 53(1): secondary use under the EHDS is not available for it.',
      public_body_only:
        'This purpose is reserved to public sector bodies and EU bodies, or those acting on their behalf.',
      prohibited_ai_practice:
        'The AI Act prohibits this AI practice: the system may not be placed on the market or used.',
    } as Record<string, string>,
    summary: 'Summary',
    route: 'EHDS route',
    routes: { data_permit: 'Data permit (Art. 68)', data_request: 'Health data request (Art. 69)' } as Record<
      string,
      string
    >,
    multiCountry: 'Data in several member states: one application through HealthData@EU',
    dpia: 'Data protection impact assessment',
    dpias: {
      required: 'Required',
      not_required: 'Not required (record the screening)',
      not_applicable: 'Not applicable (anonymous data)',
    } as Record<string, string>,
    device: 'Device class',
    noDevice: 'Not a medical device',
    deviceClass: '{regulation} class {class}',
    aiAct: 'AI Act',
    aiClasses: {
      not_applicable: 'No AI system',
      high_risk_annex_i: 'High-risk: device under Annex I (Art. 6(1))',
      high_risk_annex_iii: 'High-risk: Annex III area (Art. 6(2))',
      transparency: 'Transparency duties (Art. 50)',
      minimal: 'Minimal risk',
    } as Record<string, string>,
    steps: 'Steps, in order',
    stepAuthority: 'With',
    stepCitations: 'Articles',
    print: 'Print',
    download: 'Download as JSON',
    save: 'Save to my account',
    saveTitle: 'Title of the saved report',
    saved: 'Saved as "{title}".',
    signInToSave: 'Sign in to save this report to your account.',
    disclaimer:
      'Guidance only: the HDAB, the data protection authority, notified bodies and market surveillance authorities decide.',
  },
  authorities: {
    applicant: 'You (the controller or provider)',
    hdab: 'The health data access body of the member state',
    hdabs_healthdata_eu: 'The HDABs of each member state, through HealthData@EU',
    data_protection_authority: 'The data protection authority',
    ethics_committee: 'An ethics committee under national law',
    notified_body_mdr: 'A notified body under the MDR',
    notified_body_ivdr: 'A notified body under the IVDR',
    ai_notified_body: 'A notified body under the AI Act',
    ai_market_surveillance: 'The AI Act market surveillance authority',
  } as Record<string, string>,
  stepTitles: {
    ehds_purpose: 'Declare the purpose (Art. 53(1)({letter})) and that no prohibited use applies',
    ethics_review: 'Obtain the ethics committee’s approval and include it in the application',
    gdpr_anonymous: 'Anonymous data: the GDPR does not apply to what you receive',
    gdpr_legal_basis:
      'Document the lawful basis (Art. 6(1)({basis})) and the Art. 9(2)({condition}) condition',
    dpia: 'Carry out a data protection impact assessment ({criteria} WP248 criteria met)',
    dpa_prior_consultation: 'Consult the data protection authority before processing, if high risk remains',
    dpia_screening: 'Record why no DPIA is needed ({criteria} WP248 criterion met)',
    apply_data_permit: 'Apply for a data permit; decision within {months} months (extendable by {extension})',
    apply_data_request: 'Submit a health data request; assessed within {months} months',
    access_in_spe:
      'Work with the data in the HDAB’s secure processing environment (data within {months} months of receipt)',
    mdr_conformity: 'MDR class {class}: conformity assessment with a notified body, with clinical evaluation',
    mdr_self_declaration:
      'MDR class {class}: technical documentation and EU declaration of conformity, with clinical evaluation',
    ivdr_conformity:
      'IVDR class {class}: conformity assessment with a notified body, with performance evaluation',
    ai_high_risk_requirements:
      'Meet the high-risk requirements: risk management, data governance, documentation, logging, human oversight, accuracy; quality management (from {appliesFrom})',
    ai_conformity_with_device: 'AI Act requirements assessed in the {regulation} conformity assessment',
    ai_conformity_internal: 'Conformity assessment by internal control',
    ai_conformity_notified_body: 'Conformity assessment with an AI Act notified body',
    ai_registration: 'Register the system in the EU database before placing it on the market',
    ai_post_market: 'Post-market monitoring and serious incident reporting',
    ai_transparency: 'Tell people they interact with AI, or mark generated content',
    ai_minimal: 'Ensure AI literacy of staff; voluntary codes of conduct',
    publish_results: 'Publish the results within {months} months of the end of processing',
  } as Record<string, string>,
  notes: {
    ai_training_is_research:
      'Training, testing and evaluating AI is scientific research under Art. 53(1)(e); check the purpose chosen.',
    check_national_law: 'Check with the HDAB whether national law requires ethics review.',
    may_answer_as_request:
      'If anonymised statistics would do, the HDAB may answer as a data request, with your agreement (Art. 68(3)).',
    justify_pseudonymised: 'Explain why anonymised data would not do (Art. 67(2)(e)).',
    legitimate_interest_public_body:
      'Public authorities cannot rely on legitimate interests for their tasks (GDPR Art. 6(1), second subparagraph).',
    consent_withdrawable:
      'Consent can be withdrawn at any time (GDPR Art. 7(3)); the EHDS route does not rest on consent.',
    article9_purpose_mismatch: 'The Art. 9(2) condition chosen does not usually fit this purpose; check it.',
    only_if_high_residual_risk:
      'Only needed when the DPIA shows a high risk you cannot mitigate (GDPR Art. 36(1)).',
    also_annex_iii: 'The system is also used in an Annex III area.',
    article_6_3_derogation:
      'Not high-risk if it poses no significant risk and does no profiling: document this (Art. 6(3)).',
    fundamental_rights_impact:
      'Public-authority deployers assess the impact on fundamental rights first (Art. 27).',
    device_without_notified_body:
      'A class I device needs no notified body, so Art. 6(1) does not make the AI high-risk.',
  } as Record<string, string>,
  instruments: {
    EHDS: 'EHDS Regulation (EU) 2025/327',
    GDPR: 'GDPR (EU) 2016/679',
    'AI Act': 'AI Act (EU) 2024/1689',
    MDR: 'MDR (EU) 2017/745',
    IVDR: 'IVDR (EU) 2017/746',
    'EDPB WP248': 'DPIA guidelines WP248 rev.01 (EDPB)',
  } as Record<string, string>,
};

/** The text above in the page's language. */
export const pathwayText = localise(pathwayEn, { de: pathwayDe, fr: pathwayFr, it: pathwayIt });
