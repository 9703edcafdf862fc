"""Name tables the actor merger relies on: country forms, capital metonyms, titles, org words.

Kept apart from ``entities.py`` so the rules read as code and the vocabulary as data. All keys
are lower case with dots removed ("U.S." -> "us"), as produced by ``entities._table_key``.
"""
from __future__ import annotations

# Every surface form of a country -> its canonical name. Demonyms ("American") are NOT here:
# a nationality is a different actor from the state.
_COUNTRIES: dict[str, tuple[str, ...]] = {
    "United States": ("us", "usa", "united states", "united states of america", "america"),
    "United Kingdom": ("uk", "britain", "great britain", "united kingdom",
                       "united kingdom of great britain and northern ireland"),
    "Russia": ("russia", "russian federation"),
    "China": ("china", "prc", "people's republic of china", "mainland china"),
    "Taiwan": ("taiwan", "republic of china"),
    "European Union": ("eu", "european union"),
    "United Nations": ("un", "united nations"),
    "United Arab Emirates": ("uae", "united arab emirates"),
    "South Korea": ("south korea", "republic of korea", "rok"),
    "North Korea": ("north korea", "dprk", "democratic people's republic of korea"),
    "Iran": ("iran", "islamic republic of iran"),
    "Syria": ("syria", "syrian arab republic"),
    "Germany": ("germany", "federal republic of germany"),
    "France": ("france", "french republic"),
    "Netherlands": ("netherlands", "the netherlands", "holland"),
    "Czech Republic": ("czech republic", "czechia"),
    "Turkey": ("turkey", "turkiye", "türkiye", "republic of turkey"),
    "Ivory Coast": ("ivory coast", "côte d'ivoire", "cote d'ivoire"),
    "Myanmar": ("myanmar", "burma"),
    "Democratic Republic of the Congo": ("democratic republic of the congo", "drc",
                                         "dr congo"),
    "Vatican": ("vatican", "holy see", "vatican city"),
    "Soviet Union": ("soviet union", "ussr"),
    "Ukraine": ("ukraine",),
    "Israel": ("israel",),
    "India": ("india",),
    "Japan": ("japan",),
    "Saudi Arabia": ("saudi arabia",),
    # a state's official or former name beside its everyday one
    "Ireland": ("ireland", "republic of ireland", "éire", "eire"),
    "Bosnia and Herzegovina": ("bosnia and herzegovina", "bosnia-herzegovina", "bosnia"),
    "Eswatini": ("eswatini", "swaziland", "kingdom of eswatini"),
    "East Timor": ("east timor", "timor-leste"),
    "Vietnam": ("vietnam", "viet nam", "socialist republic of vietnam"),
    "Mexico": ("mexico", "united mexican states"),
    "Egypt": ("egypt", "arab republic of egypt"),
    "Venezuela": ("venezuela", "bolivarian republic of venezuela"),
    "Philippines": ("philippines", "the philippines", "republic of the philippines"),
    # the two US parties, whose members the news names for the party
    "Republican Party": ("republican party", "gop", "republicans", "republican"),
    "Democratic Party": ("democratic party", "democrats", "democratic"),
    # the UK's parties, named for their members the same way
    "Conservative Party": ("conservative party", "conservatives", "conservative", "tories",
                           "tory", "tory party"),
    "Labour Party": ("labour party", "labour"),
    "Liberal Democrats": ("liberal democrats", "lib dems", "lib dem", "liberal democrat"),
    "Islamic State": ("islamic state", "isis", "isil", "daesh", "islamic state group",
                      "islamic state of iraq and the levant", "islamic state of iraq and syria"),
}
# Table entries that are organisations (of states, parties, a militant group) rather than states.
TABLE_ORGS = frozenset({"European Union", "United Nations", "Republican Party", "Democratic Party",
                        "Conservative Party", "Labour Party", "Liberal Democrats",
                        "Islamic State"})
