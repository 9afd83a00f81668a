/**
 * Event cues: phrases that report an event of a CAMEO/PLOVER type, in English, French, Spanish, German and
 * Portuguese, with the CAMEO code, quad class and Goldstein score they imply, and whether the type can make a
 * story diplomatic (spec: AGREE, CONSULT, SUPPORT, leader messages, and the CAMEO codes PLOVER tags
 * `diplomatic`). Words used in other senses ("brand ambassador", "Web Summit", a football federation's
 * sanctions) are screened out here.
 */
import type { PloverType } from '../model';

/** What one cue says about an event. */
export interface Cue {
  readonly plover: PloverType;
  readonly cameo: string;
  /** Whether an event of this kind between state actors is diplomatic. */
  readonly diplomatic: boolean;
  readonly re: RegExp;
}

/** A cue found in a sentence. */
export interface CueHit {
  readonly cue: Cue;
  readonly index: number;
  readonly match: string;
}

/** CAMEO code → Goldstein score (CAMEO codebook, Goldstein 1992 scale). */
const GOLDSTEIN: Record<string, number> = {
  '018': 3.4,
  '030': 4.0,
  '031': 5.2,
  '036': 4.0,
  '040': 1.0,
  '042': 1.9,
  '043': 2.8,
  '046': 7.0,
  '045': 5.0,
  '050': 3.5,
  '051': 3.4,
  '054': 6.0,
  '055': 7.0,
  '057': 8.0,
  '061': 6.4,
  '070': 7.0,
  '080': 5.0,
  '081': 5.0,
  '0874': 10.0,
  '100': -5.0,
  '102': -4.0,
  '111': -2.0,
  '112': -2.0,
  '114': -2.0,
  '120': -4.0,
  '125': -5.0,
  '128': -4.0,
  '129': -5.0,
  '130': -4.4,
  '1313': -4.4,
  '138': -7.0,
  '140': -6.5,
  '150': -7.2,
  '161': -4.0,
  '163': -8.0,
  '166': -5.0,
  '172': -5.0,
  '173': -5.0,
  '174': -5.0,
  '180': -9.0,
  '190': -10.0,
  '020': 3.0,
  '0233': 3.4,
  '160': -4.0,
  '167': -5.0,
  '084': 7.0,
  '062': 6.4,
  '064': 7.0,
  '106': -2.0,
  '173a': -5.0,
};

/** Goldstein score of a CAMEO code (falls back to its root). */
export function goldstein(code: string): number | undefined {
  return GOLDSTEIN[code] ?? GOLDSTEIN[`${code.slice(0, 2)}0`];
}

/** Quad class from the CAMEO root: 01-05 verbal coop, 06-08 material coop, 09-13 verbal conflict, 14-20 material conflict. */
export function quadClass(code: string): 1 | 2 | 3 | 4 {
  const root = Number(code.slice(0, 2));
  if (root <= 5) return 1;
  if (root <= 8) return 2;
  if (root <= 13) return 3;
  return 4;
}

// Cues match case-insensitively. Under the `i` flag `\p{Lu}` would match any letter, so a cue that needs a
// capital ("visits <Country>") is compiled without `i`, its literal letters spelled out in both cases.
const w = (s: string) => (s.includes('\\p{Lu}') ? new RegExp(bothCases(s), 'gu') : new RegExp(s, 'giu'));

