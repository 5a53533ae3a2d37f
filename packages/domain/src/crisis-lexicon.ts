/**
 * The curated crisis lexicon: phrases in English and Spanish, each tagged with what kind of
 * warning sign it is and which alert category it raises. Phrases are written in plain words as
 * regular-expression source and matched against normalised text (see crisis-normalise.ts):
 * lower-case a-z and digits, single spaces, clause breaks as ".". When compiled:
 * - a space between words is optional, so "wanttodie" and "kill myself" both match;
 * - `_` is a space that must be there;
 * - `~` stands for any one word ("saved ~{0,2}pills" matches "saved up my pills");
 * - doubled letters are collapsed as in the text ("kill" is matched as "kil").
 *
 * False alarms are kept out by phrasing (no bare "kill" or "die": "this traffic is killing me",
 * "my phone died"), by exceptions before (`notBefore`) or after (`notAfter`) a match ("dying to
 * see", "kill myself laughing", "cut myself shaving"), by negation ("I would never kill myself",
 * for entries that are `negatable`), and for bare terms (`topical`) by ignoring a clause about
 * news, films or prevention ("the suicide squad", "a documentary about suicide").
 */

/** The alert categories a clinician sees. */
export type CrisisCategory = "suicide" | "self-harm" | "overdose";

/** What kind of warning sign a lexicon entry is. */
export type CrisisKind =
  | "ideation-direct"
  | "ideation-passive"
  | "plan-or-means"
  | "self-harm"
  | "overdose"
  | "farewell"
  | "slang";

export const CRISIS_KINDS: readonly CrisisKind[] = [
  "ideation-direct",
  "ideation-passive",
  "plan-or-means",
  "self-harm",
  "overdose",
  "farewell",
  "slang",
];

export type LexiconEntry = {
  kind: CrisisKind;
  category: CrisisCategory;
  lang: "en" | "es";
  pattern: string;
  /** Text that, ending right before the match in the same clause, makes it not count. */
  notBefore?: string;
  /** Text that, starting right after the match in the same clause, makes it not count. */
  notAfter?: string;
  /** Whether "not", "never", "don't", "no"... right before the match cancel it. */
  negatable?: boolean;
  /** A bare term that does not count in a clause about news, films, prevention and the like. */
  topical?: boolean;
};

// Building blocks.
const ME = "(?:myself|meself|my own self)";
const PILLS =
  "(?:pils|pills|pil|meds|medication|medications|medicine|medicines|tablets|tabs|sleeping pils|sleeping pills|painkilers|painkillers|pain killers|opioids|opiates|oxy|oxys|oxycodone|xanax|benzos|insulin|tylenol|paracetamol|acetaminophen|ibuprofen|advil|aspirin|lithium|seroquel|antidepresants|antidepressants|prescription|prescriptions|script|scripts)";
const BODY =
  "(?:wrist|wrists|arm|arms|forearm|forearms|thigh|thighs|leg|legs|skin|stomach|hip|hips|ankles|wirsts)";
const HIGH_PLACE =
  "(?:bridge|building|roof|rooftop|cliff|balcony|ledge|tower|overpass|window|parking garage|car park|skyscraper|highway overpass)";
const VEHICLE = "(?:train|subway|bus|truck|lorry|car|traffic|tracks|railway|metro|tram)";
/** Happenings that make "I cut/burned/hurt myself" an accident. */
const ACCIDENT =
  "(?:on (?:the|a|my|some)|while|when|with (?:the|a) (?:knife|razor|scissors|pan|iron|stove|oven) (?:while|when)|at (?:the gym|work|practice|the game)|playing|shaving|cooking|chopping|slicing|cutting|peeling|baking|ironing|gardening|running|falling|tripping|lifting|working out|skiing|skating|biking|cycling|climbing|hiking|moving|in the kitchen|during|by accident|accidentaly|accidentally|badly on|opening|fixing|trying to (?:open|fix|cut|lift|carry|move|reach))";
/** Idioms where "to death", "kill" or "die" mean laughing, embarrassment or hard work. */
const IDIOM_AFTER =
  "(?:laughing|laughter|lol|lmao|lmfao|rofl|haha[a-z]*|hehe[a-z]*|xd|jk|just kidding|(?:of|from|with) (?:embarrassment|embarassment|shame|cringe|boredom|laughter|laughing|happiness|joy|cuteness|excitement)|at work|at the gym|for (?:a|this|that|some) [a-z]+)";
/** Any word but a negation, so "I'm not suicidal" is read as negated, not as "I'm ... suicidal". */
const AFFIRMED_WORD = "(?:(?!(?:not|never|no|nt|dont|isnt|wasnt|arent|nunca)_)[a-z0-9]+_)";
const COLOURS =
  "red|blue|pink|green|purple|black|brown|blonde|blond|white|gray|grey|orange|yellow|silver|teal|lilac|violet|navy|platinum|burgundy|magenta";
/** "I want to die my hair blue": "die" misspelt for "dye". */
const DYE_AFTER = `(?:(?:my|her|his|your|the|our|their|it|this|that|these|those|some) ~{0,2}(?:hair|bangs|beard|roots|tips|ends|fabric|wool|yarn|shirt|shirts|jeans|dress|clothes|shoes|eggs|tshirt|t shirt|sheets|curtains|eyebrows|brows|lashes)|hair|it (?:${COLOURS})|(?:${COLOURS}))`;
/** "suicide squad", "suicide prevention", "suicide doors": things named, not feelings. */
const SUICIDE_COMPOUND =
  "(?:squad|prevention|awareness|hotline|hotlines|helpline|lifeline|line|crisis line|rate|rates|statistics|stats|bomber|bombers|bombing|bombings|attack|attacks|mision|mission|door|doors|run|runs|sprint|sprints|drill|drills|king|bid|pact in the (?:movie|film|book|show)|risk assessment|risk asesment|screening|training|research|watch in the|survivors|loss|costume|poster|movie|film|soundtrack|game|comic|comics|cast)";
/** Spanish idioms after "morir": "me muero de risa", "de lo lindo que es", "por verte". */
const ES_IDIOM_AFTER =
  "(?:de lo [a-z]+|del susto|de (?:susto|risa|la risa|verguenza|la verguenza|pena|hambre|sueno|calor|frio|aburrimiento|ganas|amor|envidia|los nervios|nervios|ternura|lo [a-z]+|alegria|la emocion|emocion|felicidad|susto|del susto|cansancio)|del (?:susto|cansancio|aburrimiento)|por (?:verte|ver|ir|saber|conocer|probar|comer|estar|tener|que)|jaja[a-z]*|xd|lol)";
const THIRD =
  "(?:he|she|they|hes|shes|theyre|him|them|friend|friends|brother|sister|son|daughter|mom|mum|dad|mother|father|parent|parents|partner|husband|wife|boyfriend|girlfriend|roommate|cousin|uncle|aunt|grandma|grandpa|patient|patients|client|clients|people|someone|somebody|kid|kids|teen|teens|student|students|character|characters|celebrity|actor|singer|person|guy|girl|woman|man|who)";
const NOT_ME_WORDS = "(?:(?!(?:i|im|me|my|myself)_)[a-z0-9]+_){0,3}";
/** Third person right before: "my friend is suicidal", "she said she felt suicidal". */
const THIRD_BEFORE = `${THIRD} ${NOT_ME_WORDS}`;
/** Food, screens and sweets: "overdosed on sugar", "OD on coffee". */
const HARMLESS_EXCESS =
  "(?:cofee|coffee|caffeine|cafeine|sugar|chocolate|candy|sweets|carbs|pizza|cookies|cake|netflix|tv|anime|memes|music|nostalgia|cuteness|cute|love|sunshine|vitamin [a-z]|vitamins|energy drinks|tea|red bull|monster|junk food|fast food|social media|tiktok|youtube|games|gaming|work|homework|studying|exercise|cardio|k pop|kpop)";
const TIME_AWAY =
  "(?:for (?:the|a|this|that|my) (?:trip|holiday|vacation|weekend|week|day|shift|flight)|at (?:the|my|a) [a-z]+|on (?:vacation|holiday|leave)|because|since|as|so|until|til|tomorow|tomorrow)";
const BENIGN_ROPE =
  "(?:for (?:the |my |a |our |some )?(?:tent|camping|camp|boat|climbing|gym|swing|hamock|hammock|dog|dogs|horse|clothesline|clothes line|laundry|garden|tarp|project|costume|craft|crafts|macrame|tug of war|jumping|skipping|workout|hike|hiking|sailing|kayak|trailer|truck|move|moving|cat|cats|pet|pets|class|kids|fence|plants|lights|decorations|decor)|swing|ladder|course|light|lights|toy|toys|to tie|to climb|to hang (?:the|a|my|our|some) (?:hamock|hammock|swing|clothes|laundry|tarp|lights|plants|plant|picture|pictures|decorations))";

const en = (
  kind: CrisisKind,
  category: CrisisCategory,
  pattern: string,
  options: Omit<LexiconEntry, "kind" | "category" | "lang" | "pattern"> = {},
): LexiconEntry => ({ kind, category, lang: "en", pattern, ...options });
const es = (
  kind: CrisisKind,
  category: CrisisCategory,
  pattern: string,
  options: Omit<LexiconEntry, "kind" | "category" | "lang" | "pattern"> = {},
): LexiconEntry => ({ kind, category, lang: "es", pattern, ...options });

const NEGATABLE = { negatable: true } as const;

