import type { Translation } from '../i18n/localise';
import type { analysisEn } from './analysis-strings';

/** French text of the descriptive, contingency-table and Kaplan–Meier analyses (translation of analysisEn). */
export const analysisFr: Translation<typeof analysisEn> = {
  chooser: {
    legend: 'Analyse à exécuter',
    kinds: {
      glm: 'Modèle de régression (GLM)',
      describe: 'Statistiques descriptives',
      table: 'Tableau de contingence',
      km: 'Courbe de Kaplan–Meier',
    },
  },
  common: {
    run: 'Exécuter sur les nœuds',
    running: 'Exécution sur les nœuds…',
    problems: 'L’analyse présente {n} problèmes ; voir les champs signalés.',
    problemsOne: 'L’analyse présente 1 problème ; voir le champ signalé.',
    none: '(aucune)',
  },
  describe: {
    title: 'Statistiques descriptives',
    intro:
      'Effectif, moyenne et écart-type de chaque variable numérique, et effectifs par sexe, regroupés sur l’ensemble des nœuds. Une moyenne n’est communiquée que si elle repose sur suffisamment de personnes.',
    by: 'Ventiler par',
    byHint:
      'Une description par modalité d’une variable de sexe, de pathologie, de médicament ou d’acte ; ou aucune.',
  },
  table: {
    title: 'Tableau de contingence',
    intro:
      'Effectifs de personnes selon une ou deux variables catégorielles, regroupés sur l’ensemble des nœuds. Chaque nœud masque et arrondit les petites cellules avant que quoi que ce soit ne sorte.',
    variablesIntro:
      'Le sexe, ou des pathologies, médicaments et actes codés 0/1, tels que chaque nœud les dérive.',
    rows: 'Lignes',
    columns: 'Colonnes',
    columnsHint: 'Laissez sur « aucune » pour un tableau à une dimension.',
  },
  km: {
    title: 'Courbe de Kaplan–Meier',
    intro:
      'Survie depuis le début de la première période d’observation de chaque personne jusqu’à un événement, regroupée sur l’ensemble des nœuds. Les durées sont arrondies par intervalles avant de quitter un nœud, et la queue de courbe où peu de personnes restent à risque est coupée.',
    survival: 'Variable de survie',
    name: 'Nom',
    domain: 'Événement',
    domains: {
      death: 'Décès',
      condition: 'Une pathologie',
      drug: 'Un médicament',
      procedure: 'Un acte',
      measurement: 'Une mesure',
    },
    group: 'Courbes par groupe',
    groupNone: 'Une seule courbe pour tous',
    groupAdd: 'Tracer une courbe par groupe',
    groupRemove: 'Une seule courbe pour tous',
    intervalDays: 'Intervalle de temps (jours)',
    intervalHint:
      'Les délais jusqu’à l’événement sont arrondis au multiple supérieur de cette valeur (7 = semaines).',
  },
  result: {
    title: 'Résultat',
    pooled: 'Regroupé sur l’ensemble des nœuds',
    all: 'Toutes les personnes',
    groupOf: '{name} = {level}',
    variable: 'Variable',
    n: 'n',
    mean: 'Moyenne',
    sd: 'É.-T.',
    suppressed: 'masqué',
    suppressedAt: 'masqué sur {nodes}',
    suppressedLegend:
      '« masqué » : retenu par le contrôle du secret statistique sur au moins un nœud ; la valeur regroupée est donc inconnue.',
    countsOf: 'Effectifs de {name}',
    level: 'Modalité',
    count: 'Effectif',
    total: 'Total',
    missing: 'Exclus pour valeur manquante : {n}',
    tableCaption: 'Effectifs de {rows} par {columns}',
    tableCaptionOne: 'Effectifs de {rows}',
    noResult: 'Cette analyse n’a aucun résultat à afficher.',
  },
  kmResult: {
    chartTitle: 'Survie : {name}',
    chartSummary:
      'Graphique en escalier de {n} courbes de survie sur {days} jours ; survie sur l’axe vertical, de 0 à 1.',
    time: 'Jour',
    atRisk: 'À risque',
    events: 'Événements',
    censored: 'Censurés',
    survival: 'Survie',
    lower: 'Borne inf. 95 %',
    upper: 'Borne sup. 95 %',
    curveFacts: '{group} : {n} personnes, {events} événements',
    cut: 'Coupée après le jour {day} : au-delà, moins de personnes que le seuil restaient à risque sur un nœud.',
    days: 'Jours',
    axisSurvival: 'Survie',
    tableOf: 'Courbe de {group}',
  },
  sdc: {
    title: 'Contrôle du secret statistique sur chaque nœud',
    intro:
      'Ce que chaque nœud a communiqué et chaque contrôle appliqué par son contrôle du secret statistique.',
    summary: '{passed} nœuds sur {total} ont passé le contrôle du secret statistique.',
    node: 'Nœud',
    status: 'Statut',
    statuses: {
      ok: 'Communiqué',
      refused: 'Refusé',
      error: 'Exécution impossible',
      unavailable: 'Pas de réponse',
    },
    records: '{released} résultats communiqués sur {total}',
    checks: 'Contrôles',
    output: 'Résultat',
    outcome: 'Issue',
    marked: 'Masqué, arrondi ou refusé',
    rule: 'Contrôle',
    target: 'Emplacement',
    note: 'Note',
    noneMarked: 'Rien n’a été masqué ni refusé.',
    noRecords: 'Aucun rapport de contrôle du secret statistique n’est parvenu de ce nœud.',
  },
};
