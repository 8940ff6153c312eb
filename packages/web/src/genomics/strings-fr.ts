import type { Translation } from '../i18n/localise';
import type { genomicsEn } from './strings';

/** French text of the genomic search (translation of genomicsEn). */
export const genomicsFr: Translation<typeof genomicsEn> = {
  nav: 'Génomique',
  title: 'Recherche génomique',
  intro:
    'Demandez au nœud de chaque détenteur de données s’il détient un variant, éventuellement chez des personnes présentant des phénotypes donnés. Les nœuds répondent via GA4GH Beacon v2 au niveau de détail auquel vous avez droit : oui ou non pour tous, effectifs arrondis si vous êtes connecté, enregistrements uniquement au titre d’une autorisation de traitement de données qui vous désigne (art. 68).',
  form: 'Recherche génomique',
  variant: {
    label: 'Variant, intervalle ou gène',
    placeholder: '17:43057062 T>TG',
    hint: 'Un allèle (17:43057062 T>TG, chr17:43057062T>TG ou 17-43057062-T-TG), un intervalle (17:43044000-43045000, bornes incluses) ou un symbole de gène (BRCA1). Les positions sont en base 1, comme dans les fichiers VCF et les navigateurs de génome ; la recherche transmet au Beacon un début en base 0 (position − 1) et une fin exclue (intervalle semi-ouvert).',
    required:
      'Indiquez un variant, un intervalle ou un gène pour rechercher des variants (seule une recherche de personnes peut le laisser vide).',
    asBeacon: 'Transmis au Beacon sous la forme {text}.',
    allele: 'chromosome {chrom}, position {pos} (base 1) {ref}>{alt} → début {start0} (base 0)',
    range:
      'chromosome {chrom}, bases {from}–{to} (base 1, bornes incluses) → [{start0}, {end0}) (base 0, fin exclue)',
    gene: 'gène {gene}',
  },
  assembly: { label: 'Assemblage', hint: 'Le génome de référence des positions.' },
  entry: {
    legend: 'Rechercher',
    variants: 'Des variants',
    individuals: 'Des personnes',
  },
  phenotypes: {
    label: 'Phénotypes (HPO)',
    hint: 'Saisissez le nom ou le code HPO d’un terme et choisissez-le dans la liste ; les personnes doivent présenter tous les termes choisis.',
    none: 'Aucun terme de phénotype choisi.',
    picked: 'Phénotypes choisis',
    remove: 'Retirer {term}',
    noMatch: 'Aucun terme détenu par les nœuds ne correspond à « {text} ».',
    suggestions: '{n} suggestions ; utilisez les touches fléchées pour choisir.',
    notLoaded:
      'La liste des termes n’a pas pu être chargée ; les codes HPO saisis en entier (HP:0001250) restent acceptés.',
    invalidCode:
      '« {text} » n’est ni un code HPO (HP: suivi de sept chiffres) ni un terme détenu par les nœuds.',
    add: 'Ajouter',
  },
  sex: { label: 'Sexe', any: 'Tous', female: 'Féminin', male: 'Masculin' },
  run: 'Rechercher sur chaque nœud',
  running: 'Recherche…',
  granularity: {
    boolean: {
      title: 'Vous voyez oui ou non par nœud',
      text: 'Tout le monde peut demander si un nœud détient une correspondance. Connectez-vous pour voir les effectifs, arrondis par le contrôle du secret statistique de l’organisme d’accès.',
      signedInText: 'La politique de l’organisme d’accès n’accorde à votre compte que oui ou non par nœud.',
    },
    count: {
      title: 'Vous voyez les effectifs par nœud',
      text: 'Les effectifs sont arrondis à {roundTo} près ; en dessous de {minCount}, un nœud indique seulement « moins de {minCount} ». Les enregistrements nécessitent une autorisation de traitement de données qui vous désigne pour le jeu de données (art. 68).',
    },
    record: {
      title: 'Vous voyez les enregistrements des jeux de données de votre autorisation',
      text: 'Les enregistrements de {datasets} sont affichés parce qu’une autorisation de traitement de données en vigueur vous désigne ; les autres jeux de données répondent par des effectifs arrondis.',
    },
    signIn: 'Se connecter pour voir les effectifs',
  },
  results: {
    title: 'Résultats par nœud',
    caption: 'Réponses de chaque nœud',
    node: 'Nœud',
    country: 'Pays',
    dataset: 'Jeu de données',
    found: 'Trouvé',
    count: 'Effectif',
    countVariants: 'Variants',
    countIndividuals: 'Personnes',
    alleles: 'Nombre d’allèles / total',
    frequency: 'Fréquence allélique',
    status: 'Statut',
    yes: 'Oui',
    no: 'Non',
    fewerThan: 'moins de {n}',
    about: '≈ {n}',
    roundedNote: '≈ : arrondi par le contrôle du secret statistique.',
    notShown: 'non affiché',
    none: '—',
    noNodes: 'Aucun nœud n’a répondu : aucun n’est connecté à la plateforme.',
    summaryYes: '{n} nœuds sur {total} ont trouvé une correspondance.',
    summaryNo: 'Aucun nœud n’a trouvé de correspondance.',
    statuses: {
      ok: 'Répondu',
      refused: 'Refusé',
      timeout: 'Pas de réponse à temps',
      error: 'Échec',
    },
  },
  records: {
    title: 'Enregistrements de {node}',
    variantsCaption: 'Enregistrements de variants de {node}',
    individualsCaption: 'Enregistrements individuels de {node}',
    position: 'Position (base 1)',
    interval: 'Intervalle (base 0, semi-ouvert)',
    ref: 'Réf.',
    alt: 'Alt.',
    type: 'Type',
    carriers: 'Porteurs',
    frequency: 'Fréquence dans le jeu de données',
    id: 'Identifiant pseudonyme',
    sex: 'Sexe',
    phenotypes: 'Phénotypes',
    diseases: 'Maladies',
    shown: '{shown} affichés sur {total}.',
    permitNote:
      'Les identifiants sont des pseudonymes propres à votre autorisation : ils ne renvoient à rien en dehors de celle-ci.',
  },
  errors: {
    budget: 'Votre quota de requêtes est épuisé',
    budgetHint:
      'Le Beacon limite le nombre de recherches par personne, afin que personne ne puisse établir qui porte quoi en interrogeant encore et encore.',
    fixFields: 'Le Beacon a refusé la recherche : {message}',
  },
};