export const CRISIS_LEXICON: readonly LexiconEntry[] = [
  // ── Suicidal ideation, direct ─────────────────────────────────────────────────────────────
  en("ideation-direct", "suicide", `(?:kill|kil|killing|kiling|killed|kiled) ${ME}`, {
    ...NEGATABLE,
    notAfter: `(?:${IDIOM_AFTER}|to (?:get|make|finish|meet|kep|keep|pay|please|impress|study|work|earn|save|hit|win|beat|catch|be ready)|over (?:this|that|the|a|my|nothing)|trying to (?:get|make|finish|please|keep)|working|studying|for (?:nothing|this|that|them|you|a|the)|in the gym|at school|practicing|training|running|cleaning|tripping|falling)`,
    notBefore: "(?:almost|nearly|practicaly|practically|basicaly|basically|pretty much)",
  }),
  en(
    "ideation-direct",
    "suicide",
    `(?:end|ending|ended|take|taking|took) my (?:own )?life`,
    NEGATABLE,
  ),
  en("ideation-direct", "suicide", `end(?:ing)? ${ME}`, {
    ...NEGATABLE,
    notAfter: "(?:laughing|lol|haha[a-z]*)",
  }),
  en("ideation-direct", "suicide", `(?:end|ending|finish|finishing) it (?:al|all)`, {
    ...NEGATABLE,
    notAfter: "(?:with|between|betwen)",
  }),
  en(
    "ideation-direct",
    "suicide",
    `(?:end|ending|finish|finishing) (?:it|things|everything) (?:tonight|today|for god|for good|forever|once and for al|once and for all|permanently|soon)`,
    { ...NEGATABLE, notAfter: "(?:with|between|at work|at the)" },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:want|wana|wanna|wanted|wish|wished|wishing|longing|long|need|ned|ready|deserve|deserved|hope|hoping) to (?:die|be dead|not exist|stop existing|not be alive|not be here anymore|not be here any more|cease to exist|not wake up|never wake up|not wake up again|never wake up again)`,
    {
      ...NEGATABLE,
      notAfter: `(?:${IDIOM_AFTER}|of (?:old age|natural causes)|in (?:my sleep|peace) (?:at|when)|when i(?:m| am) (?:old|ninety|90|100)|happy|old|peacefuly|peacefully in my sleep at|${DYE_AFTER})`,
    },
  ),
  en("ideation-direct", "suicide", `(?:wana|wanna|gona|gonna) die`, {
    ...NEGATABLE,
    notAfter: `(?:${IDIOM_AFTER}|of|from|when|if|in this heat|hungry)`,
    notBefore:
      "(?:we re|were|were al|we are|we al|everyone s|everyone is|youre|you re|you are|ur|its|it s|this is)",
  }),
  en(
    "ideation-direct",
    "suicide",
    `(?:i|and|so|probably|realy|really|honestly|maybe|just) (?:should|shuld|ought to|must|need to|deserve to) (?:just )?(?:die|be dead|not exist|not be alive)`,
    {
      ...NEGATABLE,
      notAfter: IDIOM_AFTER,
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:wish|wished|wishing) i (?:was|were|could be|d be|would be) dead`,
    NEGATABLE,
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:wish|wished|wishing|hope|hoping|pray|praying) (?:that )?i (?:would|could|wil|l|d|might)? ?(?:just )?die`,
    {
      ...NEGATABLE,
      notAfter: IDIOM_AFTER,
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:want|wana|wanna|wanted|ready|going|gona|gonna|need|ned|about|plan|planing|planning|decided|tempted|just want|i l|il|i wil) (?:to )?(?:end it|end it al|end it all|end everything|end things|end my existence|stop living|stop breathing|stop being alive|not live anymore|not live any more|be gone forever|be gone for good)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:with|between|here|there|now and|for (?:today|tonight|now|the (?:day|week|night))|early|at|on (?:a|that|this) (?:high|good|positive|happy) note|before|after|so (?:we|i|you)|and go|off|in (?:the|this|that|a) (?:meeting|call|chat|game|city|house|apartment)|like (?:this|that) (?:in|at)|in|paycheck|like a)",
    },
  ),
  en("ideation-direct", "suicide", `(?:want|wana|wanna|wish i could|ready) to be gone`, {
    ...NEGATABLE,
    notAfter:
      "(?:from (?:this|the|that|my) (?:job|place|city|town|house|party|meeting|group|class|school|country|office|apartment|neighbourhood|neighborhood)|by|before|for (?:the|a) (?:weekend|week|day|holiday|summer|month|year|few)|on (?:vacation|holiday)|when|til|until|already|asap|soon from|out of here|from here)",
  }),
  en("ideation-direct", "suicide", `better of dead`, NEGATABLE),
  en("ideation-direct", "suicide", `suicide`, {
    ...NEGATABLE,
    topical: true,
    notBefore: `(?:died by|died of|died from|death by|deaths by|lost [a-z]+ (?:[a-z]+ )?to|loss to|losing [a-z]+ (?:[a-z]+ )?to|lose [a-z]+ (?:[a-z]+ )?to|${THIRD} ${NOT_ME_WORDS}(?:comited|committed|commits|attempted|atempted|tried|died by)|(?:his|her|their|celebritys|actors|singers|rappers|friends|cousins|uncles|aunts|brothers|sisters|dads|moms|mums|fathers|mothers|sons|daughters|neighbors|neighbours|classmates|coworkers|teachers|students|characters) (?:[a-z]+ )?|career|social|political|profesional|professional|commercial|financial|fashion|electoral|(?:it|that|this) (?:would|d|wil|l) be (?:[a-z]+ )?|(?:thats|its) (?:[a-z]+ )?|cultural)`,
    notAfter: SUICIDE_COMPOUND,
  }),
  en("ideation-direct", "suicide", `my (?:own )?suicide`, {
    ...NEGATABLE,
    notAfter: SUICIDE_COMPOUND,
  }),
  en(
    "ideation-direct",
    "suicide",
    `(?:comit|commit|comiting|committing|comited|committed|atempt|attempt|atempting|attempting|atempted|attempted|consider|considering|considered|contemplate|contemplating|contemplated|planing|planning|planed|planned|plan) (?:~{0,1})suicide`,
    { ...NEGATABLE, notBefore: `${THIRD_BEFORE}|(?:his|her|their)` },
  ),
  en("ideation-direct", "suicide", `suicidal`, {
    ...NEGATABLE,
    topical: true,
    notBefore: THIRD_BEFORE,
    notAfter: "(?:pace|tendencies in (?:the|a|that) (?:movie|film|book|show|character))",
  }),
  en(
    "ideation-direct",
    "suicide",
    `(?:im|i am|i m|i fel|i feel|fel|feling|i get|i ve ben|ive ben|i have ben|i was|i ben|i kep feling|i started feling|makes me|making me|made me|get|geting|so) ${AFFIRMED_WORD}{0,2}suicidal`,
    { ...NEGATABLE, notBefore: THIRD_BEFORE },
  ),
  en(
    "ideation-direct",
    "suicide",
    `suicidal (?:thoughts|thought|feelings|feling|ideation|ideas|urges|urge|again|thinking|plans|plan)`,
    { ...NEGATABLE, notBefore: THIRD_BEFORE },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:thinking|think|thought|thoughts|dreaming|dream|dreamt|obsesing|obsessing|fantasizing|fantasising|fantasize|fantasise|daydreaming|daydream|obsessed|obsesed) (?:about|of|on) (?:suicide|killing ${ME}|ending (?:it al|it all|my life|it|things|everything)|taking my (?:own )?life|dying|being dead|my death|my own death|my funeral|my own funeral|not existing|not being alive|not waking up|death)`,
    { ...NEGATABLE, notAfter: "(?:my|her|his|their|the|it|of|from|laughing|hair)" },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:shoot|shooting|hang|hanging|drown|drowning|poison|poisoning|stab|stabbing|gas|gasing|gassing|electrocute|electrocuting|suffocate|suffocating|strangle|strangling|starve) ${ME}`,
    {
      ...NEGATABLE,
      notAfter: `(?:${IDIOM_AFTER}|in the foot|on the foot|up|out|over|with (?:coffee|caffeine|work|food))`,
      notBefore:
        "(?:could|coulda|could just|almost|nearly|accidentally|accidentaly|felt like i could)",
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:slit|slitting|sliting|slice|slicing|cut|cutting|open) my (?:wrists|wrist|throat)`,
    {
      ...NEGATABLE,
      notAfter: ACCIDENT,
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:jump|jumping|jumped|leap|leaping|throw ${ME}|throwing ${ME}|fling ${ME}|hurl ${ME}|launch ${ME}) (?:of|off|of of|from|out of|out) (?:a|the|my|some|this|that|an) (?:tal |high |tallest |highest |nearest )?${HIGH_PLACE}`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:into (?:the|a) (?:water|pool|lake|river|sea|ocean|net|foam|pit)|in the (?:game|movie|show|dream|video)|on (?:a|the) (?:trampoline|bike))",
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:jump|jumping|step|stepping|throw ${ME}|throwing ${ME}|walk|walking|lie|lying|lay|laying|run|running) (?:in front of|infront of|under|onto|on to) (?:a|the|an|some|oncoming|a moving|a speeding) (?:moving |speeding |oncoming )?${VEHICLE}`,
    NEGATABLE,
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:drive|driving|drove|crash|crashing|crashed|steer|steering|swerve|swerving) (?:my car |the car |myself )?(?:into|in to|of|off) (?:a|the|some|oncoming) (?:wall|tree|truck|lorry|traffic|bridge|cliff|river|ocean|lake|pole|overpass|barrier|oncoming traffic)`,
    {
      ...NEGATABLE,
      notBefore: "(?:almost|nearly|someone|somebody|he|she|they|a driver|the driver|a car|a truck)",
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:want|wana|wanna|wish|ready|going|gona|gonna|about) to (?:leave|exit|quit|check out of) (?:this|the) (?:world|earth|life|planet)`,
    NEGATABLE,
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:gun|pistol|barel|barrel|revolver) (?:to|in|against|at) my (?:head|temple|mouth|chin|chest)`,
    {
      ...NEGATABLE,
      notBefore:
        "(?:if you|even if you|unless you|if someone|if somebody|you could|if they|you can|could)(?: [a-z]+){0,2}",
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:want|wana|wanna|want someone|want somebody|wish someone|wish somebody|someone should|somebody should|someone please|somebody please|please someone|please somebody|just) (?:to )?(?:put me out of my misery|kil me for real|end me for real)`,
    NEGATABLE,
  ),

  // ── Suicidal ideation, indirect or passive ───────────────────────────────────────────────
  en(
    "ideation-passive",
    "suicide",
    `(?:nobody|no one|noone|no body|no1|not a single person|not one person) (?:would|wil|d|is going to|is gona|is gonna|would ever|wil ever|would even|wil even|would really|is ever going to|ever)? ?(?:even |really |ever )?(?:mis|miss|notice|care|mourn|cry|come to my funeral) (?:if i (?:m|am|was|were|died|die|disappeared|disappear|left|went) ?(?:gone|dead|not here|away for good|forever)?|when i (?:m|am)? ?(?:gone|dead|die)|that i m gone|i m gone|im gone)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:nobody|no one|noone|no body|they|they d|people|everyone|you guys|you al|my family|my friends) (?:would|wil|d|is going to|are going to|gona|gonna|wont|wouldnt|will not|would not|wil not)? ?(?:even |really |ever )?(?:mis|miss|notice|care|mourn|cry)(?: about| for)? me (?:when|once|after|if) i (?:m|am|was|were)? ?(?:gone|dead|die|died|kil myself|disappear|disappeared)`,
    { notAfter: TIME_AWAY },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:nobody|no one|noone|no body) (?:would|wil|d|is going to|gona|gonna)? ?(?:even |really |ever )?(?:mis|miss|notice|care|mourn|cry)(?: about| for)? me`,
    {
      notAfter:
        "(?:at|during|in (?:the|this|my|our) (?:meeting|class|game|group|session|party|chat)|on|for (?:the|a|one)|tonight|today|this (?:weekend|week)|while)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:wouldnt|would not|wont|will not|wil not) (?:even )?be mised`,
    {},
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:nobody|no one|noone|no body|who) (?:cares|would care|wil care|would even care|would notice|wil notice|would even notice|d care|d notice|is going to care|gona care|gonna care) (?:if|whether|when) i (?:live|lived|die|died|m gone|was gone|were gone|disappeared|disappear|m dead|was dead|were dead|killed myself|kiled myself|kil myself|killed ${ME}|kiled ${ME}|stop existing|stopped existing|didnt wake up|never woke up|wasnt here|werent here|m not here)`,
  ),
  en("ideation-passive", "suicide", `(?:better|beter|happier|easier|fine) (?:of )?without me`, {}),
  en(
    "ideation-passive",
    "suicide",
    `(?:better|beter|happier|easier|fine) (?:of )?if i (?:was|were|wasnt|werent|m|am|had|d)? ?(?:gone|dead|not here|here|around|alive|not around|never born|never ben born|didnt exist|did not exist|disappeared|died|killed ${ME}|kiled ${ME}|never existed|just died|just disappeared)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:world|earth|planet|everyone|everybody|family|they|you al) (?:would|wil|d) (?:al )?be (?:a )?(?:better|beter|happier) (?:place )?without me`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:wish|wished|wishing) i (?:was|were|had|d|had never|d never) ?(?:never )?(?:ben )?born`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:dont|do not|didnt|did not|dont really|really dont|no longer|not) (?:want|wana|wanna|wish|feel like|care) to (?:live|be alive|exist|go on|carry on|keep going|keep living|kep going|kep living|wake up|see tomorrow|se tomorow|see tomorow|se tomorrow|be on this earth|be in this world|survive|stay alive|be here anymore|be here any more|be here no more|be here on this earth|breathe)`,
    {
      notAfter:
        "(?:in|with|there|near|at|by|alone|together|without|next|close|so far|far|under|on (?!this earth)|early|at|til|until|before|this early|so early|for (?:work|school|class|the)|to (?:an|a|the|my|this) (?:alarm|noise|sound|text|call|mes|mess|news)|tomorow (?:morning )?(?:at|for|because|so early)|tomorrow (?:morning )?(?:at|for|because|so early)|like (?:a|an|that|them|him|her|my|this (?:city|town|house|apartment|place|neighbourhood|neighborhood)))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `not sure (?:if |that |whether )?i (?:want|wana|wanna) to (?:live|be alive|keep going|kep going|go on|keep living|kep living|exist|wake up)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:dont|do not) (?:think|know if|know whether|feel like) i (?:want|wana|wanna|can) (?:to )?(?:live|be alive|keep going|kep going|go on|keep living|kep living|exist)(?: anymore| any more| any longer| much longer)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `no (?:reason|reasons|point|purpose|will|wil|desire|motivation) (?:to|in|of|for|left to) (?:live|living|go on|going on|being alive|be alive|carry on|carying on|carrying on|keep going|kep going|keeping going|keep living|kep living|wake up|waking up|existing|exist|stay alive|staying alive|be here|being here|life)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:dont|do not|cant|can not|cannot|no longer|dont even|never) see (?:the |any |a )?(?:point|reason|purpose|use|meaning) (?:in|of|to|for) (?:living|life|going on|go on|being alive|carying on|carrying on|staying alive|stay alive|waking up|wake up|existing|exist|live|being here|my life|keep living|keeping going|keep going)`,
    {
      notAfter:
        "(?:in (?:this|that|the) (?:city|town|house|place|apartment|job)|here|there|with (?:him|her|them|my))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:life|my life|living|existence) (?:has|holds|s got|has got) no (?:meaning|point|purpose|value|worth)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:wish|wished|wishing) i (?:wasnt|werent|was not|were not) (?:alive|born|existing|here anymore|here any more|in this world|on this earth|around anymore)`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:hate|hating|hated|despise) (?:being alive|existing|my existence|that i m alive|that im alive|that i am alive|that i woke up|waking up every (?:day|morning)|being born|that i was born|living)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:here|there|in|with|at|near|so far|alone|next|on|under|paycheck|like a|out of|without)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:d|would|i d|id|i would) (?:rather|prefer to) (?:be dead|die|not exist|not be alive|not wake up|never wake up)`,
    {
      ...NEGATABLE,
      notAfter: `(?:than (?!live|living|kep living|keep living|go on|going on|fel|feel|feling|feeling|be like this|be here|continue|sufer|suffer|wake up|face|go back to (?:that|him|her|the hospital|hospital))|${IDIOM_AFTER}|${DYE_AFTER})`,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:only|no other|no|the only) (?:way out|escape|option|solution|answer|way to stop (?:the|this) pain) (?:is|left is|would be|except|but|besides|other than|i see is|i have is) (?:death|dying|suicide|to die|killing myself|kiling myself|to kill myself|to kil myself|ending it|ending my life|to end it|to end my life)`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:death|dying|being dead|not existing|suicide) (?:would be|is|seems|sounds|feels like) (?:the only (?:way out|option|answer|solution|escape|way)|a relief|a release|a blessing|better than this|better than living|easier than living|so peaceful|peaceful|welcome|my only option|the answer|an escape|my escape)`,
    {
      ...NEGATABLE,
      notBefore: `${THIRD_BEFORE}|(?:for|to) (?:him|her|them|the (?:dog|cat|patient)|grandma|grandpa|my (?:dog|cat|grandma|grandpa|grandmother|grandfather|mom|dad))`,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:this is|its|it s) (?:the end for me|the end of me|my end|the end of my life|the end of the line for me)`,
    {
      notAfter:
        "(?:at|in|with|here at|as|on|of (?:the|this) (?:team|job|show|season)|lol|haha[a-z]*)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:feel|fel|feling|feeling) like (?:ending it|ending it al|ending it all|ending my life|ending things|ending everything|dying|killing myself|kiling myself|giving up on life|disappearing forever|not existing|not being alive|i want to die|i should die|i should be dead|i should just die)`,
    {
      ...NEGATABLE,
      notAfter: `(?:${DYE_AFTER}|of|from|with|laughing|lol|haha[a-z]*|at|after|inside from|in this heat)`,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:nothing|nobody|no one|noone|no thing) (?:left )?to live for`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:life|living|my life|existence|existing) (?:is not|isnt|aint|s not|is no longer|isnt even|is not even|doesnt seem|dont seem|no longer seems|not) (?:worth|worth it|worth living|worth the (?:pain|trouble|effort|struggle))`,
    {
      notAfter:
        "(?:without (?:coffee|music|chocolate|pizza|sports|football|netflix|tv|my dog|my cat|cheese|wine|beer|dogs|cats))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:cant|can not|cannot|dont|do not|no longer) see (?:a|any) future(?: for ${ME}| for me| ahead| at al| at all| anymore| any more)?`,
    {
      notAfter:
        "(?:with|in (?:this|that|the|my) (?:job|company|city|relationship|field|career|team|town|country)|for (?:us|this|the|our|that|my (?:career|business|relationship|job|band|team))|here|there|at|in it|together)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:dont|do not) know how (?:much )?longer i (?:can|could|wil be able to|am able to) (?:go on|keep going|kep going|hold on|last|survive|live|stay alive|keep living|kep living|cope|keep fighting|kep fighting|do this|take this|take it)`,
    {
      notAfter:
        "(?:job|work|here|at|in|with|without (?:coffee|food|sleep|a break|water)|before (?:i|we) (?:need|have|eat)|for|on (?:this|that|the) (?:diet|job|project|team)|lol)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:want|wana|wanna|just want|need|ned|wish i could) to (?:stop|end) (?:the|this|al the|all the|al this|all this|my) (?:pain|sufering|suffering|hurt|hurting|misery|existence) (?:forever|for good|for god|permanently|once and for al|once and for all)`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `better (?:of )?(?:not existing|not alive|not being alive|not being here anymore|never born|never being born|never having ben born|gone forever|gone for good)`,
    NEGATABLE,
  ),
  en("ideation-passive", "suicide", `not worth living`, {}),
  en(
    "ideation-passive",
    "suicide",
    `(?:whats|what s|what is) the (?:point|use|purpose) (?:of|in) (?:living|life|being alive|going on|carrying on|carying on|staying alive|existing|my life|waking up|even living|even being alive)`,
    {},
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:cant|can not|cannot|couldnt) (?:go on|carry on|cary on|keep going|kep going|keep living|kep living|live like this|live with this|survive this)`,
    {
      notAfter:
        "(?:the|a|an|with|vacation|holiday|any|this (?:trip|tour|ride)|that|tour|stage|air|tv|camera|my|our|his|her|their|to|til|until|long|much|for|without|at|in|on|dates?|today|tonight|tomorow|tomorrow|right now|now|so i|but|because|cause|bc|since|if|when|in this heat|lol|haha[a-z]*|thanks|thank you|after|without)",
      notBefore:
        "(?:we|they|he|she|you|it|this|the [a-z]+|our [a-z]+|my (?:car|phone|laptop|legs|feet|back|knees|body|team))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:go to slep|go to sleep|fal asleep|fall asleep|sleep|slep|close my eyes) and (?:never|not|dont|do not) (?:wake|ever wake|open my eyes|wake up)`,
    { negatable: true },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:hope|hoping|pray|praying|wish|wishing) (?:~){0,3}(?:that )?i (?:dont|do not|never|wont|wil not|will not) wake up`,
    {
      notAfter: "(?:early|late|til|until|before|at|for (?:work|school|class|the))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:never|not|dont|do not) (?:ever )?(?:want to|wana|wanna) wake up (?:again|ever again|tomorow|tomorrow)`,
    {},
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:sleep|slep|go to sleep|go to slep|disappear|dissappear|disapear|vanish|fade away|be gone|go away|leave) (?:forever|for ever|for god|for good|permanently|and never come back|and never return|and never wake up)`,
    {
      notAfter:
        "(?:from (?:this|the|that) (?:group|chat|app|site|platform|job|town|city|class|team)|on (?:vacation|holiday))",
      notBefore:
        "(?:could|i could|can|i can|would|i would|coud|id|i d)(?: (?:just|literaly|literally|honestly|totaly|totally|probably|probably just))?|(?:gonna|gona|going to|wil|l|would) (?:go |move |travel )?(?:to|on) [a-z]+ and|(?:the|this|that|my|his|her) [a-z]+ (?:wil|would|should|could|to)|(?:pain|headache|cold|rain|snow|virus|bug|problem|ache|it) (?:to|wil|would|should|could)|(?:please|just) (?:make|let) (?:it|this|the [a-z]+)|(?:wish|want|wish i could make|want to make) (?:the|this|that|my) [a-z]+ (?:to )?|(?:wish|want) (?:it|this|that|these|those|them) (?:to )?",
      negatable: true,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:im|i am|i m|i fel like|i feel like|feling like|feeling like|i fel|i feel|i m just|im just|i am just) (?:just |such |nothing but |only |always |so much of |a huge |a big |a total )?(?:a |an )?(?:burden|waste of space|waste of oxygen|waste of air|waste of life|mistake that should not exist)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:of (?:proof|truth|care|debt)|for (?:the|this|that) (?:team|project|department|trip))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:im|i am|i m|i fel|i feel|feling|feel|fel|feeling) (?:like )?(?:just |such |nothing but |only |always )?(?:a )?(?:burden|waste of space|waste of oxygen|waste of air|waste of life|mistake that should not exist) (?:to|on|for) (?:everyone|everybody|every one|my family|them|you al|you guys|my friends|the world|my kids|my children|my parents|people|everyone around me|those around me|my partner|my wife|my husband)`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:tired|sick|exhausted|done|weary) (?:of|with) (?:living|being alive|life|existing|waking up|being here|this life|my life|breathing)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:in|with|at|here|there|paycheck|like a|out of|on|next to|near|under|alone with|paycheck to paycheck|in this|at home|with my|with roommates|so close|so far)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:given|give|giving|gave) up on (?:life|living|being alive|staying alive|wanting to live)`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:want|wana|wanna|just want|ready|need|wish) (?:for )?(?:it al|it all|everything|my life|life|existence|my existence|al of it|all of it|the pain|this pain|the suffering|it) to (?:end|be over|stop) (?:forever|for good|for god|permanently|once and for al|once and for all)`,
    NEGATABLE,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:want|wana|wanna|just want|ready|need|wish) (?:for )?(?:my life|life|existence|my existence|it al|it all) to (?:end|be over|stop)`,
    {
      ...NEGATABLE,
      notAfter: "(?:so|and then|before|after|at|when)",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:wont|will not|wil not|wouldnt|not going to|not gona|not gonna|no longer going to|no longer) (?:be|b) (?:here|around|alive|breathing|on this earth) (?:much longer|for much longer|for long|for very long|much more|to se|to see|by (?:tomorow|tomorrow|morning|next week|the weekend)|after tonight)`,
    {
      notAfter: TIME_AWAY,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:wont|will not|wil not|dont|do not) have to (?:worry|deal|put up) (?:about|with) me (?:much longer|for much longer|anymore|any more|any longer|ever again|for long)`,
    {
      notAfter: TIME_AWAY,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:wont|will not|wil not|wouldnt|would not) be (?:a )?(?:burden|problem|bother|trouble) (?:to anyone |to you |for you |to them |for anyone )?(?:much longer|for much longer|for long|anymore|any more|any longer|soon)`,
    {
      notAfter: TIME_AWAY,
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:want|wana|wanna|wanted|wish|hope|hoping) (?:someone|somebody|a car|a bus|a truck|a plane|god|the universe) (?:would|to|wil|could) (?:just )?(?:kil|hit|end) me`,
    {
      notAfter:
        "(?:with (?:kindness|love|hugs|cuteness)|lol|haha[a-z]*|for|before|in (?:the|a) (?:game|match)|at (?:the|this) (?:game|match))",
    },
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:hope|hoping|wish|wishing|pray|praying) (?:that )?(?:i|im) (?:get|got|gets|would get|could get|am) (?:hit|run over|kiled|killed|shot|murdered|struck) (?:by|in|on)`,
    {},
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:world|everyone|everybody|family|friends|they) (?:would|wil|d) (?:al )?(?:be )?(?:better|beter|happier|relieved|fine) (?:if|once|when) i (?:m|am|was|were)? ?(?:gone|dead|not here|not around|no longer here)`,
  ),
  en(
    "ideation-passive",
    "suicide",
    `(?:i|im|i am|i m) (?:feel|fel|feling|am|m)? ?(?:so )?(?:tired|exhausted) of (?:fighting|trying|struggling|surviving) (?:to (?:live|stay alive|survive)|for my life|anymore|any more|every day to stay alive)`,
  ),

  // ── Plans and means ──────────────────────────────────────────────────────────────────────
  en(
    "plan-or-means",
    "overdose",
    `(?:saved|saving|save|stockpiled|stockpiling|stockpile|hoarded|hoarding|hoard|stashed|stashing|stash|collected|collecting|gathered|gathering|kept|keeping|building up|built up|storing|stored|put away|putting away|set aside|setting aside|hid|hiding|hidden|squirreled away|squireled away|socked away) (?:up |away |aside )?~{0,3}${PILLS}`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:in (?:the|a|my) (?:cabinet|fridge|organizer|organiser|pill box|pilbox|pillbox|bag|drawer) (?:for|so)|for (?:the|my|a|our) (?:trip|vacation|holiday|travel|flight|dog|cat|grandma|grandpa|mom|dad|kids|week|month)|from (?:the|my) (?:dog|cat|kids|children|toddler|baby)|away from (?:the|my) (?:dog|cat|kids|children|toddler|baby)|money|on|by|with (?:my|a|the) (?:insurance|coupon|discount))",
      notBefore:
        "(?:pharmacist|doctor|nurse|she|he|they|mom|dad|grandma|grandpa|my (?:mom|dad|grandma|grandpa|parents|partner))(?: [a-z]+){0,2}",
    },
  ),
  en(
    "plan-or-means",
    "overdose",
    `${PILLS} (?:~{0,1})(?:saved|stashed|stockpiled|hoarded|hidden away|hid away|put away|put aside|set aside|saved up|colected|collected|stored up|squirreled away|squireled away|socked away|ready|lined up|counted out|ready to (?:take|go|swalow|swallow))`,
    {
      notBefore:
        "(?:pharmacy|pharmacist|chemist|drugstore|drug store|cvs|walgreens|rite aid|boots|clinic|nurse|doctor|mom|dad|mum|they|she|he) (?:~){0,3}",
      notAfter:
        "(?:for (?:tomorow|tomorrow|morning|the morning|bed|bedtime|tonight|work|school|the week|travel|my (?:trip|flight))|in (?:the|my|a) (?:organizer|organiser|pill box|pilbox|pillbox|bag|case)|to (?:go|pick up|colect|collect|refil|refill) (?:at|from)|at the (?:pharmacy|counter|front desk)|for pickup|for pick up|for (?:the|my|a|our) (?:trip|vacation|holiday|travel|flight|week|month|dog|cat)|from (?:the|my) (?:dog|cat|kids|children|toddler|baby)|in (?:the|my) (?:organizer|organiser|pill box|pillbox))",
    },
  ),
  en("plan-or-means", "overdose", `(?:stash|stockpile|hoard|collection|stock|supply) of ${PILLS}`, {
    notBefore:
      "(?:pharmacy|pharmacys|hospital|hospitals|clinic|clinics|doctors|doctor s|drug dealers|dealers|the)",
  }),
  en(
    "plan-or-means",
    "overdose",
    `(?:pil|pills|med|meds|medication|tablet) (?:stash|stockpile|hoard)`,
  ),
  en(
    "plan-or-means",
    "overdose",
    `(?:botle|bottle|stash|bunch|handful|box|pack|packet|pile|load|lot) of ${PILLS} (?:~){0,3}(?:and (?:i m|im|i am) ready|and (?:i m|im|i am) going to (?:take|swalow|swallow) them|ready to (?:take|swalow|swallow))`,
    {
      ...NEGATABLE,
      notAfter: "(?:for|to go|to leave|to travel|at|with (?:food|breakfast|dinner))",
    },
  ),
  en(
    "plan-or-means",
    "overdose",
    `enough ~{0,2}${PILLS} (?:~{0,2})(?:to (?:end it|end it al|end it all|die|kil ${ME}|kill ${ME}|kil me|kill me|not wake up|never wake up|overdose|od|end my life|end everything|do it|do the job|finish it|finish me|kil a person|kill a person|be lethal|be fatal)|for (?:an overdose|an od|a lethal dose|a fatal dose|it to be fatal|it to be lethal))`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "overdose",
    `how (?:many|much) ~{0,3}${PILLS}? ?(?:~){0,6}(?:to die|to kil ${ME}|to kil me|to kil a person|to kil someone|to kil you|would kil|wil kil|kils|to overdose|to od|is (?:a )?(?:fatal|lethal|deadly|an overdose|too many)|does it take to (?:die|overdose|od|kil|kill)|would it take to (?:die|overdose|od|kil|kill)|until i die|til i die|to not wake up|to never wake up|before i die|to stop my heart|is an overdose)`,
    {
      notAfter:
        "(?:my (?:dog|cat|horse|pet|plant|plants|lawn|weeds|garden)|a (?:dog|cat|horse|pet)|the (?:dog|cat|horse|pet|plant|plants|lawn|weeds|bacteria|virus|infection)|bacteria|weeds|mice|rats|bugs|fleas|germs|lice)",
    },
  ),
  en(
    "plan-or-means",
    "overdose",
    `(?:lethal|fatal|deadly|killing|kiling) (?:dose|doses|amount|amounts|quantity) of ~{0,2}${PILLS}`,
  ),
  en(
    "plan-or-means",
    "overdose",
    `(?:what is|whats|what s|how much is|how many is|looking up|looked up|googled|googling|researching|researched|searching|searched) (?:a |the )?(?:lethal|fatal|deadly) (?:dose|amount)`,
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:researching|researched|looked up|looking up|lok up|look up|googled|googling|searched|searching|search|google|reading about|read about|watching videos on|watched videos on) (?:~){0,2}(?:how to (?:die|kil ${ME}|end it|end my life|overdose|od|hang ${ME}|tie a nose|tie a noose|make a nose|make a noose|commit suicide|comit suicide|slit my wrists|do it painlessly|die painlessly)|ways to (?:die|kil ${ME}|end it|end my life|comit suicide|commit suicide|kil yourself|kill yourself)|painles (?:ways|methods|death|suicide|ways to die)|suicide (?:methods|method)|methods of suicide|how long it takes to (?:die|bleed out|drown|suffocate))`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:painles|painless|quick|quickest|easy|easiest|best|fastest|surest|sure) (?:and painles |and painless )?(?:way|ways|method|methods) to (?:die|kil ${ME}|kill ${ME}|end it|end it al|end it all|end my life|comit suicide|commit suicide|go out for god|go out for good|overdose|od)`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "suicide",
    `how to (?:kil ${ME}|kill ${ME}|end my life|end it al|end it all|comit suicide|commit suicide|die painlessly|die painlesly|die quickly|tie a nose|tie a noose|hang ${ME}|overdose on ~{0,1}${PILLS})`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:bought|buy|buying|got|get|geting|getting|have|has|found|tied|tie|tying|made|make|making|set up|seting up|setting up|put up|puting up|putting up|hung|ready|prepared|preparing|picked out|ordered|ordering|test(?:ed|ing)?|knotted|knoted) (?:a |the |my |some |myself a |me a )?(?:rope|nose|noose)`,
    {
      ...NEGATABLE,
      notAfter: BENIGN_ROPE,
      notBefore: "(?:jump|skipping|skip|climbing|tow|hangman|knot)",
    },
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:rope|nose|noose) (?:is|s) (?:ready|tied|set up|up|hanging|waiting|in my (?:closet|room|car|bag|garage|basement|atic|attic))`,
    {
      notBefore: "(?:jump|skipping|climbing|the swing|swing|tow)",
    },
  ),
  en("plan-or-means", "suicide", `noose`, {
    topical: true,
    notBefore: "(?:hangman|drawing|drew|drawn|draw|halloween|prop|props|knot)",
    notAfter:
      "(?:knot|knots|emoji|decoration|decorations|in the (?:movie|film|game|show|book|news|story)|was found|found at|found on|found in|on campus|incident)",
  }),
  en(
    "plan-or-means",
    "suicide",
    `(?:rope|nose|noose|belt|cord|sheet|scarf|cable) (?:to|for) hang(?:ing)? ${ME}`,
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:found|chose|chosen|picked|scoped out|checked out|looking for|looked for|have|know|found the perfect|the perfect) (?:a |the |my |some )?(?:beam|tree|spot|place|bridge|building|rafter|ledge|hook|branch|location|cliff|overpass) (?:to|for|where i (?:can|could|wil|l|m going to)) (?:hang|jump|do it|end it|die|kil ${ME}|kill ${ME}|end my life)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:rope|ropes|bungee|in|into|with|for (?:the|a|our) (?:photo|pic|picture|swing|hammock|hamock)|the (?:swing|hamock|hammock|lights|picture|painting|paintings|pictures|clothes|laundry)|my (?:swing|hamock|hammock|clothes|laundry|picture|pictures|painting|paintings|coat|bag|keys|hat)|a (?:swing|hamock|hammock|picture|painting)|out|up|of (?:the|a) (?:diving|high) board|from (?:the|a) (?:diving|high) board)",
    },
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:bought|buy|buying|got|get|geting|getting|have|has|loaded|loading|load|cleaning|holding|ordered|ordering|picked up|borrowed|took|taken|take|found) (?:a |the |my |dads |dad s |my dads |my dad s |his |her |some |a new )?(?:gun|pistol|handgun|firearm|revolver|shotgun|rifle|bulets|bullets|ammo) (?:~){0,3}(?:for ${ME}|to (?:end it|end it al|end my life|die|kil ${ME}|kill ${ME}|use on ${ME}|shoot ${ME}|do it)|for when i do it|for the end|to my head|in my mouth)`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:picked|chose|chosen|set|decided on|have|got|planed|planned|planing|planning|know) (?:a |the |my )?(?:date|day|time|night|weekend) (?:~){0,3}(?:to die|to end it|to end it al|to end it all|to kil ${ME}|to kill ${ME}|to end my life|i (?:wil|l|m going to|m gona|m gonna) (?:die|end it|kil ${ME}|kill ${ME}|end my life)|for my (?:death|suicide)|of my (?:death|suicide))`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:wrote|written|writing|write|left|leaving|leave|drafted|drafting|finished|finishing|started|starting|have|working on|record|recorded|recording) (?:a |my |the |some )?(?:final )?(?:suicide|goodbye|godbye|farewel|farewell|last) (?:note|notes|letter|letters|video|videos|message|mesage|messages)`,
    {
      ...NEGATABLE,
      notBefore: THIRD_BEFORE,
      notAfter:
        "(?:for (?:the|my|our|a) (?:team|class|coworkers|co workers|colleagues|boss|teacher|job|school|retirement|party|group|cohort|therapist|program|clinic)|to (?:the|my|our) (?:team|class|coworkers|co workers|colleagues|boss|teacher|job|school|group|cohort|therapist|program|clinic|students|staff)|at work|on (?:my|the) last day)",
    },
  ),
  en(
    "plan-or-means",
    "suicide",
    `suicide (?:note|notes|letter|letters|plan|plans|method|methods|attempt|attempts|atempt|atempts|kit|bag|pact)`,
    {
      topical: true,
      notBefore: THIRD_BEFORE,
    },
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:giving|gave|give|giving away|gave away|given) away (?:al |al of |all |all of )?(?:my|al my|all my) (?:things|stuff|belongings|possessions|posessions|valuables|prized possessions)`,
    {
      notAfter:
        "(?:before (?:the|my|we|i) (?:move|moving|trip|wedding|renovation|renovations|surgery|deployment|semester|year|leave|go abroad)|because (?:im|i am|we re|were) (?:moving|downsizing|decluttering)|to (?:charity|goodwill|the (?:shelter|church|thrift|library|museum|school|neighbours|neighbors))|on (?:facebook|marketplace|craigslist|freecycle)|since (?:im|i am|were|we re) moving|as (?:part of|i) (?:declutter|decluttering|move|moving))",
      notBefore: "(?:declutering|decluttering|moving|minimalism|minimalist|kondo)",
    },
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:plan|plans|planing|planning|planed|planned|method|methods|way|means) (?:to|of|for|on) (?:end it|end it al|end it all|end things|end everything|ending it|ending things|kil ${ME}|kill ${ME}|kiling ${ME}|killing ${ME}|ending my life|end my life|taking my (?:own )?life|take my (?:own )?life|dying|die|suicide|my suicide|overdosing|overdose|end it al|end it all|ending it al|ending it all)`,
    NEGATABLE,
  ),
  en(
    "plan-or-means",
    "self-harm",
    `(?:hid|hiding|hidden|hide|stashed|stashing|stash|hoarding|hoard|saved|saving|kept|keeping|keep|bought|buying|buy|got|have|ordered|sharpened|sharpening) (?:a |the |my |some |new |a new |a box of |a pack of |a packet of )?(?:razor blades|razor blade|razorblades|razorblade|razors|razor|blades|blade|box cuter|box cutter|boxcuter|boxcutter|scalpel|exacto|xacto|exacto knife|sharpener blade|pencil sharpener blades) (?:~){0,3}(?:to cut|for cutting|to use on ${ME}|for ${ME}|to hurt ${ME}|to harm ${ME}|in my (?:room|drawer|bag|wallet|closet|bathroom|desk|bra|sock|shoe|pencil case)|under my (?:bed|mattress|pillow)|where no one|so no one|just in case|for later|for when)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:for (?:the|my) (?:project|craft|crafts|art|class|work|box|boxes|garden|paint|scraper|shaving|shave|legs|beard|face|cardboard|carpet)|to (?:cut|open) (?:the |some |a |my )?(?:box|boxes|cardboard|carpet|paper|fabric|tape|vinyl|wallpaper|drywal|drywall|linoleum|rope))",
    },
  ),

  // ── Self-harm ────────────────────────────────────────────────────────────────────────────
  en(
    "self-harm",
    "self-harm",
    `(?:hurt|hurting|harm|harming|harmed|cut|cuting|cutting|burn|burning|burned|burnt|scratch|scratching|scratched|punish|punishing|punished|injure|injuring|injured|carve|carving|carved|bruise|bruising|mutilate|mutilating|mutilated|bleed|make|made|making|hit|hitting|punch|punching|beat|beating|slap|slapping|bite|biting|pinch|pinching|choke|choking) ${ME}(?: bleed)?`,
    {
      ...NEGATABLE,
      notAfter: `(?:${ACCIDENT}|of|off|out|up|some slack|a break|a slice|a piece|a peace|loose|short|from|a cup|a coffee|a sandwich|a snack|dinner|lunch|breakfast|a meal|something|a drink|a tea|at|in the (?:gym|kitchen|garden|yard)|sick|laugh|clear|known|heard|understood|comfortable|at home|better|feel better|proud|go|do|wait|sleep|eat|study|work|focus|happy|look|a promise|a plan|a list|a schedule|a new|a nice|some|into|in to|busy|sound|useful|available|vulnerable|a priority)`,
      notBefore:
        "(?:accidentally|accidentaly|accidently|almost|nearly|not to|so i dont|so i don t|dont want to|i never)",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:self|sel) ?(?:harm|harming|harmed|harms|injury|injure|injuring|injurious|injurius|mutilation|mutilate|mutilating|harmer|inflicted)`,
    {
      ...NEGATABLE,
      topical: true,
      notAfter:
        "(?:awareness|prevention|training|policy|policies|protocol|research|statistics|stats|module|workshop|course|lecture)",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `selfharm|self harm|sh (?:urges|urge|relapse|relapsed|again|scars|scar|cuts|wounds|thoughts)`,
    { ...NEGATABLE, topical: true },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:cutting|cuting|cut|slicing|slice|sliced|scratching|scratch|scratched|carving|carve|carved|burning|burn|burned|burnt|hitting|hit|punching|punch|stabbing|stab|stabbed|digging|dig|dug) (?:into )?my (?:own )?${BODY}`,
    {
      ...NEGATABLE,
      notAfter: `(?:${ACCIDENT}|on|off|of|with (?:a|the|my) (?:paper|cardboard|box|can|glass|lid|knife while|pan|iron|stove|oven|curling iron|straightener|hair straightener|dog|cat)|hair|open on|again on|at|against|in the|from|by)`,
      notBefore:
        "(?:accidentally|accidentaly|accidently|almost|nearly|dog|cat|puppy|kitten|bee|wasp|mosquito|mosquitoes|bug|bugs|sun|sunburn|he|she|they|someone|somebody|doctor|nurse|surgeon|tattoo artist|artist|the)(?: [a-z]+){0,2}",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:i|im|i am|i m|ive|i ve|i have|been|started|start|starting|back to|was) (?:~){0,2}(?:cutting|cuting|burning|scratching|carving|hurting ${ME}|harming ${ME}) again`,
    NEGATABLE,
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:i|ive|i ve|i have|i just|just) (?:cut|burned|burnt|hurt ${ME}|harmed ${ME}) again`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:my|the|his|her|our|your|it|them|this|that|a|an|some|out|in line|my hair|hair|bangs|on|while|when|at|playing|cooking|shaving)",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:cuts|scars|burns|wounds) (?:are|keep|kep) (?:getting|geting) (?:deeper|worse|bigger|more)|(?:covered|ful|full) (?:in|of|with) (?:cuts|scars|burns) (?:i made|i did|from cutting|from cuting|from ${ME}|i gave ${ME})|(?:cuts|burns|scars) i (?:made|did|gave ${ME}) on my|made (?:cuts|burns) on my`,
    {
      notBefore:
        "(?:budget|funding|tax|pay|spending|job|staff|service|price|rate|interest|government|paper|hair)",
    },
  ),
  en(
    "ideation-direct",
    "suicide",
    `(?:walk|walking|step|stepping|run|running|jump|jumping|throw ${ME}|throwing ${ME}) (?:into|in to|out into|out in front of|in front of) (?:the |oncoming |busy |moving |fast )?(?:traffic|highway|freeway|motorway|oncoming cars|oncoming traffic)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:to get|on my way|while|with|lol|haha[a-z]*|jam|jams|cones|lights|report|updates|news)",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:thinking|thought|think|thoughts|dreaming|dream|obsesing|obsessing|fantasizing|fantasising) (?:about|of) (?:cutting|cuting|self harm|selfharm|self harming|hurting ${ME}|harming ${ME}|burning ${ME}|relapsing)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:my|the|her|his|our|their|your|back|down|ties|class|classes|carbs|sugar|costs|it|them|out|off|of|loose|corners|in line|a|an|some|those|these|this|that|hair|bangs|on|with|from|at|into|my hair|meat|wood|paper|fabric|grass|the lawn)",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:until|til|till|so (?:that )?|to make) (?:~){0,3}(?:bled|bleed|bleeds|was bleeding|were bleeding|bruised) (?:on purpose|deliberately|intentionally)|(?:on purpose|deliberately|intentionally) (?:~){0,2}(?:to hurt ${ME}|until i bled|til i bled|to make ${ME} bleed)|(?:punched|punch|punching|hit|hitting|slammed|slamming) (?:a |the )?(?:wall|walls) (?:~){0,4}(?:to hurt ${ME}|on purpose|until i bled|til i bled|until (?:my|the) (?:hands|hand|knuckles|fists|fist) bled)`,
    NEGATABLE,
  ),
  en("self-harm", "self-harm", `(?:cutting|cuting) again`, {
    ...NEGATABLE,
    notBefore:
      "(?:hair|bangs|fringe|carbs|sugar|calories|costs|budget|budgets|prices|staff|jobs|hours|wood|grass|lawn|trees|hedge|hedges|coupons|class|classes|school|corners|ties|we re|were|they re|theyre|company|companies|bosses|government|schools|the)",
    notAfter:
      "(?:my|the|our|your|his|her|their|down|back|carbs|sugar|costs|hair|bangs|wood|the grass|grass|lawn|coupons|corners|ties|class)",
  }),
  en(
    "self-harm",
    "self-harm",
    `(?:urge|urges|craving|cravings|crave|craving to|temptation|tempted|itching|itch|need|ned|want|wana|wanna) to (?:cut|hurt ${ME}|harm ${ME}|burn ${ME}|self harm|selfharm|bleed|see blood|make ${ME} bleed|cut ${ME}|scratch ${ME}|punish ${ME})`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:myself|my self|my hair|my own hair|hair|bangs|my bangs|fringe|the|class|classes|carbs|sugar|back|down|ties|it short|loose|corners|in line|the cord|my losses|out|of|off|costs|spending|expenses|a deal|a check|a cheque|ahead|it|them|him|her|this|that|some|you|paper|fabric|wood|grass|cake|through|a rug|a rug|a tooth|teeth|a deal|a slice|slices|shapes|coupons|loose|your|our|their|his|a|an|my (?:nails|losses|hours|spending|budget|sleeve|sleeves|jeans|shirt|lawn|grass|hair|bangs|cake|food|meat|steak|toenails|fingernails))",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:fresh|new|deep|deeper|bleeding|infected|open) (?:cuts|cut|wounds|wound|scars|burns) on my ${BODY}`,
    {
      notAfter:
        "(?:from (?:the|a|my) (?:cat|dog|kitten|puppy|fence|bush|bushes|garden|hike|fall|bike|rose|roses|thorns|surgery|operation|kitchen|stove|oven|pan)|after (?:the|my) (?:surgery|operation|hike|fall))",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:cuts|scars|burns|wounds) on my (?:wrist|wrists|thigh|thighs|forearm|forearms) (?:again|from cutting|that i made|i made)`,
    {},
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:relapsed|relapse|relapsing|slipped|slip up|slipped up) (?:on|with|into)? ?(?:self harm|selfharm|cutting|cuting|sh|burning ${ME}|hurting ${ME}|harming ${ME})`,
    {},
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:(?:clean|free) from|clean of|stopped|quit|sober from) (?:self harm|selfharm|cutting|cuting|sh|hurting ${ME}|harming ${ME}) (?:for|since)`,
    {},
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:starve|starving|starved) ${ME} (?:as|to|because|til|until|again|so)`,
    {
      notAfter: "(?:dinner|the buffet|a buffet|the feast|thanksgiving|christmas|lunch|a big meal)",
    },
  ),
  en(
    "self-harm",
    "self-harm",
    `(?:i|im|i m|ive|i ve|i have|been|was) (?:~){0,1}(?:throwing up|purging|making ${ME} throw up|making ${ME} sick) (?:after|on purpose|to punish|again)`,
    {
      notAfter:
        "(?:sushi|the (?:sushi|flu|food|fish|chicken|party|bus|boat|ride)|food poisoning|eating bad)",
    },
  ),

  // ── Overdose ─────────────────────────────────────────────────────────────────────────────
  en("overdose", "overdose", `overdose|overdosed|overdosing|overdoses`, {
    ...NEGATABLE,
    topical: true,
    notAfter: `(?:on (?:${HARMLESS_EXCESS})|of (?:${HARMLESS_EXCESS})|crisis|epidemic|deaths|death rate|rates|statistics|stats|prevention|reversal|kit|kits|training|awareness|cases|response|antidote)`,
    notBefore: `(?:naloxone|narcan|drug|opioid|opiate|fentanyl|heroin|accidental|acidental|caffeine|cafeine|sugar|vitamin|cuteness|cute|serotonin|dopamine|nostalgia|information|${THIRD_BEFORE})`,
  }),
  en("overdose", "overdose", `(?:od|o d|oding|od ing|od d|oded) on`, {
    ...NEGATABLE,
    notAfter: `(?:${HARMLESS_EXCESS}|the (?:${HARMLESS_EXCESS})|it lol|this show|that show|this song|that song|him|her|them|you|this game|that game|cute|fries|chips|ice cream|popcorn|salt|garlic|cheese)`,
    notBefore: THIRD_BEFORE,
  }),
  en(
    "overdose",
    "overdose",
    `(?:take|took|taken|taking|swallow|swallowed|swallowing|swalow|swalowed|swalowing|down|downed|downing|chug|chugged|chugging|gulp|gulped|pop|popped|popping|empty|emptied) (?:al|al of|every|every single|every last|the whole|a whole|an entire|the entire|the rest of|a handful of|handfuls of|a bunch of|a botle of|a bottle of|a box of|a pack of|a packet of|[0-9]+|twenty|thirty|forty|fifty|a hundred|hundreds of|dozens of|a ton of|so many|too many|way too many) (?:of )?(?:my|the|those|these|them|her|his|mom s|moms|dad s|dads|my mom s|my moms|my dad s|my dads)? ?(?:~){0,2}(?:${PILLS}|botle|botles|bottle|bottles|pack|packet|box|of them)`,
    {
      ...NEGATABLE,
      notBefore:
        "(?:forgot to|forget to|remember to|remembered to|reminder to|did you|did i|dont forget to|need to remember to|have to remember to|supposed to|you need to|you have to|you should|i need to|i have to|have to|need to|must|make sure to|make sure you|please|you|doctor said to|doctor told me to|told me to|nurse said to|prescribed to|pharmacist said to|finished my antibiotics and|he|she|they)",
      notAfter:
        "(?:as prescribed|as directed|like prescribed|with (?:food|water|breakfast|dinner|lunch|meals|a meal|milk|juice)|on time|in the morning|at night|every (?:day|morning|night|evening)|each (?:day|morning|night)|daily|today like|for (?:my|the|a) (?:headache|migraine|cold|flu|infection|pain|back|cramps|allergies|fever|cough)|before bed|at bedtime|this morning|this week|yesterday as|to the pharmacy|back to the pharmacy|to my doctor|to the doctor|out of|from the pharmacy|at once by mistake|by mistake|by acident|by accident|back|home)",
    },
  ),
  en("overdose", "overdose", `(?:whole|entire) (?:botle|bottle|pack|packet|box) of ${PILLS}`, {
    ...NEGATABLE,
    notBefore:
      "(?:bought|buy|got|picked up|pick up|ordered|new|a new|finished|refill|refilled|through)",
  }),
  en(
    "overdose",
    "overdose",
    `(?:mix|mixing|mixed|take|taking|took|combine|combining|combined|swallow|swallowing|swallowed|swalow|swalowing|swalowed) (?:al |al of |al my |every |a handful of |a botle of |a bottle of |a bunch of )(?:my )?${PILLS} (?:with|and) (?:~){0,1}(?:alcohol|vodka|whiskey|whisky|wine|booze|liquor|drinks|beer|rum|gin|tequila)`,
    NEGATABLE,
  ),
  en(
    "overdose",
    "overdose",
    `(?:want|wana|wanna|going|gona|gonna|plan|planing|planning|ready|about|decided|tempted|thinking about|thought about|think about) (?:to )?(?:overdose|od|o d|overdosing|oding)`,
    {
      ...NEGATABLE,
      notAfter: `(?:on (?:${HARMLESS_EXCESS})|on the (?:${HARMLESS_EXCESS}))`,
    },
  ),

  // ── Farewell ─────────────────────────────────────────────────────────────────────────────
  en(
    "farewell",
    "suicide",
    `(?:godbye|goodbye|good bye|bye|farewel|farewell) (?:forever|for ever|for good|for god|cruel world|world|to (?:this|the) (?:world|life|earth)|everyone forever|everyone for good|everybody forever|al forever|my friends forever)`,
    {
      notAfter:
        "(?:of (?:warcraft|tanks)|cup|tour|party|concert|championship|series|from|to (?:the|this) (?:world cup|world tour|world series)|wide web|to (?:her|his|their|my|the|our|that|this|your) (?:old |former )?(?:job|jobs|car|house|apartment|city|town|school|hair|habit|habits|ex|phone|laptop|team|office|boss|life in))",
      notBefore: `${THIRD_BEFORE}|(?:say|said|saying|wave|waved|waving) (?:to )?(?:the|my|our|that|this|those) [a-z]+ (?:and|then)|(?:hello|helo|hi)`,
    },
  ),
  en(
    "farewell",
    "suicide",
    `(?:this is|this wil be|these are|here are|here s|heres) (?:my )?(?:last|final) (?:godbye|goodbye|words|message|mesage|post|note|letter|farewel|farewell) (?:to (?:you al|everyone|everybody|anyone|you guys|the world|the group|al of you|all of you)|ever|before i go|before i die|forever|for ever)`,
  ),
  en(
    "farewell",
    "suicide",
    `(?:this is|this wil be|here is|heres|here s) my (?:last|final|very last) (?:message|mesage|post|goodbye|godbye|words|text)`,
    {
      notAfter:
        "(?:in|here|as|since|because|cause|before (?!i die|i go|i kil|i end|i m gone|im gone)|for|til|until|on|about|today|tonight|of|at|from|to (?:the|this) (?:group|team|chat|thread|board|class)|lol|haha[a-z]*|then|and then|i (?:promise|swear)|in this)",
    },
  ),
  en(
    "farewell",
    "suicide",
    `(?:sory|sorry) for everything(?: ?[.,])? ?(?:godbye|goodbye|bye|good bye|farewel|farewell|i love you al|i love you all|i love you guys|forgive me|please forgive me)`,
    {
      notAfter: "(?:see you|se you|til|until|for now|for today|tonight|lol)",
    },
  ),
  en(
    "plan-or-means",
    "suicide",
    `(?:wrote|written|writing|write|left|leaving|leave) (?:a |my |some )?(?:note|letter|letters|notes) (?:for|to) (?:my|everyone|everybody|the) (?:~){0,2}(?:explaining why|explaining everything|saying goodbye|to say goodbye|for when i m gone|for when im gone|for after i m gone|after i m gone|after im gone|when i m gone|when im gone|saying sorry|to find after|for when i die|for after i die)`,
    NEGATABLE,
  ),
  en("farewell", "suicide", `(?:my|these are my|those are my|his|her) (?:last|final) words`, {
    notAfter:
      "(?:on (?:the|this|that) (?:subject|topic|mater|matter|issue)|about|for (?:today|tonight|now|the day|the night|the week)|before (?!i die|i go|i kil|i end|i m gone|im gone|i leave this)|in the (?:meeting|debate|argument|discussion|game|movie|book)|of the (?:day|night|week|meeting)|were|lol|haha[a-z]*|to the team|here tonight|tonight|today|on it)",
    notBefore: THIRD_BEFORE,
  }),
  en(
    "farewell",
    "suicide",
    `by the time (?:you|anyone|someone|somebody|they|you al|you guys|my family|my mom|my parents) (?:reads?|sees?|gets?|finds?|hears?|wakes? up|get up|notice|notices) (?:this|my message|my note|this message|this post)?,? ?i (?:wil|l|m going to|m gona|m gonna|ll)? ?(?:be|b) (?:gone|dead|no longer here|not here anymore|at peace|in a better place|with (?:god|grandma|grandpa|my (?:mom|dad|grandma|grandpa|brother|sister)) in heaven|out of (?:the|this) (?:world|pain))`,
  ),
  en(
    "farewell",
    "suicide",
    `(?:soon|tonight|today|tomorow|tomorrow)? ?i (?:wil|l|m going to|m gona|m gonna|ll)? ?(?:be|b) (?:in a beter place|in a better place|at peace forever|at peace for good|out of everyone s way forever|gone forever|gone for good|gone for god|no longer a burden)`,
    {
      notAfter:
        "(?:after (?:this|the|my) (?:holiday|vacation|trip|week|nap|shower|bath|coffee|meal|retirement)|when (?:this|the) (?:week|term|semester|project|exam|exams|shift) (?:is|s) over|financialy|financially|on vacation|on holiday|at the beach|in (?:hawaii|mexico|spain|france|italy|the mountains|the country|a new job))",
    },
  ),
  en(
    "farewell",
    "suicide",
    `see (?:you|ya|u) (?:al |guys )?(?:on the other side|in (?:another|the next|a beter|a better|my next) life|in heaven|in the afterlife)`,
    {
      notAfter:
        "(?:of (?:the|this|that) (?:weekend|holiday|vacation|break|exam|exams|surgery|procedure|operation|move|tunnel|road|river|lake|bridge|finish line|mountain|border|wall|door|meeting)|lol|haha[a-z]*)",
    },
  ),
  en(
    "farewell",
    "suicide",
    `(?:tel|tell|please tell) (?:my|them|everyone) (?:~){0,2}(?:i m sory|im sory|i am sory|im sorry|i m sorry|i am sorry|i loved them|i love them|i love them al) (?:~){0,3}(?:when i m gone|when im gone|after i m gone|after im gone|when i die|after i die|when i am gone|after i am gone|for me when|i couldnt go on|i could not go on|i couldnt do it anymore)`,
  ),
  en(
    "farewell",
    "suicide",
    `(?:(?:take|tak) care of (?:my|the) (?:~){0,1}(?:cat|dog|kids|children|plants|pets|family|mom|dad|brother|sister) (?:for me )?(?:when|after|once) i (?:m|am)? ?(?:gone|dead|die|not here anymore))`,
  ),
  en(
    "farewell",
    "suicide",
    `(?:my|this is my|tonight is my|today is my) (?:last|final) (?:night|day|week|hours) (?:alive|on earth|on this earth|in this world|breathing)`,
    {},
  ),
  en(
    "farewell",
    "suicide",
    `i (?:wont|will not|wil not) be (?:here|alive|around|with you) (?:tomorow|tomorrow|next week|in the morning|by morning|to see (?:tomorow|tomorrow|christmas|my birthday|the new year)) (?:~){0,3}(?:godbye|goodbye|i love you|sory|sorry|forgive me|i m sory|im sory|i m sorry|im sorry|please forgive)`,
  ),

  // ── Slang and euphemism ──────────────────────────────────────────────────────────────────
  en("slang", "suicide", `kms|k m s|kmslf|kmsf`, {
    ...NEGATABLE,
    notAfter: "(?:l|lol|lmao|lmfao|haha[a-z]*|jk|just kidding|xd|lmaoo)",
  }),
  en(
    "slang",
    "suicide",
    `(?:unalive|unalived|unaliving|unalives|un alive|un aliving|unaliven|unalife) (?:${ME}|me|meself)`,
    NEGATABLE,
  ),
  en("slang", "suicide", `(?:unalive|unalived|unaliving|unalives|un alive|un aliving|unalife)`, {
    ...NEGATABLE,
    topical: true,
    notBefore: THIRD_BEFORE,
    notAfter:
      "(?:in (?:the|a|this|that) (?:game|movie|film|show|book|episode|series|anime|video|story|news)|by (?:the|a) (?:villain|monster|killer|character|boss))",
  }),
  en(
    "slang",
    "suicide",
    `(?:sewerslide|sewer slide|sewer side|sewerside|sewercide|suwuicide|commit toaster bath|toaster bath|self unalive|self delete|self deleting|self deletion|self yeet|self yeeting|self terminate|self termination)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:mesages|messages|mesage|message|texts|text|posts|post|photos|photo|pics|chats|chat|feature|features|option|options|timer|timers|setting|settings|button|mode|after)",
      notBefore:
        "(?:mesages|messages|mesage|message|texts|chats|photos|posts|pics|stories|snaps|it|they|them|that|which|files|videos) (?:to |wil |would |can |automaticaly |wil automaticaly )?",
    },
  ),
  en(
    "slang",
    "suicide",
    `(?:commit sudoku|ctb|catch the bus for god|catch the bus for good|catch the bus tonight|catch the bus soon|ready to catch the bus)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:puzzle|puzzles|book|books|app|apps|grid|grids|to (?:school|work|town|the|my)|at|home|stop|driver|schedule|route|station|on time|in the morning|every|with|downtown|instead)",
    },
  ),
  en("slang", "suicide", `(?:delete|deleting|deleted) ${ME}`, {
    ...NEGATABLE,
    notAfter:
      "(?:from|of|off|out of|on|in (?:the|this|that) (?:group|chat|app|photo|pic|picture|video|list|spreadsheet|game|server|file|folder))",
  }),
  en(
    "slang",
    "suicide",
    `(?:yeet|yeeting|yeeted|yet) ${ME} (?:of|off|of of|out of|from|into|in to|in front of|infront of) (?:a|the|my|this|that|some|an) (?:~){0,1}(?:${HIGH_PLACE}|${VEHICLE}|river|ocean|sea|lake|void|abyss|sun)`,
    NEGATABLE,
  ),
  en(
    "slang",
    "suicide",
    `(?:want|wana|wanna|going|gona|gonna|about|ready|decided|plan|planing|planning|tempted|i l|il|ill|i wil|i might|might|could|should) (?:to )?(?:of|off|top|neck|end|rope|unalive|delete|yeet|remove) ${ME}`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:up|of|off|from|out|laughing|lol|haha[a-z]*|next (?:year|time|week|month)|this (?:year|time)|at (?:the|this|work)|with|in (?:the|this) (?:group|chat|photo|pic)|outta)",
    },
  ),
  en(
    "slang",
    "suicide",
    `(?:do|doing|did) ${ME} in(?: (?:tonight|today|soon|for good|already|now))?`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:at|with|the|this|that|a|an|my|for (?:a|the|this|that)|by (?:working|eating|doing|running)|working|running|studying|lifting|training|laughing|lol|haha[a-z]*|physicaly|physically|trying to)",
    },
  ),
  en("slang", "suicide", `(?:want|wana|wanna|going|gona|gonna|about|ready|decided|time) to rope`, {
    ...NEGATABLE,
    notAfter:
      "(?:in|them|him|her|you|people|friends|someone|somebody|some|of|off|the|a|it|my|our|their|his|these|those|this|that|cattle|cows|calves|horses|bulls|steers|steer|goats|ponies|the cattle)",
  }),
  en(
    "slang",
    "suicide",
    `(?:ready|want|wana|wanna|gona|gonna|going|time) (?:to )?(?:go to|to) (?:the|my|a)? ?(?:big )?(?:eternal slep|eternal sleep|endless slep|endless sleep|permanent slep|permanent sleep|final slep|final sleep|dirt nap|long slep|long sleep)`,
    NEGATABLE,
  ),
  en("slang", "suicide", `(?:eternal|endless|permanent|final|forever) (?:slep|sleep|rest|nap)`, {
    ...NEGATABLE,
    notAfter:
      "(?:mode|setting|timer|in (?:the|this|that) (?:game|movie|film|show|book|story)|spell|potion|curse|(?:in|on|at) (?:peace|the cemetery))",
    notBefore:
      THIRD_BEFORE +
      "|(?:rest in|laid to|grandma s|grandpa s|grandmas|grandpas|sleeping beauty s|sleeping beautys|cat s|cats|dog s|dogs|pet s|pets|the|a|an|their|his|her|its|into)",
  }),
  en(
    "slang",
    "suicide",
    `(?:i (?:wana|wanna|want to)|i m gona|i m gonna|im gona|im gonna|i l|il|i wil|i wil just) (?:just )?(?:go|walk) (?:into|in to) the (?:sea|ocean|river|lake|woods|forest) (?:and never come back|and not come back|forever|for good|for god|and drown|with rocks|with stones)`,
    NEGATABLE,
  ),
  en("slang", "suicide", `(?:an hero|hero myself|an heroing)`, NEGATABLE),

  // ── Spanish: ideation ────────────────────────────────────────────────────────────────────
  es(
    "ideation-direct",
    "suicide",
    `(?:me )?(?:quiero|kiero|qiero|quisiera|quiciera|deseo|necesito|ganas de|tengo ganas de|me dan ganas de|me entran ganas de|solo quiero|nada mas quiero|pienso en|he pensado en|estoy pensando en|sueno con|sueño con) (?:morir|morirme|morime|estar muerto|estar muerta|dejar de existir|no existir|no despertar|no despertarme|desaparecer para siempre|dormir para siempre|dormir y no despertar|dormir y no despertarme)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:de lo [a-z]+|del susto|de (?:susto|risa|la risa|verguenza|la verguenza|pena|hambre|sueno|calor|frio|aburrimiento|ganas|amor|envidia|los nervios|nervios|ternura|lo lindo|lo bonito|alegria|la emocion|emocion|felicidad)|por (?:verte|ver|ir|saber|conocer|probar|comer|estar|tener|que)|en paz de viejo|de vieja|de viejo|viejita|viejito|tranquilamente de|a los (?:90|100|noventa|cien)|temprano|tarde|a las|tan temprano|manana temprano|mañana temprano|para ir)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:me )?(?:quiero|kiero|quisiera|voy a|pienso|estoy pensando en|he pensado en|pense en|ganas de|tengo ganas de|voy a terminar por|quiero ir a) (?:matarme|suicidarme|suisidarme|colgarme|ahorcarme|quitarme la vida|cortarme las venas|tirarme de un puente|tirarme del puente|aventarme|envenenarme)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:de (?:risa|la risa|hambre|trabajo)|trabajando|estudiando|en el (?:gym|gimnasio|trabajo)|corriendo|a trabajar|a estudiar|con el trabajo)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `me (?:quiero|voy a|kiero|quisiera|pienso|estoy pensando en|voy a terminar por|quiero ir a) (?:matar|suicidar|morir|colgar|ahorcar|quitar la vida|envenenar)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:de lo [a-z]+|del susto|de (?:susto|risa|la risa|verguenza|la verguenza|pena|hambre|sueno|calor|frio|aburrimiento|ganas|amor|envidia|los nervios|nervios|ternura|alegria|la emocion|emocion|felicidad|trabajo)|por (?:verte|ver|ir|saber|conocer|probar|comer|estar|tener|que)|trabajando|estudiando|en el (?:gym|gimnasio|trabajo)|corriendo|a trabajar|a estudiar|con el trabajo|en paz|a los (?:90|100|noventa|cien)|el pelo|las cejas|de viejo|de vieja|viejito|viejita)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `suicidarme|suisidarme|suicidarte|matarme|quitarme la vida|me suicido|me mato(?! de| trabajando| estudiando| en el| corriendo| con el)`,
    {
      ...NEGATABLE,
      notBefore:
        "(?:el trafico|el trabajo|este calor|esta tarea|mi jefe|mi jefa|la tarea|el jefe|la jefa|me van a|que me|si no me|el calor|el frio|la risa)",
      notAfter:
        "(?:de (?:risa|la risa|hambre|trabajo)|trabajando|estudiando|en el (?:gym|gimnasio|trabajo)|corriendo|a trabajar|a estudiar|con el trabajo|lol|jaja[a-z]*|xd)",
    },
  ),
  es(
    "self-harm",
    "self-harm",
    `me (?:quiero|voy a|kiero|quisiera|tengo que|necesito) (?:cortar|lastimar|hacer dano|hacer daño|quemar|herir|golpear|castigar)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:el|la|los|las|un|una|mi|mis|con el cuchillo cocinando|cocinando|al cocinar|afeitando|en el gym|en el gimnasio|jugando|corriendo|de nuevo el pelo)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:mejor|ojala|quisiera que|ojala que) (?:yo )?me (?:muero|muera|muriera|mate|matara|suicide)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:de (?:risa|la risa|verguenza|la verguenza|pena|hambre|sueno|calor|frio|aburrimiento|ganas|amor|envidia|nervios|los nervios)|por|antes de (?:ir|ver|comer|hacer)|jaja[a-z]*|xd|lol)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:me quiero ir|quiero irme|me voy a ir|me ire|me iré|irme|dejar|salir|quiero dejar|quiero salir) (?:de )?(?:este mundo|esta vida|para siempre de este mundo)`,
    NEGATABLE,
  ),
  es(
    "ideation-passive",
    "suicide",
    `ya no quiero (?:estar|seguir) (?:aqui|aca|vivo|viva|existiendo|en este mundo)`,
    {
      notAfter:
        "(?:en (?:esta|este|la|el) (?:ciudad|casa|trabajo|escuela|fiesta|grupo|pais|reunion|clase)|con (?:el|ella|ellos|mi|mis)|hoy|esta noche|este fin|porque (?:hace|esta|el|la))",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:me (?:quiero|voy a|kiero) cortar|cortarme|me corte|me corté|cortandome|cortándome) las venas`,
    NEGATABLE,
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:pienso|pensando|pense|pensé|penso|sueno|sueño|sonando|soñando) (?:mucho |todo el tiempo |siempre )?(?:en|con) (?:la muerte|morir|morirme|matarme|suicidarme|el suicidio|quitarme la vida|mi muerte|mi funeral|estar muerto|estar muerta|desaparecer para siempre)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:de (?:mi|su|la|el|mis|sus) (?:abuelo|abuela|padre|madre|papa|mama|perro|gato|amigo|amiga|hermano|hermana|tio|tia|personaje)|en (?:la|el) (?:pelicula|serie|libro|novela|clase))",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:seria|sería|estaria|estaría|todo seria|todo sería|todos estarian|todos estarían|seria mucho|sería mucho) mejor si (?:yo )?(?:me muriera|me muero|muriera|desapareciera|no existiera|no estuviera|me mato|me matara|no hubiera nacido|me suicidara)`,
  ),
  es(
    "ideation-direct",
    "suicide",
    `me (?:voy a|quiero|kiero|pienso) (?:tirar|aventar|lanzar|arrojar|botar) (?:de|desde|por|a|al|del|bajo|frente a)? ?(?:un |el |la |una |los |las )?(?:puente|edificio|techo|azotea|balcon|ventana|precipicio|acantilado|tren|metro|vias|via del tren|carro|coche|camion|autobus|rio|mar)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:a nadar|al agua de la|con paracaidas|en paracaidas|para nadar|de clavado|en la piscina|en el juego|jaja[a-z]*)",
    },
  ),
  es(
    "self-harm",
    "self-harm",
    `(?:me estoy|estoy|sigo|volvi a|volví a|empece a|empecé a) (?:cortandome|cortándome|cortando|lastimandome|lastimándome|lastimando|quemandome|quemándome|quemando|haciendome dano|haciéndome daño|hiriendome|hiriéndome|golpeandome|golpeándome) (?:otra vez|de nuevo|los brazos|las piernas|las munecas|las muñecas|la piel|los muslos|a proposito|a propósito|cuando|porque|para)`,
    NEGATABLE,
  ),
  es(
    "self-harm",
    "self-harm",
    `me (?:hago|hice|estoy haciendo|sigo haciendo) (?:dano|daño)(?: a proposito| a propósito| yo| yo misma| yo mismo)?`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:en (?:la|el|mi|los|las) (?:rodilla|pie|pies|tobillo|espalda|mano|manos|dedo|brazo|pierna|cabeza|cuello)|jugando|corriendo|en el gym|en el gimnasio|al caer|cuando me cai|con (?:la|el) (?:puerta|mesa|silla|cuchillo cocinando))",
    },
  ),
  es(
    "self-harm",
    "self-harm",
    `me (?:quemo|queme|quemé|estoy quemando|sigo quemando) con (?:cigaros|cigarros|cigarillos|cigarrillos|el encendedor|un encendedor|fosforos|fósforos|cerillos|el cigaro|el cigarro)`,
    NEGATABLE,
  ),
  es("ideation-direct", "suicide", `suicidio|suicida|suicidas`, {
    ...NEGATABLE,
    topical: true,
    notBefore: `(?:murio por|se quito|prevencion del|prevencion de|su|del actor|del cantante|del famoso|de la actriz|de la cantante|de su|de mi (?:tio|tia|primo|prima|amigo|amiga|hermano|hermana|abuelo|abuela)|ataque|atentado|mision|misión|es un|seria un|sería un)`,
    notAfter:
      "(?:de (?:un|una|el|la) (?:actor|actriz|cantante|famoso|famosa|personaje)|en la (?:pelicula|serie|noticia|novela)|en las noticias|social|politico|profesional)",
  }),
  es(
    "ideation-direct",
    "suicide",
    `(?:pensamientos|ideas|ideacion|ganas|impulsos|intentos|intento|plan|planes) (?:suicidas|suicida|de suicidio|de suicidarme|de matarme|de morirme|de morir|de quitarme la vida)`,
    { ...NEGATABLE, notAfter: ES_IDIOM_AFTER },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:acabar|terminar|poner fin|ponerle fin|darle fin|dar fin) (?:con|a) (?:mi vida|mi existencia|mi sufrimiento para siempre|todo para siempre|todo de una vez)`,
    NEGATABLE,
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:quiero|voy a|ganas de|pienso) (?:acabar|terminar) con todo`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:el|la|los|las|lo de|este|esta|mis|tus|sus|esto de|eso de|hoy|rapido|pronto y|antes)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:estaria|estaría|estoy|estaba|seria|sería|prefiero estar|preferiria estar|quisiera estar|quiero estar|mejor) (?:mejor )?(?:muerto|muerta)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:de (?:risa|cansancio|sueno|hambre|frio|calor|aburrimiento)|del cansancio|de tanto|jaja[a-z]*|xd|lol)",
    },
  ),
  es(
    "ideation-direct",
    "suicide",
    `(?:tirarme|aventarme|lanzarme|arrojarme|botarme) (?:de|desde|por|a|al|bajo|frente a) (?:un|el|la|una|los|las)? ?(?:puente|edificio|techo|azotea|balcon|ventana|precipicio|acantilado|tren|metro|vias|via del tren|carro|coche|camion|autobus|rio|mar)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:a nadar|al agua de la|con paracaidas|en paracaidas|para nadar|de clavado|en la piscina|en el juego)",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:no|ya no|ya no) (?:quiero|kiero|deseo|tengo ganas de|aguanto) (?:vivir|seguir viviendo|seguir vivo|seguir viva|estar vivo|estar viva|existir|despertar|despertarme|seguir existiendo|seguir en este mundo|estar en este mundo|seguir aqui)`,
    {
      notAfter:
        "(?:en|con|ahi|alla|alli|aqui|cerca|lejos|sola en|solo en|asi de lejos|temprano|tarde|a las|tan temprano|manana temprano|para ir|sin (?:cafe|musica|mi perro|mi gato))",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:ya )?no quiero (?:estar aqui|estar aca|seguir aqui|seguir aca) (?:nunca mas|en este mundo|ya|mas|nunca)`,
  ),
  es(
    "ideation-passive",
    "suicide",
    `no (?:tengo|hay|veo|le veo|encuentro|le encuentro) (?:ninguna |una |ningun |algun )?(?:razon|razones|motivo|motivos|sentido|caso|proposito) (?:para|de|en|a) (?:vivir|seguir|seguir viviendo|existir|estar vivo|estar viva|despertar|la vida|mi vida)`,
    {
      notAfter:
        "(?:con (?:esto|este|esta|eso)|en (?:este|esta|ese|esa) (?:trabajo|escuela|ciudad|casa|proyecto))",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:la vida|mi vida|vivir) (?:ya )?no (?:vale|tiene) (?:la pena|sentido|ningun sentido|nada)`,
    {
      notAfter: "(?:sin (?:cafe|musica|chocolate|futbol|mi perro|mi gato|netflix|vino|cerveza))",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `no vale la pena (?:vivir|seguir viviendo|seguir vivo|seguir viva|estar vivo|estar viva|existir)`,
  ),
  es("ideation-passive", "suicide", `nada por (?:lo )?(?:que|cual) vivir`),
  es(
    "ideation-passive",
    "suicide",
    `(?:estarian|estarían|estaria|estaría|estarias|estaran|estarán|vivirian|vivirían|serian|serían|seria|sería|seran|serán) (?:mucho )?(?:mejor|mas felices|más felices|felices|tranquilos) sin mi`,
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:el mundo|mi familia|todos|todo el mundo|mis hijos|mis padres|mis amigos) (?:estaria|estarian|seria|serian|estara|estaran) (?:mucho )?(?:mejor|mas felices) (?:sin mi|si yo no estuviera|si me muero|si me muriera|si desapareciera)`,
  ),
  es(
    "ideation-passive",
    "suicide",
    `nadie (?:me )?(?:extranaria|extrañaria|extranara|extrañara|va a extranar|va a extrañar|me echaria de menos|echaria de menos|me echara de menos|va a echar de menos|notaria|notara|lloraria|lloraría|va a llorar)(?: si (?:me muero|muero|me mato|desaparezco|me voy|ya no estoy|no estoy))?`,
    {
      notAfter:
        "(?:en (?:la|el) (?:fiesta|reunion|clase|trabajo|grupo|viaje)|hoy|esta (?:noche|semana)|este (?:fin|finde))",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:a )?nadie le (?:importaria|importaría|importa|va a importar|importara|importará) si (?:me muero|muero|me mato|desaparezco|me voy para siempre|ya no estoy|no estoy|me suicido|dejo de existir|vivo o muero)`,
  ),
  es(
    "ideation-passive",
    "suicide",
    `ojala (?:me )?(?:muriera|muera|muriese|estuviera muerto|estuviera muerta|no hubiera nacido|no hubiese nacido|nunca hubiera nacido|no despertara|no despierte|no me despierte|no me despertara|pudiera desaparecer para siempre|desapareciera para siempre|dejara de existir|me atropelle|me atropellara)`,
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:quisiera|quiero|me gustaria|desearia) (?:no haber nacido|nunca haber nacido|dejar de existir|desaparecer para siempre|dormir y no despertar|no despertar nunca|no despertar mas|no volver a despertar)`,
    NEGATABLE,
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:soy|me siento) (?:una|un) (?:carga|estorbo|peso) (?:para|a) (?:todos|mi familia|mis hijos|mis padres|todo el mundo|los demas|ustedes|mis amigos|mi pareja)`,
    NEGATABLE,
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:cansado|cansada|harto|harta) de (?:vivir|estar vivo|estar viva|la vida|existir|despertar cada dia)`,
    {
      ...NEGATABLE,
      notAfter: "(?:en|con|aqui|ahi|alli|sola? en|lejos|cerca|de alquiler)",
    },
  ),
  es(
    "ideation-passive",
    "suicide",
    `(?:ya )?no (?:puedo|aguanto|soporto) (?:mas con )?(?:seguir viviendo|vivir asi|esta vida|seguir asi|mas esta vida|mas con mi vida|mas la vida|seguir adelante con mi vida|mas vivir)`,
    {
      notAfter:
        "(?:en (?:esta|este) (?:ciudad|casa|trabajo|pais)|con (?:este|esta) (?:trabajo|jefe|jefa|calor))",
    },
  ),

  // ── Spanish: plans, self-harm, overdose, farewell ────────────────────────────────────────
  es(
    "plan-or-means",
    "overdose",
    `(?:he |e |tengo |ya tengo |estoy |llevo |levo )?(?:guardado|guardadas|guardando|juntado|juntadas|juntando|junte|ahorrado|ahorrando|acumulado|acumuladas|acumulando|escondido|escondidas|escondiendo|reunido|reuniendo|colecionando|coleccionando) (?:~){0,2}(?:pastillas|pildoras|píldoras|medicinas|medicamentos|pastillas para dormir|calmantes|somniferos|tabletas|ansioliticos|antidepresivos|clonazepam|alprazolam|rivotril)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:para (?:el|la|mi|los|las) (?:viaje|vacaciones|perro|gato|abuela|abuelo|mama|papa|semana|mes)|en (?:el|la|mi) (?:pastillero|botiquin|cajon) para|del (?:perro|gato)|de (?:los|mis) (?:ninos|hijos))",
    },
  ),
  es(
    "plan-or-means",
    "overdose",
    `(?:pastillas|pildoras|medicinas|medicamentos|somniferos|calmantes) (?:~){0,1}(?:guardadas|guardados|juntadas|juntados|acumuladas|acumulados|escondidas|escondidos|ahorradas|ahorrados)`,
    {
      notAfter:
        "(?:en (?:el|la|mi) (?:botiquin|pastillero|cajon|bolsa|maleta) para|para (?:el|la|mi|los|las) (?:viaje|vacaciones|perro|gato|semana|mes|abuela|abuelo|ninos|hijos)|de (?:los|mis) (?:ninos|hijos)|del (?:perro|gato))",
    },
  ),
  es(
    "plan-or-means",
    "suicide",
    `(?:compre|compré|comprar|comprando|tengo|consegui|conseguí|ya tengo|prepare|preparé|prepare la|amarre|amarré|hice|estoy haciendo|ate) (?:una |la |mi |un |el )?(?:cuerda|soga|nudo corredizo|horca)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:para (?:el|la|los|las|tender|acampar|escalar|saltar|mi perro|el perro|la ropa|el columpio|la hamaca|la tienda|el barco|el gimnasio|el gym|el proyecto|jugar|amarrar|atar|la mudanza|decorar|colgar (?:la|el|las|los) (?:ropa|hamaca|columpio|luces|cuadro|cuadros|plantas|planta|adornos))|de saltar|de (?:escalar|alpinismo|tender|barco|yute|nylon|nilon|algodon))",
      notBefore: "(?:saltar|saltar la|la de saltar|escalar)",
    },
  ),
  es(
    "plan-or-means",
    "suicide",
    `(?:cuerda|soga|horca) (?:para|pa) (?:colgarme|ahorcarme|matarme|morir|acabar con todo|acabar con mi vida)`,
  ),
  es(
    "plan-or-means",
    "suicide",
    `(?:escribi|escribí|escribiendo|escribir|deje|dejé|dejar|dejando|tengo|prepare|preparé|preparando) (?:una |mi |la |mis )?(?:carta|cartas|nota|notas|mensaje|video) (?:de despedida|de suicidio|suicida|final|para despedirme)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:para (?:el|la|mi|mis|los|las) (?:equipo|trabajo|jefe|jefa|companeros|compañeros|clase|maestra|maestro|profe|profesor|profesora|grupo|jubilacion|fiesta)|del trabajo|de la oficina|en el trabajo)",
    },
  ),
  es("plan-or-means", "suicide", `carta de despedida|nota de suicidio|nota suicida|carta suicida`, {
    topical: true,
    notBefore: `(?:su|sus|del|de la)`,
    notAfter:
      "(?:para (?:el|la|mi|mis|los|las) (?:equipo|trabajo|jefe|jefa|companeros|clase|grupo|jubilacion))",
  }),
  es(
    "plan-or-means",
    "suicide",
    `(?:busque|busqué|buscando|buscar|investigue|investigué|investigando|lei sobre|leí sobre|leyendo sobre) (?:~){0,2}(?:como (?:matarme|suicidarme|morir|morir sin dolor|quitarme la vida|ahorcarme|colgarme|hacer una horca|acabar con mi vida)|formas de (?:morir|matarme|suicidarme|quitarme la vida)|metodos de suicidio|dosis letal|dosis mortal|cuantas pastillas)`,
    NEGATABLE,
  ),
  es(
    "plan-or-means",
    "overdose",
    `(?:cuantas|cuántas) (?:~){0,2}(?:pastillas|pildoras|tabletas|medicinas) (?:~){0,4}(?:para morir|para matarme|para matar a una persona|son mortales|son letales|son una sobredosis|matan|me matarian|me matarían|necesito para morir|para no despertar|para una sobredosis)`,
  ),
  es("plan-or-means", "overdose", `dosis (?:letal|mortal|fatal)`, { topical: true }),
  es("overdose", "overdose", `sobredosis`, {
    ...NEGATABLE,
    topical: true,
    notAfter:
      "(?:de (?:cafe|azucar|chocolate|amor|ternura|informacion|series|netflix|trabajo|tareas|memes)|de (?:opioides|fentanilo) en (?:el|la|los|las|estados unidos|eeuu))",
    notBefore:
      "(?:la crisis de|crisis de|epidemia de|muertes por|casos de|su|una|murio de|murió de|se murio de)",
  }),
  es(
    "overdose",
    "overdose",
    `(?:tome|tomé|trague|tragué|tomarme|tomarmelas|tomármelas|tomare|tomaré|me voy a tomar|me quiero tomar|me tome|me tomé|tragarme|tragarmelas|me trague|me tragué|me tomaria|me tomaría|quiero tomarme|voy a tomarme) (?:todas|todo|el frasco entero de|el bote entero de|un frasco entero de|un bote entero de|un puno de|un puñado de|una caja entera de|un monton de|muchas|[0-9]+) (?:~){0,2}(?:las|mis|de las|de mis|de)? ?(?:pastillas|pildoras|medicinas|medicamentos|tabletas|somniferos|calmantes|antidepresivos|frasco|bote|caja)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:como (?:me )?(?:indico|indicó|dijo|receto|recetó)|con (?:comida|el desayuno|la comida|la cena|agua)|a tiempo|cada (?:dia|día|manana|noche)|en la manana|en la noche|a la hora)",
      notBefore:
        "(?:olvide|olvidé|se me olvido|se me olvidó|recuerda|recordar|tengo que|tienes que|debo|debes|el doctor dijo que|la doctora dijo que|no olvides)",
    },
  ),
  es(
    "self-harm",
    "self-harm",
    `(?:quiero|voy a|ganas de|tengo ganas de|necesito|me dan ganas de|no puedo dejar de|volvi a|volví a|empece a|empecé a|sigo) (?:cortarme|lastimarme|hacerme dano|hacerme daño|herirme|quemarme|autolesionarme|golpearme|castigarme|rasguñarme|rasgunarme|arañarme|aranarme)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:el pelo|el cabello|las unas|las uñas|el fleco|la barba|con el cuchillo (?:cocinando|al cocinar)|cocinando|al cocinar|en el gym|en el gimnasio|jugando|corriendo)",
    },
  ),
  es(
    "self-harm",
    "self-harm",
    `(?:me corto|me corte|me corté|cortandome|cortándome|me cortaba|me lastimo|me lastime|me lastimé|me quemo|me queme|me quemé|me hago dano|me hago daño|me hice dano|me hice daño) (?:~){0,1}(?:otra vez|de nuevo|los brazos|las piernas|las munecas|las muñecas|la muneca|la muñeca|los muslos|la piel|a proposito|a propósito|cuando|para sentir|para no sentir|porque me lo merezco|para castigarme)`,
    {
      ...NEGATABLE,
      notAfter:
        "(?:cocinando|con (?:la|el) (?:estufa|plancha|horno|sarten|sartén|cuchillo cocinando)|en la cocina|jugando|en el gym|en el gimnasio|afeitandome|afeitándome|depilandome|depilándome)",
    },
  ),
  es(
    "self-harm",
    "self-harm",
    `autolesion|autolesiones|autolesionarme|autolesionandome|autolesionándome|autolesionarse|auto lesion|auto lesiones|cortarme las venas`,
    {
      ...NEGATABLE,
      topical: true,
    },
  ),
  es(
    "farewell",
    "suicide",
    `(?:adios|adiós) (?:para siempre|a todos para siempre|mundo cruel|mundo|a todos los que quise)`,
    {
      notAfter: "(?:de la|del|al|a la)",
    },
  ),
  es(
    "farewell",
    "suicide",
    `(?:esta es|este es) mi (?:ultima|última|ultimo|último) (?:despedida|mensaje|carta|adios|adiós) (?:para siempre|a todos|antes de irme para siempre)`,
  ),
  es(
    "farewell",
    "suicide",
    `(?:cuando|para cuando) (?:leas|lean|vean|veas|encuentren) (?:esto|este mensaje|esta carta|esta nota) (?:yo )?(?:ya )?(?:no estare|no estaré|estare muerto|estaré muerto|estare muerta|estaré muerta|me habre ido|me habré ido|estare en paz|estaré en paz)`,
    {
      notAfter:
        "(?:en (?:la|el|casa|mi)|de (?:viaje|vacaciones)|aqui porque|porque (?:me|estoy|voy))",
    },
  ),
];
