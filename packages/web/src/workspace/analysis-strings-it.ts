import type { Translation } from '../i18n/localise';
import type { analysisEn } from './analysis-strings';

/** Italian text of the descriptive, contingency-table and Kaplan–Meier analyses (translation of analysisEn). */
export const analysisIt: Translation<typeof analysisEn> = {
  chooser: {
    legend: 'Che cosa eseguire',
    kinds: {
      glm: 'Modello di regressione (GLM)',
      describe: 'Statistiche descrittive',
      table: 'Tabella di contingenza',
      km: 'Curva di Kaplan–Meier',
    },
  },
  common: {
    run: 'Esegui sui nodi',
    running: 'Esecuzione sui nodi…',
    problems: 'L’analisi presenta {n} problemi; veda i campi evidenziati.',
    problemsOne: 'L’analisi presenta 1 problema; veda il campo evidenziato.',
    none: '(nessuna)',
  },
  describe: {
    title: 'Statistiche descrittive',
    intro:
      'Numerosità, media e deviazione standard di ciascuna variabile numerica e conteggi per sesso, aggregati sui nodi. Una media viene rilasciata solo se calcolata su un numero sufficiente di persone.',
    by: 'Suddividi per',
    byHint:
      'Una descrizione per ogni livello di una variabile di sesso, patologia, farmaco o procedura; oppure nessuna.',
  },
  table: {
    title: 'Tabella di contingenza',
    intro:
      'Conteggi di persone per una o due variabili categoriali, aggregati sui nodi. Ogni nodo oscura e arrotonda le celle di piccole dimensioni prima che qualsiasi dato esca.',
    variablesIntro: 'Sesso, oppure patologie, farmaci e procedure 0/1, così come li ricava ciascun nodo.',
    rows: 'Righe',
    columns: 'Colonne',
    columnsHint: 'Lasci “nessuna” per una tabella a una via.',
  },
  km: {
    title: 'Curva di Kaplan–Meier',
    intro:
      'Sopravvivenza dall’inizio del primo periodo di osservazione di ciascuna persona fino a un evento, aggregata sui nodi. I tempi sono resi meno precisi prima di lasciare un nodo e la coda in cui restano poche persone a rischio viene tagliata.',
    survival: 'Variabile di sopravvivenza',
    name: 'Nome',
    domain: 'Evento',
    domains: {
      death: 'Decesso',
      condition: 'Una patologia',
      drug: 'Un farmaco',
      procedure: 'Una procedura',
      measurement: 'Una misurazione',
    },
    group: 'Curve per gruppo',
    groupNone: 'Una sola curva per tutti',
    groupAdd: 'Traccia una curva per gruppo',
    groupRemove: 'Una sola curva per tutti',
    intervalDays: 'Intervallo di tempo (giorni)',
    intervalHint:
      'I tempi degli eventi sono arrotondati per eccesso a multipli di questo valore (7 = settimane).',
  },
  result: {
    title: 'Risultato',
    pooled: 'Aggregato sui nodi',
    all: 'Tutte le persone',
    groupOf: '{name} = {level}',
    variable: 'Variabile',
    n: 'n',
    mean: 'Media',
    sd: 'DS',
    suppressed: 'oscurato',
    suppressedAt: 'oscurato presso {nodes}',
    suppressedLegend:
      '“oscurato”: trattenuto dal controllo della divulgazione presso uno o più nodi, quindi il valore aggregato non è noto.',
    countsOf: 'Conteggi di {name}',
    level: 'Livello',
    count: 'Conteggio',
    total: 'Totale',
    missing: 'Esclusi per valore mancante: {n}',
    tableCaption: 'Conteggi di {rows} per {columns}',
    tableCaptionOne: 'Conteggi di {rows}',
    noResult: 'Questa analisi non ha risultati da mostrare.',
  },
  kmResult: {
    chartTitle: 'Sopravvivenza per {name}',
    chartSummary:
      'Grafico a gradini di {n} curve di sopravvivenza su {days} giorni; sopravvivenza sull’asse verticale da 0 a 1.',
    time: 'Giorno',
    atRisk: 'A rischio',
    events: 'Eventi',
    censored: 'Censurati',
    survival: 'Sopravvivenza',
    lower: 'Limite inferiore 95 %',
    upper: 'Limite superiore 95 %',
    curveFacts: '{group}: {n} persone, {events} eventi',
    cut: 'Tagliata dopo il giorno {day}: oltre tale giorno, presso un nodo, il numero di persone a rischio era inferiore alla soglia.',
    days: 'Giorni',
    axisSurvival: 'Sopravvivenza',
    tableOf: 'Curva di {group}',
  },
  sdc: {
    title: 'Controllo della divulgazione presso ciascun nodo',
    intro:
      'Che cosa ha rilasciato ciascun nodo e ogni verifica applicata dal suo controllo della divulgazione.',
    summary: '{passed} nodi su {total} hanno superato il controllo della divulgazione.',
    node: 'Nodo',
    status: 'Stato',
    statuses: {
      ok: 'Rilasciato',
      refused: 'Rifiutato',
      error: 'Esecuzione non riuscita',
      unavailable: 'Nessuna risposta',
    },
    records: '{released} output rilasciati su {total}',
    checks: 'Verifiche',
    output: 'Output',
    outcome: 'Esito',
    marked: 'Oscurato, arrotondato o rifiutato',
    rule: 'Verifica',
    target: 'Dove',
    note: 'Nota',
    noneMarked: 'Nulla è stato oscurato o rifiutato.',
    noRecords: 'Da questo nodo non è pervenuto alcun registro del controllo della divulgazione.',
  },
};
