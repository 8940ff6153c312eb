import type { Translation } from '../i18n/localise';
import type { analysisEn } from './analysis-strings';

/** German text of the descriptive, contingency-table and Kaplan–Meier analyses (translation of analysisEn). */
export const analysisDe: Translation<typeof analysisEn> = {
  chooser: {
    legend: 'Was ausgeführt werden soll',
    kinds: {
      glm: 'Regressionsmodell (GLM)',
      describe: 'Deskriptive Statistik',
      table: 'Kontingenztafel',
      km: 'Kaplan-Meier-Kurve',
    },
  },
  common: {
    run: 'An den Knoten ausführen',
    running: 'Wird an den Knoten ausgeführt…',
    problems: 'Die Analyse enthält {n} Fehler; siehe die markierten Felder.',
    problemsOne: 'Die Analyse enthält 1 Fehler; siehe das markierte Feld.',
    none: '(keine)',
  },
  describe: {
    title: 'Deskriptive Statistik',
    intro:
      'Anzahl, Mittelwert und Standardabweichung jeder numerischen Variable sowie Anzahlen je Geschlecht, gepoolt über die Knoten. Ein Mittelwert wird nur freigegeben, wenn genügend Personen dahinterstehen.',
    by: 'Aufgeteilt nach',
    byHint:
      'Eine Beschreibung je Ausprägung einer Variable für Geschlecht, Erkrankung, Arzneimittel oder Prozedur; oder keine.',
  },
  table: {
    title: 'Kontingenztafel',
    intro:
      'Anzahl der Personen nach einer oder zwei kategorialen Variablen, gepoolt über die Knoten. Jeder Knoten unterdrückt und rundet kleine Zellen, bevor etwas ihn verlässt.',
    variablesIntro:
      'Geschlecht oder 0/1-Variablen für Erkrankungen, Arzneimittel und Prozeduren, wie jeder Knoten sie ableitet.',
    rows: 'Zeilen',
    columns: 'Spalten',
    columnsHint: 'Für eine eindimensionale Tafel auf „keine“ belassen.',
  },
  km: {
    title: 'Kaplan-Meier-Kurve',
    intro:
      'Überleben vom Beginn des ersten Beobachtungszeitraums jeder Person bis zu einem Ereignis, gepoolt über die Knoten. Zeiten werden vergröbert, bevor sie einen Knoten verlassen, und das Ende der Kurve, an dem nur noch wenige unter Risiko stehen, wird abgeschnitten.',
    survival: 'Überlebensvariable',
    name: 'Name',
    domain: 'Ereignis',
    domains: {
      death: 'Tod',
      condition: 'Eine Erkrankung',
      drug: 'Ein Arzneimittel',
      procedure: 'Eine Prozedur',
      measurement: 'Eine Messung',
    },
    group: 'Kurven nach Gruppe',
    groupNone: 'Eine Kurve für alle',
    groupAdd: 'Eine Kurve je Gruppe zeichnen',
    groupRemove: 'Eine Kurve für alle',
    intervalDays: 'Zeitintervall (Tage)',
    intervalHint: 'Ereigniszeiten werden auf Vielfache dieses Werts aufgerundet (7 = Wochen).',
  },
  result: {
    title: 'Ergebnis',
    pooled: 'Gepoolt über die Knoten',
    all: 'Alle Personen',
    groupOf: '{name} = {level}',
    variable: 'Variable',
    n: 'n',
    mean: 'Mittelwert',
    sd: 'SD',
    suppressed: 'unterdrückt',
    suppressedAt: 'unterdrückt bei {nodes}',
    suppressedLegend:
      '„unterdrückt“: von der Offenlegungskontrolle an mindestens einem Knoten zurückgehalten; der gepoolte Wert ist daher unbekannt.',
    countsOf: 'Anzahlen von {name}',
    level: 'Ausprägung',
    count: 'Anzahl',
    total: 'Gesamt',
    missing: 'Wegen eines fehlenden Werts ausgelassen: {n}',
    tableCaption: 'Anzahlen von {rows} nach {columns}',
    tableCaptionOne: 'Anzahlen von {rows}',
    noResult: 'Für diese Analyse gibt es kein Ergebnis anzuzeigen.',
  },
  kmResult: {
    chartTitle: 'Überleben: {name}',
    chartSummary:
      'Treppendiagramm mit {n} Überlebenskurven über {days} Tage; Überleben auf der senkrechten Achse von 0 bis 1.',
    time: 'Tag',
    atRisk: 'Unter Risiko',
    events: 'Ereignisse',
    censored: 'Zensiert',
    survival: 'Überleben',
    lower: 'Untere 95 %',
    upper: 'Obere 95 %',
    curveFacts: '{group}: {n} Personen, {events} Ereignisse',
    cut: 'Abgeschnitten nach Tag {day}: Danach standen an einem Knoten weniger Personen unter Risiko als der Schwellenwert.',
    days: 'Tage',
    axisSurvival: 'Überleben',
    tableOf: 'Kurve von {group}',
  },
  sdc: {
    title: 'Offenlegungskontrolle an jedem Knoten',
    intro:
      'Was jeder Knoten freigegeben hat und jede Prüfung, die seine Offenlegungskontrolle angewandt hat.',
    summary: '{passed} von {total} Knoten haben die Offenlegungskontrolle bestanden.',
    node: 'Knoten',
    status: 'Status',
    statuses: {
      ok: 'Freigegeben',
      refused: 'Verweigert',
      error: 'Nicht ausführbar',
      unavailable: 'Keine Antwort',
    },
    records: '{released} von {total} Ergebnissen freigegeben',
    checks: 'Prüfungen',
    output: 'Ergebnis',
    outcome: 'Resultat',
    marked: 'Unterdrückt, gerundet oder verweigert',
    rule: 'Prüfung',
    target: 'Wo',
    note: 'Hinweis',
    noneMarked: 'Nichts unterdrückt oder verweigert.',
    noRecords: 'Von diesem Knoten kam kein Protokoll der Offenlegungskontrolle.',
  },
};