# Companies and platforms the news names every day that spaCy sm often tags as a person or not
# at all ("across Twitter", "SpaceX" as PERSON); only names that are no common word or person.
KNOWN_ORGS = frozenset("""Twitter Facebook Instagram YouTube SpaceX TikTok WhatsApp Reddit Netflix
Spotify LinkedIn Snapchat Google Microsoft Uber Airbnb PayPal eBay Huawei Samsung Alibaba Tencent
Baidu Pinterest Tumblr Hulu Lyft Nvidia Intel Qualcomm Boeing Airbus WeWork Xiaomi ByteDance
""".split())
COUNTRY_FORMS: dict[str, str] = {form: name for name, forms in _COUNTRIES.items()
                                 for form in forms}

# Capitals (and seats of government) that newswriting uses for the state itself when they act
# or speak ("Washington warned ..."). Only applied when the syntax says so.
CAPITAL_METONYMS: dict[str, str] = {
    "washington": "United States", "moscow": "Russia", "beijing": "China",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "tokyo": "Japan",
    "kyiv": "Ukraine", "kiev": "Ukraine", "tehran": "Iran", "damascus": "Syria",
    "ankara": "Turkey", "pyongyang": "North Korea", "seoul": "South Korea",
    "new delhi": "India", "delhi": "India", "ottawa": "Canada", "canberra": "Australia",
    "brussels": "European Union", "riyadh": "Saudi Arabia", "cairo": "Egypt", "rome": "Italy",
    "madrid": "Spain", "caracas": "Venezuela", "havana": "Cuba", "islamabad": "Pakistan",
    "kabul": "Afghanistan", "baghdad": "Iraq", "taipei": "Taiwan", "minsk": "Belarus",
    "warsaw": "Poland", "budapest": "Hungary", "doha": "Qatar", "abu dhabi": "United Arab Emirates",
    "hanoi": "Vietnam", "manila": "Philippines", "jakarta": "Indonesia", "bangkok": "Thailand",
    "brasilia": "Brazil", "pretoria": "South Africa", "nairobi": "Kenya", "abuja": "Nigeria",
    "wellington": "New Zealand", "dublin": "Ireland", "jerusalem": "Israel",
    "stockholm": "Sweden", "oslo": "Norway", "copenhagen": "Denmark", "helsinki": "Finland",
    "vienna": "Austria", "athens": "Greece", "lisbon": "Portugal", "bern": "Switzerland",
    "tbilisi": "Georgia", "yerevan": "Armenia", "baku": "Azerbaijan", "amman": "Jordan",
    "beirut": "Lebanon", "tripoli": "Libya", "khartoum": "Sudan", "addis ababa": "Ethiopia",
    # (capitals that are also given names or surnames, "Santiago", "Sofia", "Lima", "Colombo",
    # are left out: "Santiago said" is more often a person; SUBNATIONAL_CAPITALS has them, for
    # articles that name the state and no one of that name)
    "muscat": "Oman", "manama": "Bahrain", "kuwait city": "Kuwait", "sanaa": "Yemen",
    "rabat": "Morocco", "algiers": "Algeria", "tunis": "Tunisia", "dakar": "Senegal",
    "accra": "Ghana", "kampala": "Uganda", "kigali": "Rwanda", "lusaka": "Zambia",
    "harare": "Zimbabwe", "luanda": "Angola", "kinshasa": "Democratic Republic of the Congo",
    "mexico city": "Mexico", "bogota": "Colombia", "buenos aires": "Argentina",
    "quito": "Ecuador", "montevideo": "Uruguay", "kuala lumpur": "Malaysia",
    "phnom penh": "Cambodia", "dhaka": "Bangladesh", "kathmandu": "Nepal",
    "tashkent": "Uzbekistan", "astana": "Kazakhstan", "prague": "Czech Republic",
    "bratislava": "Slovakia", "bucharest": "Romania", "belgrade": "Serbia", "zagreb": "Croatia",
    "ljubljana": "Slovenia", "vilnius": "Lithuania", "riga": "Latvia", "tallinn": "Estonia",
    "reykjavik": "Iceland", "the hague": "Netherlands", "valletta": "Malta",
    "nicosia": "Cyprus", "chisinau": "Moldova", "tirana": "Albania", "skopje": "North Macedonia",
}
# Capitals of states and provinces -> the state: "Sacramento" acting is California's government,
# but only in an article that names California (entities._metonyms); names that are as often
# people or other places ("Austin", "Jackson", "Lincoln", "Madison",
# "Columbus", "Richmond", "Montgomery") and cities as often their sports teams ("Denver",
# "Phoenix", "Edmonton") are left out.
SUBNATIONAL_CAPITALS: dict[str, str] = {
    "sacramento": "California", "albany": "New York", "tallahassee": "Florida",
    "harrisburg": "Pennsylvania", "springfield": "Illinois", "annapolis": "Maryland",
    "trenton": "New Jersey", "salem": "Oregon", "boise": "Idaho", "lansing": "Michigan",
    "baton rouge": "Louisiana", "frankfort": "Kentucky",
    "raleigh": "North Carolina", "carson city": "Nevada", "santa fe": "New Mexico",
    "topeka": "Kansas", "des moines": "Iowa", "st. paul": "Minnesota", "saint paul": "Minnesota",
    "juneau": "Alaska", "honolulu": "Hawaii", "jefferson city": "Missouri",
    "indianapolis": "Indiana", "little rock": "Arkansas", "hartford": "Connecticut",
    "cheyenne": "Wyoming", "concord": "New Hampshire", "montpelier": "Vermont",
    "providence": "Rhode Island",
    # Australian states' capitals ("Sydney", "Melbourne" and "Darwin" are as often the city,
    # its teams or a person)
    "perth": "Western Australia", "brisbane": "Queensland", "adelaide": "South Australia",
    "hobart": "Tasmania",
    # national capitals that are as often people ("Santiago said"): the state only where the
    # article names it and no one there bears the name
    "santiago": "Chile", "lima": "Peru", "sofia": "Bulgaria", "colombo": "Sri Lanka",
    "la paz": "Bolivia", "asuncion": "Paraguay",
    "fredericton": "New Brunswick", "halifax": "Nova Scotia", "quebec city": "Quebec",
    "charlottetown": "Prince Edward Island", "queen's park": "Ontario", "queen’s park": "Ontario",
    "regina": "Saskatchewan", "whitehorse": "Yukon", "yellowknife": "Northwest Territories",
    "victoria": "British Columbia",
    "iqaluit": "Nunavut",
}
# A sovereign state's national adjective -> the state, for "the Chinese government" as China
# (the capital's metonym, "Beijing", is China too). Only states: "the Welsh Government" and
# "the Hong Kong government" stay bodies of their own.
STATE_ADJECTIVES: dict[str, str] = {
    "american": "United States", "us": "United States", "british": "United Kingdom",
    "uk": "United Kingdom", "russian": "Russia", "chinese": "China", "taiwanese": "Taiwan",
    "south korean": "South Korea", "north korean": "North Korea", "iranian": "Iran",
    "syrian": "Syria", "german": "Germany", "french": "France", "dutch": "Netherlands",
    "czech": "Czech Republic", "turkish": "Turkey", "ukrainian": "Ukraine", "israeli": "Israel",
    "indian": "India", "japanese": "Japan", "saudi": "Saudi Arabia", "irish": "Ireland",
    "vietnamese": "Vietnam", "mexican": "Mexico", "egyptian": "Egypt", "venezuelan": "Venezuela",
    "philippine": "Philippines", "filipino": "Philippines", "afghan": "Afghanistan",
    "iraqi": "Iraq", "pakistani": "Pakistan", "canadian": "Canada", "australian": "Australia",
    "italian": "Italy", "spanish": "Spain", "cuban": "Cuba", "belarusian": "Belarus",
    "polish": "Poland", "hungarian": "Hungary", "qatari": "Qatar",
    "emirati": "United Arab Emirates",
    "indonesian": "Indonesia", "thai": "Thailand", "brazilian": "Brazil",
    "south african": "South Africa", "kenyan": "Kenya", "nigerian": "Nigeria",
    "new zealand": "New Zealand", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
    "finnish": "Finland", "austrian": "Austria", "greek": "Greece", "portuguese": "Portugal",
    "swiss": "Switzerland", "georgian": "Georgia", "armenian": "Armenia",
    "azerbaijani": "Azerbaijan", "jordanian": "Jordan", "lebanese": "Lebanon", "libyan": "Libya",
    "sudanese": "Sudan", "ethiopian": "Ethiopia", "burmese": "Myanmar", "belgian": "Belgium",
    "argentine": "Argentina", "chilean": "Chile", "colombian": "Colombia", "peruvian": "Peru",
    "malaysian": "Malaysia", "singaporean": "Singapore", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "moroccan": "Morocco", "algerian": "Algeria",
    "ghanaian": "Ghana", "somali": "Somalia", "yemeni": "Yemen", "serbian": "Serbia",
    "croatian": "Croatia", "romanian": "Romania", "bulgarian": "Bulgaria", "slovak": "Slovakia",
    "estonian": "Estonia", "latvian": "Latvia", "lithuanian": "Lithuania",
    "kazakh": "Kazakhstan", "zimbabwean": "Zimbabwe", "ugandan": "Uganda",
    "tanzanian": "Tanzania", "rwandan": "Rwanda", "mozambican": "Mozambique",
    "icelandic": "Iceland", "cypriot": "Cyprus", "albanian": "Albania",
}
STATES = frozenset(STATE_ADJECTIVES.values()) | (
    (frozenset(_COUNTRIES) | frozenset(CAPITAL_METONYMS.values())) - TABLE_ORGS)