/** Rewrites a regex source so that its literal letters match either case (escapes and classes untouched). */
function bothCases(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        out += source.slice(i, close + 1);
        i = close;
      } else {
        out += ch + next;
        i++;
      }
    } else if (ch === '[') {
      // Character classes: copy to the closing bracket, adding the other case of plain letters.
      let j = i + 1;
      let cls = '[';
      while (j < source.length && source[j] !== ']') {
        const c = source[j] as string;
        if (c === '\\') {
          const n = source[j + 1] ?? '';
          if ((n === 'p' || n === 'P') && source[j + 2] === '{') {
            const close = source.indexOf('}', j);
            cls += source.slice(j, close + 1);
            j = close + 1;
            continue;
          }
          cls += c + n;
          j += 2;
          continue;
        }
        cls += c.toLowerCase() !== c.toUpperCase() ? c.toLowerCase() + c.toUpperCase() : c;
        j++;
      }
      out += `${cls}]`;
      i = j;
    } else if (ch === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i))) {
      const close = source.indexOf('}', i);
      out += source.slice(i, close + 1);
      i = close;
    } else if (ch.toLowerCase() !== ch.toUpperCase()) {
      out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The first match of a cue (the regexes are global, so lastIndex is reset before and after). */
function firstMatch(re: RegExp, text: string): RegExpExecArray | undefined {
  re.lastIndex = 0;
  const m = re.exec(text);
  re.lastIndex = 0;
  return m ?? undefined;
}

const c = (plover: PloverType, cameo: string, diplomatic: boolean, re: string): Cue => ({
  plover,
  cameo,
  diplomatic,
  re: w(re),
});

const ENVOY =
  '(?:ambassadors?|envoys?|diplomats?|charg[ée]s? d.affaires|consul(?:-general)?|embassy staff|ambassadeur|embajador(?:a|es)?|botschafter(?:in)?|diplomat(?:en|in)?|embaixador(?:a|es)?|diplomatas?|diplomates?|diplom[áa]ticos?)';
const TIES =
  '(?:(?:diplomatic )?(?:ties|relations)|relations diplomatiques|relaciones diplomáticas|diplomatischen beziehungen|relações diplomáticas)';
const PACT =
  '(?:agreements?|accords?|pacts?|treat(?:y|ies)|deals?|memorand(?:um|a|ums) of understanding|MoUs?|communiqu[ée]|declaration|accord|acuerdo|abkommen|vereinbarung|acordo|tratado|traité)';

/** The cue table; order matters only for ties at the same position (more specific first). */
export const CUES: readonly Cue[] = [
  // --- SANCTION and other conflictual diplomatic acts
  c(
    'SANCTION',
    '161',
    true,
    `\\b(?:cut|cuts|cutting|sever(?:s|ed|ing)?|break(?:s|ing)? off|broke off|suspend(?:s|ed|ing)?|end(?:s|ed|ing)?|downgrad(?:e|es|ed|ing)|rompe|rompió|romper|rompre|rompt|rompu|abbrechen|bricht|brach|rompe|rompeu|corta)\\b[^;]{0,30}${TIES}`,
  ),
  c(
    'SANCTION',
    '161',
    true,
    `\\b(?:withdr[ae]w(?:s|n|ing)?|recall(?:s|ed|ing)?|pulls?|pulled)\\b[^;]{0,25}\\b(?:its |their |the )?${ENVOY}`,
  ),
  c(
    'SANCTION',
    '161',
    true,
    `\\b(?:retira|retiró|rappelle|rappel[ée]|zieht|zog|chama de volta)\\b[^;]{0,25}${ENVOY}`,
  ),
  c(
    'SANCTION',
    '166',
    true,
    `\\b(?:expel(?:s|led|ling)?|expulsa|expulsó|expulse|expuls[ée]|weist|wies|ausweisen|expulsa)\\b[^;]{0,40}${ENVOY}`,
  ),
  c(
    'SANCTION',
    '166',
    true,
    `\\b(?:orders?|ordered|ordering|told|tells)\\b[^;]{0,40}${ENVOY}[^;]{0,40}\\b(?:to leave|to depart|out)`,
  ),
  c('SANCTION', '166', true, '\\bpersona non grata\\b'),
  c(
    'SANCTION',
    '160',
    true,
    '\\b(?:suspend(?:s|ed|ing)?|freez(?:e|es|ing)|froze|halt(?:s|ed|ing)?|end(?:s|ed|ing)?|cut(?:s|ting)?)\\b[^;]{0,30}\\b(?:cooperation|contacts|dialogue|talks|negotiations|military ties|coopération|cooperación|zusammenarbeit|cooperação)',
  ),
  c(
    'SUPPORT',
    '057',
    true,
    `${PACT}[^;]{0,80}\\b(?:unterzeichnet|signé(?:e|s)?|firmad[oa]s?|assinad[oa]s?)\\b`,
  ),
  c(
    'AGREE',
    '030',
    true,
    '\\b(?:vereinbar(?:en|t|te|ten)|einig(?:en|ten) sich|conviennent|convinieron|acordaram|acordaron)\\b',
  ),
  c(
    'THREATEN',
    '1313',
    true,
    `\\bthreat(?:en|ens|ened|ening)\\b[^;]{0,30}\\b(?:recall|withdraw|expel|cut|sever|break|downgrade|sanction|suspend|close|shut|impose|ban|freeze)`,
  ),
  c(
    'THREATEN',
    '1313',
    true,
    `\\b(?:menace|amenaza|amenazó|droht|drohte|ameaça)\\b[^;]{0,30}\\b(?:rappeler|retirer|romper|retirar|expulsar|abzuziehen|sanktion)`,
  ),
  c(
    'RETREAT',
    '081',
    true,
    '\\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|suspend(?:s|ed|ing)?|scrap(?:s|ped)?|remov(?:e|es|ed|ing)|relax(?:es|ed)?|lève|levanta|levantó|hebt|aufheben|suspende)\\b[^;]{0,40}\\b(?:sanctions?|embargo|restrictions|sanciones|sanktionen|sanções)',
  ),
  c(
    'SANCTION',
    '163',
    true,
    '\\b(?:impos(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|slap(?:s|ped)?|announc(?:e|es|ed)|extend(?:s|ed)|approv(?:e|es|ed)|new|fresh|tighten(?:s|ed)?|expand(?:s|ed)?|impone|impuso|verhängt|beschließt|impõe|sanctionne|sanciona)\\b[^;]{0,40}\\b(?:sanctions?|embargo|visa (?:curbs|restrictions|bans)|travel bans?|sanciones|sanktionen|sanktionspaket|sanções)',
  ),
  c(
    'SANCTION',
    '163',
    true,
    '\\b(?:sanctions?|sanctioned|sanctioning)\\b\\s+(?:on|against)?\\s*(?:the\\s+)?\\p{Lu}',
  ),
  c(
    'SANCTION',
    '163',
    true,
    '\\b(?:bans?|banned|banning|restricts?|restricted)\\b[^;]{0,30}\\b(?:visas?|imports? of|entry)',
  ),
  c(
    'REJECT',
    '129',
    true,
    '\\b(?:block(?:s|ed|ing)?\\b[^;]{0,50}\\b(?:package|aid|deal|accession|membership|statement|sanctions|resolution|declaration|decision|bid)|bloque\\w*|bloquea\\w*|blockiert\\w*|veto(?:es|ed|ing)?|vetó|vétoe?|legt(?:e)? (?:sein )?veto|oppose[ds]? (?:the )?(?:resolution|draft)|blocks? (?:a |the )?(?:UN |U\\.N\\. )?(?:resolution|draft))',
  ),
  c(
    'ACCUSE',
    '114',
    true,
    `\\b(?:summon(?:s|ed|ing)?|called in|calls in|convoca|convocó|convoque|convoqu[ée]|bestellt|einbestellt|convocou)\\b[^;]{0,40}${ENVOY}`,
  ),
  c(
    'ACCUSE',
    '114',
    true,
    '\\b(?:lodg(?:e|es|ed|ing)|fil(?:e|es|ed)|deliver(?:s|ed)?|hand(?:s|ed)?|sends?|sent|issu(?:e|es|ed))\\b[^;]{0,30}\\b(?:formal |diplomatic |strong )?(?:protest|complaint|démarche|note verbale)',
  ),
  c(
    'ACCUSE',
    '114',
    true,
    '\\bprotest(?:s|ed|ing)?\\b\\s+(?:against\\s+)?\\p{Lu}[^;]{0,40}\\b(?:claim|decision|move|remarks|statement|visit|inclusion|plan|white paper|detention)',
  ),
  c('ACCUSE', '114', true, '\\b(?:proteste|protesta|protestó|protestiert|protestou)\\b'),
  // --- SUPPORT
  c(
    'SUPPORT',
    '051',
    true,
    '\\b(?:congratulat(?:e|es|ed|ing|ions|ory)|felicit(?:a|ó|ou|ó|e|é|ations?)|gratuliert|gratulierte|glückwunsch|glückwünsche|parabeniza|parabenizou)',
  ),
  c(
    'SUPPORT',
    '018',
    true,
    '\\b(?:condolences?|condol[ée]ances|condolencias|pésames?|beileid|kondolenz|sympathy to|sympathies)\\b',
  ),
  c(
    'SUPPORT',
    '054',
    true,
    `\\b(?:establish(?:es|ed|ing)?|restor(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|normali[sz](?:e|es|ed|ing)|re-?establish(?:es|ed)?|upgrad(?:e|es|ed|ing)|établi(?:ssent|ssement)?|rétabli\\w*|establecen|establecieron|restablecen|restablecieron|aufnehmen|nehmen|wiederaufnahme|estabelecem|restabelecem)\\b[^;]{0,30}(?:full |diplomatic )?${TIES}`,
  ),
  c(
    'SUPPORT',
    '054',
    true,
    '\\b(?:recogni[sz](?:e|es|ed|ing)|recognition of|reconnaît|reconoce|reconoció|anerkenn\\w*|reconhece)\\b[^;]{0,30}\\b(?:state|statehood|independence|sovereignty|government|\\p{Lu})',
  ),
  c(
    'SUPPORT',
    '057',
    true,
    `\\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|seal(?:s|ed)?|conclud(?:e|es|ed)|sign[ée]nt|signent|sign[ée]|firma(?:n|ron)?|firmó|unterzeichne\\w*|assina(?:m|ram)?|assinou)\\b[^;]{0,60}${PACT}`,
  ),
  c('SUPPORT', '057', true, `\\b${PACT}\\b[^;]{0,20}\\b(?:signed|sealed|was signed|were signed)\\b`),
  c(
    'SUPPORT',
    '050',
    true,
    '\\b(?:join(?:s|ed|ing)?|admit(?:s|ted)?|accession to|becomes? (?:a |the )?(?:\\d+\\w* |full |new )*member|became (?:a |the )?(?:\\d+\\w* |full |new )*member|adhère|ingresa|tritt|beitritt|aderiu|adhesión|membership)\\b',
  ),
  c(
    'SUPPORT',
    '050',
    true,
    '\\b(?:lift(?:s|ed|ing)?|end(?:s|ed)?|revok(?:e|es|ed))\\b[^;]{0,30}\\bsuspension\\b',
  ),
  c(
    'SUPPORT',
    '051',
    true,
    '\\b(?:back(?:s|ed|ing)?|endors(?:e|es|ed|ing)|prais(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|hail(?:s|ed)?|appui(?:e|ent)|respalda|apoya|apoyó|unterstützt|apoia)\\b[^;]{0,50}\\b(?:bid|membership|candidacy|resolution|plan|proposal|efforts|initiative|sovereignty|claim|entry)',
  ),
  c(
    'SUPPORT',
    '051',
    true,
    '\\b(?:vot(?:e|es|ed|ing))\\b[^;]{0,30}\\b(?:to (?:declare|grant|admit|recogni[sz]e|back|support|upgrade|endorse))',
  ),
  c(
    'SUPPORT',
    '055',
    true,
    '\\b(?:apologi[sz](?:e|es|ed|ing)|s.excuse|pide perdón|pidió disculpas|entschuldigt)\\b',
  ),
  c(
    'SUPPORT',
    '050',
    true,
    `\\b(?:nam(?:e|es|ed|ing)|appoint(?:s|ed|ing)?|exchange(?:s|d)?)\\b[^;]{0,20}\\b${ENVOY}[^;]{0,40}\\b(?:restor|ties|relations|first time)`,
  ),
  // --- AGREE
  c(
    'AGREE',
    '030',
    true,
    '\\b(?:pledg(?:e|es|ed|ing)|vow(?:s|ed)?|promis(?:e|es|ed)|commit(?:s|ted)?|agree(?:s|d)? to|agreed on|agreed not to|s.engagent|s.engage|se comprometen|se comprometieron|verpflichten|comprometem)\\b',
  ),
  c(
    'AGREE',
    '036',
    true,
    '\\b(?:agree(?:s|d)?|decide[sd]?) to (?:hold|start|resume|open|begin) (?:talks|negotiations|dialogue)',
  ),
  // --- CONSULT
  c(
    'CONSULT',
    '042',
    true,
    '\\b(?:state visit|official visit|working visit|visite d.[ée]tat|visite officielle|visita oficial|visita de estado|staatsbesuch|besuch\\w*|visita|visite|visitó|visitou|se rend à|viaja a|reist nach)\\b',
  ),
  c('CONSULT', '042', true, '\\b(?:arriv(?:e|es|ed|ing)|land(?:s|ed)) in\\b'),
  c('CONSULT', '042', true, '\\b(?:visit(?:s|ed|ing)?|tour(?:s|ed)?)\\s+\\p{Lu}'),
  c('CONSULT', '043', true, '\\bhost(?:s|ed|ing)?\\s+\\p{Lu}'),
  c(
    'CONSULT',
    '043',
    true,
    '\\b(?:receiv(?:e|es|ed|ing)|welcom(?:e|es|ed|ing)|reçoit|a reçu|accueille|recibe|recibió|empfängt|empfing|recebe|recebeu)\\s+(?:(?:\\p{Ll}{1,3}|visiting|newly|monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|nesta|[a-zç]+-feira)\\s+){0,3}(?:\\p{Lu}|président|presidente|präsident|primer|premier|president|prime minister|foreign minister|king|emir|chancellor|premier|counterpart|delegation)',
  ),
  c(
    'CONSULT',
    '040',
    true,
    '\\b(?:presents?|presented|presenting|present(?:ed)? (?:his|her) |receiv(?:e|es|ed|ing)|accept(?:s|ed|ing)?)\\b[^;]{0,40}\\b(?:credentials|letters? of credence|lettres de créance|cartas credenciales|beglaubigungsschreiben|credenciais)',
  ),
  c(
    'CONSULT',
    '040',
    true,
    '\\b(?:held|hold|holds|holding) (?:talks|a meeting|meetings|a phone call|a call|a summit|discussions|consultations|bilateral)',
  ),
  c(
    'CONSULT',
    '040',
    true,
    '\\b(?:talks|met|meets|meet|meeting|discuss(?:es|ed|ing)?|spoke|speak|phone(?:d)?|telephone|call(?:ed)? (?:with)?|summit (?:with|between|talks)|consult(?:s|ed|ations)?|s.entret\\w+|entretien|entretiennent|s.est entretenu|réuni\\w*|rencontr\\w+|se reúne|se reunió|reunión|conversa(?:ron|ción)|telefon\\w+|gespräch\\w*|treffen|trifft|traf|reuniu|reunião|conversou)\\b',
  ),
  c(
    'CONSULT',
    '046',
    true,
    '\\b(?:negotiat(?:e|es|ed|ing|ions)|mediat(?:e|es|ed|ing|ion)|brokered|négoci\\w+|negoci\\w+|verhandl\\w+|vermittl\\w+)\\b',
  ),
  // --- non-diplomatic types (sentence-level coding and guards)
  c(
    'REQUEST',
    '100',
    false,
    '\\b(?:urg(?:e|es|ed|ing)|call(?:s|ed)? (?:on|for)|demand(?:s|ed|ing)?|ask(?:s|ed)?|appeal(?:s|ed)? (?:to|for)|request(?:s|ed)?|press(?:es|ed)? for|insist(?:s|ed)? (?:on|that))\\b',
  ),
  c(
    'ACCUSE',
    '111',
    false,
    '\\b(?:accus(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|criticis(?:e|es|ed)|criticiz(?:e|es|ed)|blam(?:e|es|ed)|denounc(?:e|es|ed)|allege[sd]?|su(?:e|es|ed|ing)|investigat(?:e|es|ed|ing)|charg(?:e|es|ed) (?:with|that)|lawsuit|complain(?:s|ed)?|protest(?:s|ed)? (?:against|over)|slam(?:s|med)?)\\b',
  ),
  c(
    'REJECT',
    '120',
    false,
    '\\b(?:reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|den(?:y|ies|ied)|dismiss(?:es|ed)?|turn(?:s|ed)? down|oppos(?:e|es|ed)|rebuff(?:s|ed)?|decline[sd]? to|veto(?:es|ed)?|won.t|will not|defy|defied|ignor(?:e|es|ed))\\b',
  ),
  c(
    'THREATEN',
    '130',
    false,
    '\\b(?:threat(?:en|ens|ened|ening)?|warn(?:s|ed|ing)?|ultimatum|vow(?:s|ed)? to (?:retaliate|respond))\\b',
  ),
  c(
    'PROTEST',
    '140',
    false,
    '\\b(?:protesters?|demonstrators?|demonstrat(?:e|ed|ion|ions)|rall(?:y|ies|ied)|march(?:ed|es)?|strik(?:e|es|ers)|walkout|boycott(?:s|ed)?|sit-in|hunger strike)\\b',
  ),
  c(
    'MOBILIZE',
    '150',
    false,
    '\\b(?:deploy(?:s|ed|ing)?|mobili[sz](?:e|es|ed|ation)|troops? (?:build-?up|massed)|military (?:drills|exercises)|war ?games|put on alert|high alert|reinforc(?:e|ed|es) troops)\\b',
  ),
  c(
    'SANCTION',
    '163',
    false,
    '\\b(?:sanction(?:s|ed)?|embargo|boycott|suspend(?:s|ed)? (?:aid|cooperation|talks)|cut(?:s)? (?:aid|off)|expel(?:s|led)?|halt(?:s|ed)? (?:aid|imports|exports))\\b',
  ),
  c(
    'COERCE',
    '173',
    false,
    '\\b(?:arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|jail(?:s|ed)?|imprison(?:s|ed)?|seiz(?:e|es|ed)|raid(?:s|ed)?|deport(?:s|ed)?|ban(?:s|ned)?|crack(?:s|ed)? down|crackdown|censor(?:s|ed)?|confiscat(?:e|ed)|sentenc(?:e|ed) to|execut(?:e|ed|ion))\\b',
  ),
  c(
    'ASSAULT',
    '190',
    false,
    '\\b(?:kill(?:s|ed|ing)?|attack(?:s|ed|ing)?|bomb(?:s|ed|ing|ings)?|shell(?:s|ed|ing)|shot|shoot(?:s|ing)?|air ?strikes?|strikes? on|fir(?:e|ed) (?:on|at)|wound(?:s|ed)|clash(?:es|ed)|fighting|assault(?:s|ed)?|massacre|stabb(?:ed|ing)|ambush(?:ed)?|explosion|suicide bomber|rockets?|missiles? (?:hit|struck))\\b',
  ),
  c(
    'AID',
    '070',
    false,
    '\\b(?:aid|assistance|donat(?:e|es|ed|ion)|relief|humanitarian|provid(?:e|es|ed) (?:\\$|funds|support|food|medical)|grant(?:s|ed)? \\$|send(?:s)? (?:food|supplies|medicine))\\b',
  ),
  c(
    'COOPERATE',
    '061',
    false,
    '\\b(?:cooperat(?:e|es|ed|ion)|collaborat(?:e|es|ed|ion)|joint (?:patrols?|operations?|exercises?|investigation)|share(?:s|d)? intelligence|extradit(?:e|es|ed|ion)|partner(?:s|ed)? with|work(?:s|ed)? (?:together|with))\\b',
  ),
  c(
    'RETREAT',
    '080',
    false,
    '\\b(?:releas(?:e|es|ed|ing)|free[sd]?|withdr[ae]w(?:s|n)?|pull(?:s|ed)? out|retreat(?:s|ed)?|ceasefire|cease-fire|truce|lift(?:s|ed)?|eas(?:e|es|ed)|return(?:s|ed)? (?:control|territory)|surrender(?:s|ed)?|resign(?:s|ed)?|step(?:s|ped)? down|concede[sd]?|back(?:s|ed)? down|allow(?:s|ed)?)\\b',
  ),
];

// Senses of diplomatic words that are not diplomatic acts.
const OTHER_SENSE = [
  /\b(?:brand|goodwill|global|tourism|style|beauty|campus|student|youth|club) ambassadors?\b/i,
  /\bambassadors? for (?:the |a )?(?:brand|label|house|jeweller|company)\b/i,
  /\bWeb Summit\b/,
  /\b(?:football|soccer|cricket|athletics|tennis|rugby|cycling|chess|olympic|sports?) (?:federation|association|body|league|union|committee|council)\b[^;]{0,60}\bsanction/i,
  /\bsanction(?:s|ed)?\b[^;]{0,40}\b(?:club|stadium|fans|player|team|stand|match|league)\b/i,
  /\bsummit (?:trail|of (?:Mount|Mt))|\bmountain summit|\bsommet du (?:col|plateau|mont)|\barriv[ée]e au sommet/i,
  /\bdiplomatic (?:answer|response to (?:a|the) question|reply)\b/i,
  /\bsigned (?:a |an )?(?:\w+[- ])?(?:contract|deal) with (?:the )?(?:club|team|label)|\bsigns? for\b/i,
];

/** Whether a sentence uses diplomatic vocabulary in another sense (brand ambassador, mountain summit...). */
export function otherSense(sentence: string): boolean {
  return OTHER_SENSE.some((re) => re.test(sentence));
}

/** All cue hits in a sentence, earliest first. */
export function findCues(sentence: string, diplomaticOnly = false): CueHit[] {
  const out: CueHit[] = [];
  for (const cue of CUES) {
    if (diplomaticOnly && !cue.diplomatic) continue;
    const m = firstMatch(cue.re, sentence);
    if (m) out.push({ cue, index: m.index, match: m[0] });
  }
  return out.sort((a, b) => a.index - b.index);
}

const p = (plover: PloverType, cameo: string, re: string): Cue => ({
  plover,
  cameo,
  diplomatic: false,
  re: w(re),
});

/**
 * Predicate rules for sentence-level typing, applied to the words that link an event's source to its target.
 * The rule matching earliest wins (the first verb carries the event: "agreed to resign" is an agreement,
 * "demanded the release" a request); at the same position the rule listed first wins, so the specific
 * constructions ("will not", "held talks", "called ... to congratulate") come before the bare verbs.
 */
export const PREDICATE_RULES: readonly Cue[] = [
  p(
    'REJECT',
    '120',
    "\\b(?:ruled out|rules out|brush\\w* (?:aside|off)|back\\w*track\\w* from|walked away from|turned its back|will not|would not|will never|would never|won't|wouldn't|does not|do not|did not|refus\\w+|reject\\w*|rejection|refut\\w+|den(?:y|ies|ied)|dismiss\\w*|spurn\\w*|rebuff\\w*|renege\\w*|cancel\\w*\\b(?! (?:the |a |its |their )?(?:[\\w-]+ ){0,2}(?:restrictions|curfews?|bans?|sanctions|emergency|martial law))|walk\\w* out|abruptly left|failed to (?:reach|agree)|declin\\w+|quash\\w*|veto\\w*|oppos(?:e|es|ed|ing)\\b|never|overturn\\w*|block(?:s|ed|ing)?\\b(?! (?:off )?(?:[\\w-]+ ){0,2}(?:roads?|streets?|highways?|bridges?|traffic|railway|transport|entrances?|access to))|violat\\w* (?:a |the )?(?:ban|law|curfew|order)|defy|defied|def(?:ies|ying|iance|iant|iantly)\\b|resist\\w*|turn\\w* down|snub\\w*|scrap(?:s|ped|ping)?\\b|disagree\\w*|repudiat\\w+|stand firm|null and void|baseless|groundless|unfounded|no longer|halted talks|pull\\w* out of (?:the )?(?:talks|deal|agreement|treaty))",
  ),
  p(
    'THREATEN',
    '130',
    '\\b(?:(?:gave|giv\\w*|set\\w*|issu\\w*) (?:[\\w-]+ ){0,4}(?:deadline|ultimatum)|(?:gave|giv\\w*) (?:[\\w-]+ ){0,3}\\d+ (?:hours|days|weeks) to|threat\\w*|warn\\w*|ultimatum|deadline|unless|(?:will|would|could|may|might|(?:is|are|was|were) prepared to|plans? to|to) (?:\\w+ )?(?:impose|tighten|blockade|expel|invade|use force|sanction|slap)|(?:will|would|to) (?:boycott|increase pressure|extend (?:the )?(?:current )?(?:nightly )?curfew|begin a (?:new )?military|hold a protest|move a \\w+ missile|retaliat\\w+|punish)|called for sanctions|travel warning|vow\\w* (?:to )?(?:retaliat|reveng|respond))',
  ),
  // Money handed over, offered or spent on someone is aid, whatever the verb ("pledged $5 million to").
  p(
    'AID',
    '071',
    '\\b(?:pledg|promis|announc|offer|commit|allocat|approv|earmark|provid|gave|giv|contribut|donat|spen[dt]|grant)\\w* (?:[\\w-]+ ){0,4}(?:(?:US|A|C|NZ)?\\$|€|£|USD|EUR)\\s?\\d',
  ),
  // Joining an investigation, sending a team to investigate, releasing a statement that criticises: ACCUSE.
  p(
    'ACCUSE',
    '090',
    '\\b(?:join\\w* (?:a |an |the )?(?:[\\w-]+ ){0,2}(?:investigation|probe|inquiry|lawsuit)|sen[dt]\\w* [^;]{0,50}\\bto (?:investigate|probe|inspect|launch (?:a |an )?(?:[\\w-]+ )?(?:audit|investigation|probe|inquiry))|(?:releas|issu)\\w* (?:a |an )?(?:[\\w-]+ ){0,2}(?:statement|communiqu\\w+|report) (?:[\\w-]+ ){0,2}(?:criticis|criticiz|condemn|denounc|accus)\\w*)',
  ),
  p(
    'SUPPORT',
    '051',
    '\\bcall\\w*\\b[^;]{0,70}\\bto (?:congratulate|express|convey|offer|extend) |\\breceiv\\w+ (?:an? )?invitation',
  ),
  p(
    'CONSULT',
    '040',
    '\\b(?:conven\\w+|telephon\\w+|video ?call|video conference|sat down with|voted for|vote for|extoll?\\w*|paid tribute|pays tribute|salut\\w+|rallied behind|threw (?:its|his|her|their) (?:full )?(?:weight|support) behind|h[eo]ld\\w*|host\\w*) (?:\\w+ ){0,2}(?:talks|meetings?|discussions|consultations|summit|conversations?|negotiations|dialogue|phone call|call)',
  ),
  // A warm welcome or reception for a visitor is a meeting, not a gift ("gave" alone is AID).
  p('CONSULT', '043', '\\b(?:gave|gives?|giving|accord\\w*) (?:\\w+ ){0,2}(?:welcome|reception)'),
  p(
    'REQUEST',
    '100',
    '\\b(?:must\\b|should\\b|ought to|needs? to|encourag\\w+|lobb(?:y|ied|ies|ying)|exhort\\w*|advis(?:e|es|ed|ing)\\b|recommend\\w*|appl(?:y|ied|ies) for|urg\\w+|call\\w* (?:on|for|upon)|demand\\w*|ask(?:s|ed|ing)?\\b|appeal\\w*|request\\w*|press\\w* (?:for|hard)|press(?:es|ed|ing)? (?:\\p{L}+ ){1,2}to (?!be\\b)|push\\w* (?:hard )?(?:[\\w-]+ ){0,3}for\\b|wants? (?:\\p{L}+ ){1,2}to (?!be\\b)|wanted (?:\\p{L}+ ){1,2}to (?!be\\b)|pressur\\w+|insist\\w*|implor\\w+|plead\\w*|sought|seek\\w* (?:the|a|an|to|help|assistance|support|refuge|asylum)|petition\\w*|order\\w* [^;]{0,80}\\bto (?:appear|report|testify))',
  ),
  p(
    'SANCTION',
    '162',
    '\\b(?:suspen\\w+|reduc\\w+|cut\\w*|halt\\w*|broke off|break\\w* off|end\\w*|froze|freez\\w+|withh[oe]ld\\w*|stop\\w*)\\b[^;]{0,30}\\b(?:aid|assistance|food supplies|supplies|flights|air links|mediation|talks|cooperation|funding|relations|ties|trade|imports|exports|visas?)',
  ),
  p(
    'SANCTION',
    '163',
    '\\b(?:withdr\\w+ peacekeepers|order\\w* (?:[\\w-]+ ){1,4}to (?:leave|withdraw|quit|depart)|state of emergency|embargo\\w*|expel\\w*|boycott\\w*\\b(?! (?:the |a |an |this |next )?(?:[\\w-]+ ){0,2}(?:polls?|vote|votes|voting|elections?|ballot|referendum|session|parliament|talks))|downgrad\\w+|recall\\w* (?:its|their|the) (?:ambassador|envoy)|blacklist\\w*)',
  ),
  p(
    'COERCE',
    '172',
    '\\b(?:(?:impos\\w+|order\\w*|prolong\\w*|extend\\w*|slap\\w*|levie?\\w*)[^;]{0,25}\\bsanctions|sanction\\w*)\\b',
  ),
  p(
    'SUPPORT',
    '057',
    "\\b(?:(?:pledg|promis)\\w+ (?:[\\w'\u2019]+ ){0,3}support|reaffirm\\w*|reiterat\\w+ (?:[\\w'\u2019.]+ ){0,3}(?:commitment|support)|commitment to|reached (?:an? |the )?(?:[\\w-]+ ){0,2}(?:agreement|deal|accord|consensus)|sign\\w* (?:an? |the )?(?:[$\\w]+ ){0,3}(?:agreement|deal|accord|treaty|memorandum|pact|contract)|agree\\w* (?:to )?(?:a|an|the) (?:[\\w-]+ ){0,3}(?:agreement|deal|accord|treaty|pact|plan|proposal|framework)|agreed and accepted|accept\\w* (?:the |a |an )?(?:\\w+ )?(?:proposal|plan|offer|invitation)|(?:is |are |was )?ready to contribute (?:more|to)\\b|establish\\w* (?:full )?(?:diplomatic )?(?:relations|ties)|upgrad\\w+ (?:\\w+ )?(?:ties|relations)|exchange ambassadors)",
  ),
  // A decision taken to ease or lift is the concession itself, not an intent ("has decided to lift sanctions").
  p(
    'RETREAT',
    '080',
    '\\b(?:has |have |had )?decided to (?:partially |fully |further )?(?:eas|lift|relax|remov|releas|fre|withdr|reopen|scrap)\\w*',
  ),
  p(
    'AGREE',
    '030',
    '\\b(?:(?:will|would|shall)\\b(?! (?:also |then |again |soon )?(?:ask|urge|tell|press|demand|request|call on|call for|seek|push|investigate|never|send\\w* [^;]{0,50}\\bto (?:investigate|probe|inspect))\\b)|is willing to|was willing to|are willing to|were willing to|is ready to|are ready to|was ready to|offer\\w* to|agree\\w*|pledg\\w+|promis\\w+|vow\\w*|plans? to|planning to|intends? to|decided to|expects? to|to seek|seek peace|accepted a formula|commit\\w* to|undert(?:ake|akes|ook|aken|aking) to|(?:is|are|was|were|remains?) open to|(?:is|are|was|were) set to|(?:express|signal|indicat|voic)\\w* (?:its |their |his |her )?(?:readiness|willingness)|settled on|consent\\w*|sign\\w* (?:an? )?(?:ceasefire|truce))',
  ),
  p(
    'SUPPORT',
    '051',
    '\\b(?:support(?!ers?\\b)\\w*|back(?:s|ed|ing)?\\b|endors\\w+|prais\\w+|welcom\\w+|applaud\\w*|hail\\w*|congratulat\\w+|defend(?!ers?\\b)\\w*|solidarity|commitment|award\\w*|honou?r\\w*|thank\\w*|recogni[sz]\\w+|approv\\w+ of|apologi[sz]\\w+|condolence\\w*|accepted the (?:comprehensive )?proposal|lauded|commend\\w*|invit\\w+|express\\w* (?:its |his |her |their )?(?:support|gratitude|appreciation)|stand\\w* (?:by|with)|(?:stood|stand\\w*) shoulder to shoulder|pa(?:id|ys|ying) homage|vouch\\w*|side\\w* with)',
  ),
  // Granting asylum is aid (CAMEO 075), though "grant" alone usually yields.
  p('AID', '075', '\\bgrant\\w* (?:\\w+ ){0,2}asylum'),
  p(
    'RETREAT',
    '080',
    '\\b(?:relent\\w*|cave[sd]? in|soften\\w*|repatriat\\w+|handed back|hands back|give[sn]? up|gave up|scal\\w+ back|wound down|winds? down|dismantl\\w+|accept\\w* (?:\\w+ ){0,2}(?:demands?|requests?|conditions)|approv\\w+ (?:a |the )?request|releas\\w+|freed\\b|frees\\b|withdr[ae]w\\w*|pull\\w* (?:[\\w-]+ ){0,3}(?:out|back)\\b|lift\\w*|(?:eas|relax|shorten|loosen|cancel)\\w* (?:[\\w-]+ ){0,3}(?:restrictions|sanctions|curbs|curfews?|bans?|emergency measures|state of emergency|martial law)|call\\w* off|pardon\\w*|revok\\w+|revers\\w+|dropp\\w+|abandon\\w*|resign\\w*|quit(?:s)?\\b|step\\w* down|unfr(?:oze|eez)\\w*|let (?:[\\w-]+ ){0,3}into\\b|surrender\\w*|conced\\w+|back\\w* down|return\\w*|hand\\w* over (?:power|control)|open\\w* (?:its |their )?borders?|re-open\\w*|reopen\\w*|allow\\w*|permi(?:t|ts|tted|tting|ssion)\\b|grant(?:s|ed|ing)?\\b|gave (?:\\w+ )?(?:permission|a mandate|in)|(?:gave|giv\\w*) (?:[\\w-]+ ){0,2}(?:authori[sz]ation|approval|permission|go-ahead|green light)|let (?:\\w+ )?(?:free|go)\\b|repeal\\w*|give\\w* (?:\\w+ )?permission|compromise|retreat\\w*|demobili\\w+|disarm\\w*|lay down|laid down|reinstat\\w+|restor\\w+|reduc\\w+ (?:tariffs|duties|troops)|ceasefire|cease-fire|truce|cessation of hostilities|evacuat\\w+ (?:its|their) (?:troops|forces))',
  ),
  p(
    'AID',
    '070',
    '\\b(?:suppl(?:y|ies|ied|ying)|deliver\\w*|ship(?:s|ped|ping)?|airlift\\w*|distribut\\w+|disburs\\w+|allocat\\w+|contribut\\w+|financ(?:e|es|ed|ing)\\b|sponsor\\w*|subsidi[sz]\\w+|offer\\w* (?:\\$|\\d|aid\\b|aids\\b|help|assistance|support)|gave\\b|giv(?:e|es|ing) (?:\\w+ )?(?:to|\\$)|treat(?:s|ed|ing) (?:the )?(?:[\\w-]+ )?(?:wounded|injured|patients|victims)|bankroll\\w*|hosts? refugees|aid\\b|assistance|donat\\w+|donors?|provid\\w+|gives|sen[dt]\\w* (?:a team|\\d|medical|medicine|food|supplies|relief|a military platoon|troops|doctors|humanitarian|vaccines|arms|weapons|ammunition|money|aid|equipment)|sending (?:a|\\d)|hand\\w* over [^;]{0,30}(?:equipment|worth|vehicles|medicine|medical|food|supplies|aid)|funding|fund(?:s|ed|ing)?\\b|grant \\$|loan\\w*|raising money|rais\\w+ funds|peacekeep\\w+|deploy\\w*[^;]{0,60}(?:relieve|help|peacekeep\\w*|observers|monitors|medical|relief)|relief|accept\\w* [^;]{0,20}(?:people|refugees|migrants)|shelter\\w*|rescu\\w+|humanitarian|train(?:s|ed|ing)\\b|medical (?:team|equipment|experts)|vaccin\\w+|asylum|spent [^;]{0,40}(?:on|helping)|evacuat\\w+|served in)',
  ),
  p(
    'COOPERATE',
    '061',
    '\\b(?:team\\w* up|join\\w* hands|hand in hand|jointly|pool\\w* (?:their |its )?(?:resources|efforts)|hand\\w* (?:over )?(?:intelligence|evidence)|help\\w* (?:\\w+ )?(?:to )?(?:fight|combat|investigate|track)|shar\\w+ (?:evidence|intelligence|information|data|technology|expertise|know-how|experience)|cooperat\\w+|co-operat\\w+|collaborat\\w+|joint (?:[\\w-]+ ){0,2}(?:patrol|operation|exercise|drill|investigation|venture|project)|join\\w* forces|partner(?:ed|ing)\\b|work\\w* (?:together|with|closely)|strengthen\\w* (?:its )?(?:forces|ties|cooperation)|exchang\\w+ (?:prisoners|information|data))',
  ),
  p(
    'ACCUSE',
    '112',
    "\\b(?:blast\\w*|assail\\w*|castigat\\w+|(?:lodg|fil|deliver|issu|register)\\w* (?:an? |their |its )?(?:\\w+ ){0,2}(?:protest|complaint)|hit out at|hits out at|(?:was|were|is|are) behind (?:the |a |an |last \\w+'s )?(?:[\\w-]+ ){0,3}(?:attacks?|bombings?|strikes?|killings?|assassinations?|plots?|hack\\w*|blasts?|explosions?|abductions?)|lash\\w* out (?:at|against)|took aim at|takes? aim at|impeach\\w*|vilif\\w+|smear\\w*|ridicul\\w+|disparag\\w+|denigrat\\w+|accus\\w+|condemn\\w*|condemnation|criticis\\w+|criticiz\\w+|criticism|critical of|blam\\w+|denounc\\w+|disput(?:ed|ing)\\b|challeng\\w+|fault\\w*|slam\\w*|(?:led|leads|leading) (?:the )?(?:\\w+ ){0,2}attacks? on|(?:scathing|verbal|extraordinary|blistering|fierce|stinging|political) attack|investigat(?!ors?\\b)\\w+|probe\\w*|inquiry|(?:open|start|beg[ai]n|launch|resum)\\w* (?:a |an |the )?(?:\\w+ )?(?:hearing|trial)|audit\\w*|charg\\w+|convict\\w*|indict\\w*|sue[sd]?\\b|suing|lawsuit|legal action|alleg\\w+|found (?:the |him |her |them )?(?:guilty|liable)|found\\b|search\\w*|extradit\\w+|summon\\w*|complain\\w*|protest\\w* (?:against|over|to)|rebuk\\w+|lambast\\w+|decr[iy]\\w*|question\\w*|reprimand\\w*|chastis\\w+|scold\\w*|berat\\w+|censur\\w+|regret\\w*|objected|raised concerns|called (?:him|her|them|it|the|a|an|\\p{Lu}[\\w'\u2019]*)\\b[^;]{0,40}\\b(?:stupid|liar|terrorist|criminal|dictator|puppet|traitor|fool|incompetent|murderer|thug))",
  ),
  p(
    'PROTEST',
    '140',
    '\\b(?:boycott\\w* (?:the |a |an |this |next )?(?:[\\w-]+ ){0,2}(?:polls?|vote|votes|voting|elections?|ballot|referendum|session|parliament)|took to the streets|take to the streets|block\\w* (?:off )?(?:[\\w-]+ ){0,2}(?:roads?|streets?|highways?|bridges?|traffic|railway|transport|entrances?)|gather\\w* (?:outside|in front)|chant\\w*|protest(?!ant)\\w*|demonstrat(?!\\w* (?:its|their|his|her|the|a) (?:resolve|commitment|ability|capacity|capabilit\\w+|strength|support|readiness|power))\\w+|rall\\w+|(?<!\\b(?:in|of|on|since|until|last|next|early|late|mid) )march(?:e[sd]|ing)?\\b(?!\\s+\\d)|(?<!(?:air|military|missile|drone|retaliatory|pre-?emptive|-led|nuclear|rocket|artillery|US|Israeli|Russian) )strike\\b|on strike|striking workers|hunger strike|sit-in|overthr\\w+|riot\\w*|picket\\w*|walkout|stag(?:ed|ing) (?:an? )?(?:[\\w-]+ ){0,2}(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|sit-ins?|strikes?|walkouts?|boycotts?))',
  ),
  p(
    'MOBILIZE',
    '150',
    '\\b(?:scrambl\\w+ (?:jets|fighters|aircraft)|call\\w* up (?:[\\d,]+ )?(?:reservists|reserves|troops|conscripts|soldiers)|sent warships|dispatch\\w* (?:warships|troops|forces)|mass\\w+ (?:along|on) the border|mass\\w* (?:troops|forces)|increas\\w+ (?:its |their )?military presence|rais\\w+ (?:the )?(?:alert|readiness)|on (?:high )?alert|mobili[sz]\\w+|deploy\\w*|intensif\\w+ (?:its )?forces|reinforc\\w+|troop build-?up|(?:order|step)\\w* (?:up )?(?:\\w+ )?patrols|massed|military (?:drills|exercises)|placed [^;]{0,30}on alert|put [^;]{0,20}on alert|war ?games?\\b|buil\\w+ up (?:its )?(?:forces|troops)|station\\w* (?:troops|forces))',
  ),
  p(
    'COERCE',
    '173',
    '\\b(?:order\\w* [^;]{0,60}\\bto (?:suspend|close|shut|cease) (?:\\w+ )?(?:publication|broadcasts?|operations)|(?:prevent\\w*|disrupt\\w*|broke up|break\\w* up|banned|bans?|forbid\\w*|forbade) (?:the |a |an )?(?:\\w+ )?(?:demonstrations?|protests?|rall(?:y|ies)|march(?:es)?|gatherings?|sit-ins?)|shut down|shuts down|blocked access|surveil\\w*|wiretap\\w*|intimidat\\w+|harass\\w+|persecut\\w+|silenc\\w+|arrest\\w*|detain\\w*|detention|jail\\w*|imprison\\w*|deport\\w*|outlaw\\w*|ban\\b|bans\\b|bann(?:ed|ing)\\b|crack\\w* down|crackdown|censor\\w*|confiscat\\w+|seiz\\w+ (?:the |their |his |her |its )?(?:[\\w-]+ ){0,2}(?:assets|property|properties|funds|passports|documents|equipment|cargo|goods|land|farms|homes)|sentenc\\w+|execut(?!ive)\\w+|demolish\\w*|forc(?:ed|ing)\\b|closed (?:all )?(?:crossing|border|the border)|martial law|state of siege|curfew|suspended publication|disperse|restrict\\w*|evict\\w*|expropriat\\w+|nationaliz\\w+|expelled|exiled|abduct\\w*|kidnap\\w*)',
  ),
  p(
    'ASSAULT',
    '190',
    '\\b(?:bombard\\w*|gunned down|opened fire|open fire|shelling|lobbed|pounded|rained (?:rockets|missiles|shells)|tortur\\w+|seiz\\w+|cyber ?(?:war\\w*|attacks?)|violat\\w+ (?:the |a )?(?:ceasefire|truce)|fired across|human shields?|kill(?!ers?\\b)\\w*|attack(?!ers?\\b)\\w*|bomb(?!ers?\\b)\\w*|shell\\w*|shot|shoot(?!ers?\\b)\\w*|air ?strikes?|strikes? (?:on|against)|carried out strikes|struck|striking|hit\\b|fir\\w+ (?:on|at|rockets|rounds|missiles)|wound\\w*|clash\\w*|fight(?!ers?\\b)\\w*|assault\\w*|massacr\\w+|stab(?:s|bed|bing|bings)?\\b|ambush\\w*|captur\\w+|stormed|storm\\w*|blockad\\w+|destroy\\w*|invad\\w+|invasion|took over|held (?:hostage|captive)|holding (?:hostage|captive)|used (?:chemical|force)|rap(?:e|ed)|beat\\w*|murder(?!ers?\\b)\\w*|assassinat\\w+|raid(?!ers?\\b)\\w*|overran|occup\\w+|shoot down|shot down|launch\\w* (?:\\w+ )?(?:missiles?|rockets?|offensive|assault))',
  ),
  p(
    'CONSULT',
    '040',
    '\\b(?:met\\b|meet\\w*|talks?|talked|discuss\\w*|visit\\w*|host(?:s|ed|ing)?\\b|spoke\\b|speak(?!ers?\\b)\\w*|phon\\w+|summit|attend\\w*|consult\\w*|negotiat(?!ors?\\b)\\w+|mediat(?!ors?\\b)\\w+|welcomed [^;]{0,10}to|joined|conferr\\w+|fl(?:ew|ies|y|ying) to|shuttl\\w+ between|s(?:at|it|its|itting) down with|dialogue|travel\\w* to|tour(?:s|ed|ing)?\\b)',
  ),
  // Weak meeting verbs ("called", "received", "arrived"): they type the predicate only when nothing else does.
  p('CONSULT', '040', '\\b(?:call(?:s|ed|ing)?\\b|receiv\\w+|arriv\\w+)'),
];

const WEAK = PREDICATE_RULES[PREDICATE_RULES.length - 1];

/** Type of the predicate linking a source to a target: the earliest rule match, ties to the rule listed first. */
export function classifyPredicate(region: string): Cue | undefined {
  let best: Cue | undefined;
  let bestIndex = Number.POSITIVE_INFINITY;
  for (const rule of PREDICATE_RULES) {
    if (rule === WEAK && best) break;
    const m = firstMatch(rule.re, region);
    if (m && m.index < bestIndex) {
      best = rule;
      bestIndex = m.index;
    }
  }
  return best;
}