# Seats of government that name a country's central government ("Downing Street welcomed the
# deal", "the Kremlin denied"). "Whitehall" is the UK's civil service: when an article names
# exactly one government department, that is who it means (CIVIL_SERVICE_METONYMS).
GOVERNMENT_METONYMS: dict[str, str] = {"whitehall": "United Kingdom",
                                       "downing street": "United Kingdom", "kremlin": "Russia",
                                       # presidential palaces: "the Planalto", "La Moneda",
                                       # "Malacañang"
                                       "planalto": "Brazil", "la moneda": "Chile",
                                       "casa rosada": "Argentina", "zhongnanhai": "China",
                                       "malacañang": "Philippines", "malacanang": "Philippines"}
CIVIL_SERVICE_METONYMS = frozenset({"whitehall"})
# A federation's own word for its national government, in an article about that federation
# (one of the keys after it named): Australian newswriting's "the Commonwealth" ("what the
# Commonwealth gives with the other hand") is Canberra, elsewhere the association of states.
FEDERAL_GOVERNMENT_WORDS: dict[str, tuple[str, frozenset[str]]] = {
    "commonwealth": ("Australia", frozenset({
        "australia", "canberra", "new south wales", "queensland", "victoria", "south australia",
        "western australia", "tasmania", "northern territory"})),
}
# Chambers the news names by their last word once the text has named them in full.
CHAMBER_SHORT_FORMS: dict[str, str] = {"commons": "house of commons", "lords": "house of lords"}
# Streets that name an industry, an organisation whatever spaCy makes of them: "Wall Street
# predicted $2.52 a share" is the financial industry, "Fleet Street" the British press.
INDUSTRY_METONYMS = frozenset({"wall street", "fleet street", "madison avenue", "k street"})
# Cities and buildings that stand for an institution when the article also names it: "Brussels"
# is then the European Commission (otherwise the EU, as a capital above), "Christiansborg" the
# Danish parliament. Keys and institutions are lower-case actor keys.
INSTITUTION_SEATS: dict[str, tuple[str, ...]] = {
    "brussels": ("european commission", "eu commission"),
    # the Church's government: "Rome set aside a synod proposal", "the Vatican said"
    "rome": ("holy see", "vatican"),
    "vatican": ("holy see",),
    "christiansborg": ("folketing", "danish parliament"),
    "capitol hill": ("congress", "us congress", "united states congress"),
    "holyrood": ("scottish parliament",),
    "stormont": ("northern ireland assembly", "northern ireland executive"),
}

# Verbs whose subject is an agent (speech, decision, action): "Washington offered/warned/said".
AGENT_VERBS = frozenset("""
say tell announce claim deny insist warn accuse urge demand offer propose agree refuse reject
threaten sanction impose respond retaliate condemn criticise criticize welcome support back oppose
seek want plan intend decide approve veto order send deploy launch strike attack bomb invade
negotiate sign recognise recognize expel summon push press pressure call ask vow pledge promise
hope believe fear argue maintain consider expect suspend withdraw cut block ban freeze halt resume
cooperate coordinate signal hint acknowledge admit confirm dismiss blame accept turn answer
insist lobby allow permit authorise authorize provide pay fund give boycott arm help aid
accuse denounce slam praise hail thank invite host warn move step act retreat respond comment
reply appeal try fail continue prepare need decline walk make take escape flee
report write publish reveal note estimate reaffirm reiterate affirm stress underline
beat defeat win lose score draw qualify
brush rebuff spurn snub ignore shrug spend borrow
""".split())
# Nouns that make "Washington's X" a statement about the state, not the city.
POLICY_NOUNS = frozenset("""
policy policies stance position decision decisions response approach strategy support demands
demand request offer proposal plan plans sanctions allies ally envoy ambassador officials
government administration efforts effort involvement intervention role refusal warning warnings
threat threats pressure diplomacy military forces troops claims claim concerns objections
diktat diktats crackdown interference chagrin dismay displeasure anger ire fury irritation
frustration annoyance delight satisfaction relief interests wishes
""".split())
# Verbs whose object is a state, not a city: "urged Beijing to", "accused Moscow of".
ADDRESSEE_VERBS = frozenset("""
urge accuse press pressure warn criticise criticize condemn blame sanction punish push call ask
persuade lobby threaten thank praise hail support back oppose defy confront challenge court
appease placate reassure rebuke denounce slam reprimand cajole
""".split())
# "caving to Beijing", "talks with Moscow", "protests against Tehran", "anger toward Beijing":
# the prepositions under which a capital is the state, with the words they must hang from
# (None: any word).
# What two states can have "with" or "between" each other: "talks with Beijing", "talks
# between Brussels and Beijing".
_DEALINGS = frozenset("""talk talks relation relations tie ties deal deals negotiation negotiations
tension tensions dispute disputes agreement war standoff row spat feud dialogue engagement
cooperation partnership alliance""".split())
ADDRESSEE_PREPOSITIONS: dict[str, frozenset[str] | None] = {
    "against": None, "toward": None, "towards": None, "under": None,
    "to": frozenset("""cave caving bow bowing yield yielding kowtow capitulate defer submit
        surrender concede concession concessions loyal loyalty allegiance beholden answerable
        close closer ties tied appeal message letter demand""".split()),
    "with": _DEALINGS,
    "between": _DEALINGS,
    # "a promise of countermeasures from Beijing", "pressure from Washington"
    "from": frozenset("""promise promises response reaction warning warnings pressure demand
        demands threat threats criticism condemnation protest protests rebuke retaliation
        signal signals message request offer objection objections backlash reply""".split()),
}

# Words that open a person's name without being part of it. Stripping every leading word up
# to the last title word turns "Health Minister Graham Pell" into "Graham Pell".
TITLE_WORDS = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister secretary
senator sen rep representative congressman congresswoman governor gov mayor chancellor king
queen prince princess general gen colonel col major maj captain capt lieutenant lt sergeant sgt
admiral judge pope rev reverend father sheikh ayatollah chairman chairwoman chair commissioner
ambassador deputy premier president-elect speaker councillor councilor cllr mp mep inspector
detective superintendent chief officer coach manager director secretary-general vice-president
attorney leader spokesman spokeswoman spokesperson ceo cfo chairperson executive founder
councilmember councilman councilwoman alderman alderwoman assemblyman assemblywoman
assemblymember cr td mla msp taoiseach tánaiste tanaiste counsel barr hon alhaji alhaja hajia
comrade engr pastor bishop archbishop imam rabbi det insp supt cpl
mme mlle m madame mademoiselle monsieur herr frau adv justice barrister
cardinal monsignor msgr brigadier brig commander cmdr marshal treasurer emerita emeritus coroner
doña sheriff trooper ald constable pak bapak ibu signor signora señor señora ato weizero
dra sra srta fr cacique datu bupati otunba mallam malam hajiya rector
rookie striker winger midfielder defender goalkeeper quarterback pitcher linebacker shortstop
""".split())
# Letters after a person's name (honours, silk, seats): "Harriet Connaughton KC", "Marius du
# Plessis SC", "Jane Roe OBE". Not part of the name; the parse may make them its head.
POST_NOMINAL_LETTERS = frozenset("KC QC SC PC MP MSP MS MLA TD OBE CBE MBE DBE KBE FRS PhD".split())
# Titles that only ever open a person's name: a name spaCy tags ORG after one of these
# ("Councillor Gwyn Harries") is a person, where "General Electric" is not.
PERSON_TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame senator sen rep representative congressman
congresswoman governor gov mayor councillor councilor cllr cr councilmember councilman
councilwoman alderman alderwoman assemblyman assemblywoman assemblymember td mp mep mla msp
minister judge inspector detective sergeant sgt rev reverend sheikh ayatollah taoiseach
tánaiste tanaiste barr hon alhaji alhaja hajia comrade engr pastor archbishop imam rabbi
det insp supt cpl mme mlle madame mademoiselle monsieur herr frau adv m justice barrister
bishop cardinal monsignor msgr brigadier cmdr treasurer doña sheriff trooper ald coroner
dra sra srta brig capt col lt maj fr cacique datu bupati otunba mallam malam hajiya
""".split())

# Words that end an organisation's name and can be dropped in a short reference:
# "Kestrel Capital" -> "Kestrel", "Labour Party" -> "Labour", "al-Nusra Front" -> "al-Nusra".
ORG_DESIGNATORS = frozenset("""
front party group capital holdings inc ltd limited plc corp corporation company co llc lp llp
partners foundation institution movement organisation organization brigade brigades ag sa nv
gmbh bv ventures investments management asa as aps ab oyj oy spa se kk bhd pty pte
""".split())

# Business lines in company names: "Westbridge" is "Westbridge Mining Ltd".
INDUSTRY_WORDS = frozenset("""
airlines airways motors industries systems technologies labs energy pharmaceuticals shipping
logistics mining insurance telecom telecoms resources petroleum oil steel foods brands
securities finance financial bancorp pharma biotech therapeutics semiconductor electronics
networks communications media broadcasting terminals ports railways railway utilities water
power solar wind chemicals materials cement construction engineering developments properties
hotels resorts retail stores entertainment games software robotics aerospace automotive
minerals metals copper lithium gas farms dairy airport airports rail trucking freight
records pictures studios mobile wireless cellular broadband chemical shipbuilding biologics
energi energia energie énergie platinum coal consultancy consulting supplies lines transport ai
products forestry timber
""".split())

# Last words that make a name an organisation rather than a person (fixes PERSON tags on
# "Redmarsh Rovers" and "Kestrel Harbour Capital").
ORG_HEADS = ORG_DESIGNATORS | frozenset("""
authority association department ministry council trust forum infirmary hospital university
college school academy elementary bank agency commission committee court office service services
institute union
federation administration board fund club society league army navy police force forces
government parliament assembly senate congress church times news wire echo herald
gazette journal telegraph tribune chronicle courier ledger media network
television radio broadcasting rovers rangers wanderers athletic albion fc afc united
productions studios records entertainment pictures films networks publishing
""".split()) | INDUSTRY_WORDS

# Lower-case words that, after a nationality, name an institution: "the Syrian army".
NORP_INSTITUTIONS = frozenset("""
army military government navy police regime forces troops authorities parliament embassy
ministry administration opposition rebels
""".split())

# Short words that never start a name in a lookup ("the", "of" ...), for initials and suffixes.
FUNCTION_WORDS = frozenset("of and the for on in at to de du la le von van der den des & a an".split())

MONTHS_AND_DAYS = frozenset("""
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
""".split())

# Institution words that, alone, usually name a different body than the one longer name in
# the text ("the House" is not the "White House"; "the Senate" may be another senate).
GENERIC_ORG_WORDS = frozenset("""
house senate congress parliament assembly government state city county church media army navy
police
""".split())

# Lower-case words that belong to a person's name ("Charles de Gaulle", "Ursula von der Leyen").
PARTICLES = frozenset("""de da di du del della dela delos der den des van von la le al el bin ibn ben
ter ait aït ould""".split())
# Lower-case words that join the parts of a name in another language, as "of" and "and" do in
# English: "Associação Sindical dos Médicos de Pernambuco" (ASMP), "Paulo Henrique de
# Albuquerque", "Liman ve Dok İşçileri Sendikası" (LDİS), "Gewerkschaft Erziehung und
# Wissenschaft" (GEW).
NAME_CONNECTORS = PARTICLES | frozenset("do dos das los las y e ve und og och sa ng mga dan".split())

# Words of a public body's or a sports club's name that say the word before them is the place it
# serves ("Castlebridge City Council", "Redmarsh Rovers"): that word alone is the place, not a
# short form of the body (as "Belvane" is of "Belvane Hotels").
PLACE_BODY_WORDS = frozenset("""
council county city shire borough district regional region municipal provincial state town
parish metropolitan department ministry authority police fire government assembly parliament
court federation chamber hospital infirmary airport library rovers rangers wanderers athletic
albion fc afc united
""".split())


# What follows a name to tell a father from his son of the same name: "Rodrigo Tavares Sr."
GENERATIONS = ("jr", "sr", "ii", "iii", "iv", "junior", "senior")

# Words that say whether a person is a man or a woman: titles before a name ("Mr Berg", "Dame
# Ann") and role nouns ("Ward, the chairwoman"). Used by the speaker resolver (he/she) and by
# the merger (which of two people sharing a surname "Ms Whelan" is).
MALE_TITLES = {"mr", "mr.", "m", "m.", "sir", "lord", "mister", "king", "prince", "father",
               "brother", "monsieur", "herr", "señor", "signor", "uncle", "baron", "duke", "earl",
               "cardinal", "pope", "monsignor", "msgr", "pak", "bapak", "ato"}
FEMALE_TITLES = {"mrs", "mrs.", "ms", "ms.", "miss", "mme", "mlle", "mademoiselle", "dame", "lady",
                 "madam", "madame", "queen", "princess", "sister", "mother", "frau", "señora",
                 "signora", "aunt", "baroness", "duchess", "doña", "ibu", "weizero",
                 "dra", "sra", "srta"}
GENDERED_NOUNS = {**dict.fromkeys(
    "chairwoman spokeswoman businesswoman congresswoman councilwoman actress mother wife "
    "daughter sister widow grandmother woman girl queen princess duchess countess "
    "sportswoman policewoman headmistress".split(), "f"), **dict.fromkeys(
    "chairman spokesman businessman congressman councilman father husband son "
    "brother widower grandfather man boy king prince duke sportsman policeman "
    "headmaster".split(), "m")}
GENDER_OF_WORD: dict[str, str] = {**GENDERED_NOUNS, **dict.fromkeys(MALE_TITLES, "m"),
                                  **dict.fromkeys(FEMALE_TITLES, "f")}

# Short forms of English given names -> the full names they can stand for: "Pat Carlineo" is
# "Patrick W. Carlineo", "Bill Clinton" is "William J. Clinton" when the text names both.
_DIMINUTIVES = """
bill billy will willie: william | bob bobby rob robbie: robert | dick rick rich richie: richard
jim jimmy jamie: james | mike mick mickey: michael | tom tommy: thomas | tony: anthony
joe joey: joseph | dan danny: daniel | dave davy: david | chris: christopher christine christina
steve: steven stephen | ed eddie: edward | ted teddy: edward theodore | ben: benjamin
sam: samuel samantha | pat: patrick patricia | liz beth betsy betty lizzie: elizabeth
kate katie kathy cathy: katherine catherine kathleen | jen jenny: jennifer
meg maggie peggy: margaret | sue susie: susan | nick: nicholas | alex: alexander alexandra
andy drew: andrew | matt: matthew | greg: gregory | jeff: jeffrey | jon: jonathan
josh: joshua | larry: lawrence | jerry: gerald jerome | chuck charlie: charles
hank: henry | harry: harold henry | fred freddie: frederick | al: albert alan alfred
ron ronnie: ronald | don donnie: donald | tim timmy: timothy | ken kenny: kenneth
doug: douglas | phil: philip phillip | vince: vincent | nate: nathan nathaniel | zach: zachary
abby: abigail | becky: rebecca | debbie deb: deborah | vicky: victoria | sandy: sandra
barb: barbara | cindy: cynthia | pam: pamela | mandy: amanda | jess: jessica | gabe: gabriel
manny: manuel | pete: peter | ray: raymond | walt: walter | gene: eugene | lou: louis
frank: francis franklin | tricia trish: patricia | nancy: ann anne | bert: albert herbert
"""
GIVEN_NAME_FORMS: dict[str, frozenset[str]] = {
    short: frozenset(full.split())
    for group in _DIMINUTIVES.replace("\n", "|").split("|") if group.strip()
    for shorts, full in [group.split(":")] for short in shorts.split()}
