package extract

import "strings"

// The word lists the rules read. They are small on purpose: each entry is a
// word news reports use to attribute speech, to name an office or to give a
// side, and a test sentence in rules_test.go uses most of them.

// cueClass is how strongly a verb marks speech.
type cueClass uint8

const (
	notCue    cueClass = iota
	speechCue          // said, told, warned: somebody spoke or wrote
	stanceCue          // believes, wants, expects: a held view the report attributes
)

// cues maps each form of a cue verb to its class.
var cues = map[string]cueClass{}

func addCues(class cueClass, forms string) {
	for _, f := range strings.Fields(forms) {
		cues[f] = class
	}
}

func init() {
	addCues(speechCue, `say says said saying tell tells told telling add adds added adding
		stress stresses stressed warn warns warned warning argue argues argued arguing
		claim claims claimed claiming state states stated note notes noted explain explains
		explained insist insists insisted announce announces announced acknowledge
		acknowledges acknowledged admit admits admitted declare declares declared assert
		asserts asserted write writes wrote tweet tweets tweeted ask asks asked suggest
		suggests suggested report reports reported reply replies replied respond responds
		responded comment comments commented confirm confirms confirmed deny denies denied
		recall recalls recalled predict predicts predicted promise promises promised vow
		vows vowed urge urges urged complain complains complained concede concedes conceded
		contend contends contended emphasize emphasizes emphasized emphasise emphasises
		emphasised maintain maintains maintained observe observes observed remark remarks
		remarked reiterate reiterates reiterated repeat repeats repeated mention mentions
		mentioned joke jokes joked quip quips quipped boast boasts boasted testify testifies
		testified criticize criticizes criticized criticise criticises criticised accuse
		accuses accused demand demands demanded propose proposes proposed pledge pledges
		pledged threaten threatens threatened shout shouted yelled cautioned caution
		cautions agreed agree agrees disagreed disputed disputes countered counters
		charged charges lamented laments conceded conclude concludes concluded indicated
		indicates revealed reveals disclosed discloses posted wrote told signaled signalled
		signals hinted hints recommended recommends advised advises alleged alleges
		announced proclaimed proclaims assured assures informed informs estimated estimates
		praised praises blasted blasts slammed slams called calls echoed echoes show shows
		showed shown find finds found continued continues scolded scolds mocked mocks
		argued conceded explained lamented wondered`)
	addCues(stanceCue, `believe believes believed think thinks thought hope hopes hoped
		expect expects expected fear fears feared want wants wanted feel feels felt know
		knows knew worry worries worried doubt doubts doubted consider considers considered
		see sees saw view views viewed insisting plan plans planned intend intends intended
		suspect suspects suspected wonder wonders wondered realize realizes realized
		recognize recognizes recognized understand understands understood assume assumes
		assumed agree`)
}

// cueNeedsComplement lists cues too common in other senses to count unless
// what follows looks like speech (that, a quote, a colon).
var cueNeedsComplement = set(`see sees saw know knows knew feel feels felt view views viewed
	consider considers considered called calls plan plans planned want wants wanted
	understand understands understood state states posted reports report show shows showed
	shown find finds found continued continues`)

// objects are words that may stand between a cue and what was said:
// "told reporters", "said in a statement", "told the daily".
var objects = set(`reporters journalists me us him her them supporters voters viewers
	listeners audiences crowd crowds audience lawmakers senators congress parliament
	interviewer host hosts press`)

// adverbials may stand between a speaker and the cue ("Lavrov also said",
// "Trump has repeatedly said") or after it ("said again").
var adverbials = set(`also has have had would will could might may did does do is was were
	be been being later then previously repeatedly recently reportedly once again even
	further publicly privately not never already often frequently first last still
	just only however clearly flatly bluntly quickly angrily openly formally separately
	initially earlier subsequently yet ultimately simply falsely correctly rightly wrongly
	told really truly actually apparently always deeply don't doesn't didn't don’t doesn’t
	didn’t won't won’t can't can’t couldn't couldn’t wouldn't wouldn’t reportedly
	genuinely certainly strongly firmly personally long privately`)

// titles are words of an office that precede a name ("Foreign Minister",
// "Sen.", "President-elect").
var titles = set(`president vice president-elect prime minister foreign deputy secretary
	state senator sen sens governor gov representative rep reps congressman congresswoman
	mr mrs ms miss dr ambassador spokesman spokeswoman spokesperson chairman chairwoman
	chair director general gen adviser advisor envoy nominee candidate leader chief head
	mayor judge justice attorney commissioner king queen pope former acting interim
	defense defence interior finance trade press white house speaker majority minority
	lt col colonel sgt admiral adm commander premier chancellor mp minister-president
	secretary-general presidential democratic republican gop campaign manager chairman
	of the national security counsel counselor director-general executive
	officer official officials rev reverend sheriff lawmaker activist author professor
	prof economist analyst strategist pollster businessman businesswoman billionaire
	host anchor correspondent editor founder ceo cfo coach sir lord lady dame
	presumptive frontrunner front-runner hopeful hopefuls rival nominees first lady
	u.s us american foreign-policy house-speaker assistant associate senior junior
	top special federal donor`)

// roleNouns are the nouns of a description that can stand for a person
// already named ("the minister", "the top Russian diplomat").
var roleNouns = set(`minister president secretary senator governor diplomat spokesman
	spokeswoman spokesperson ambassador envoy chancellor premier leader chief candidate
	nominee congressman congresswoman representative mayor official adviser advisor
	director chairman chairwoman chair negotiator general commander judge justice
	attorney king queen businessman businesswoman billionaire mogul frontrunner
	front-runner hopeful host anchor economist analyst professor activist author
	lawmaker commissioner sheriff founder executive ceo rival counterpart`)

// roleSynonyms lets a description match a role in other words.
var roleSynonyms = map[string][]string{
	"diplomat":   {"foreign minister", "secretary of state", "ambassador", "envoy", "foreign secretary"},
	"mogul":      {"businessman", "billionaire", "nominee", "candidate"},
	"lawmaker":   {"senator", "congressman", "congresswoman", "representative", "mp"},
	"negotiator": {"envoy", "minister", "secretary"},
	"candidate":  {"nominee", "hopeful"},
	"nominee":    {"candidate"},
}

// orgHeads end the name of an organisation, not a person ("Foreign
// Ministry", "Washington Post").
var orgHeads = set(`ministry department party agency post times news journal office
	council committee union house organization organisation association institute
	university campaign inc corp corporation company group government administration
	bank fund court commission foundation network channel tv radio press service
	services center centre school college federation alliance coalition league
	assembly parliament congress senate kremlin pentagon army navy police reuters
	interfax tass ap afp bloomberg cnn nbc abc cbs fox msnbc bbc npr politico breitbart
	times tribune herald gazette daily magazine review poll polls caucus board forces
	state states republic kingdom nations media group club team politics report
	study survey statement website site blog show program programme`)

// nationalities maps a nationality adjective (lower case) to its country.
var nationalities = map[string]string{
	"russian": "Russia", "american": "United States", "us": "United States", "u.s": "United States",
	"u.s.": "United States", "usa": "United States", "ukrainian": "Ukraine", "chinese": "China",
	"british": "United Kingdom", "uk": "United Kingdom", "french": "France", "german": "Germany",
	"italian": "Italy", "spanish": "Spain", "polish": "Poland", "turkish": "Turkey",
	"iranian": "Iran", "israeli": "Israel", "palestinian": "Palestine", "syrian": "Syria",
	"iraqi": "Iraq", "saudi": "Saudi Arabia", "japanese": "Japan", "korean": "Korea",
	"indian": "India", "pakistani": "Pakistan", "afghan": "Afghanistan", "canadian": "Canada",
	"mexican": "Mexico", "belarusian": "Belarus", "georgian": "Georgia", "swiss": "Switzerland",
	"dutch": "Netherlands", "belgian": "Belgium", "swedish": "Sweden", "finnish": "Finland",
	"norwegian": "Norway", "danish": "Denmark", "greek": "Greece", "hungarian": "Hungary",
	"czech": "Czech Republic", "austrian": "Austria", "egyptian": "Egypt", "qatari": "Qatar",
	"emirati": "United Arab Emirates", "cuban": "Cuba", "venezuelan": "Venezuela",
	"brazilian": "Brazil", "australian": "Australia", "lebanese": "Lebanon",
	"jordanian": "Jordan", "armenian": "Armenia", "azerbaijani": "Azerbaijan",
	"kazakh": "Kazakhstan", "serbian": "Serbia", "estonian": "Estonia", "latvian": "Latvia",
	"lithuanian": "Lithuania", "romanian": "Romania", "bulgarian": "Bulgaria",
	"moldovan": "Moldova", "taiwanese": "Taiwan", "vietnamese": "Vietnam",
	"european": "European Union", "eu": "European Union", "soviet": "Soviet Union",
	"irish": "Ireland", "portuguese": "Portugal", "croatian": "Croatia", "slovak": "Slovakia",
	"slovenian": "Slovenia", "libyan": "Libya", "yemeni": "Yemen", "ethiopian": "Ethiopia",
	"nigerian": "Nigeria", "kenyan": "Kenya", "south african": "South Africa",
	"north korean": "North Korea", "south korean": "South Korea", "kosovar": "Kosovo",
	"albanian": "Albania", "argentine": "Argentina", "colombian": "Colombia",
	"chilean": "Chile", "peruvian": "Peru", "indonesian": "Indonesia", "thai": "Thailand",
	"philippine": "Philippines", "filipino": "Philippines", "malaysian": "Malaysia",
}

// countries are names of states a possessive may give ("Russia's foreign
// minister"); nationalities' values are added at init.
var countries = map[string]string{
	"america": "United States", "united states": "United States", "britain": "United Kingdom",
	"united kingdom": "United Kingdom", "moscow": "Russia", "washington": "United States",
	"kyiv": "Ukraine", "kiev": "Ukraine", "beijing": "China", "london": "United Kingdom",
	"paris": "France", "berlin": "Germany", "brussels": "European Union",
}

// organisations map names of organisations and institutions to the party
// they stand for.
var organisations = map[string]string{
	"nato": "NATO", "eu": "European Union", "european union": "European Union",
	"un": "United Nations", "united nations": "United Nations", "osce": "OSCE",
	"kremlin": "Russia", "white house": "United States", "pentagon": "United States",
	"state department": "United States", "republican": "Republican Party",
	"republicans": "Republican Party", "gop": "Republican Party",
	"democrat": "Democratic Party", "democrats": "Democratic Party",
	"democratic": "Democratic Party", "g7": "G7", "g20": "G20", "who": "WHO",
	"iaea": "IAEA", "opec": "OPEC", "african union": "African Union", "asean": "ASEAN",
}

func init() {
	for _, c := range nationalities {
		countries[strings.ToLower(c)] = c
	}
}

// places are names that are not people even when they seem to speak:
// the American states and a few cities datelines start with.
var places = set(`alabama alaska arizona arkansas california colorado connecticut delaware
	florida georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine
	maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada
	ohio oklahoma oregon pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
	new-hampshire new-jersey new-mexico new-york north-carolina north-dakota south-carolina
	south-dakota rhode-island west-virginia las-vegas los-angeles san-francisco san-bernardino
	minneapolis chicago boston philadelphia atlanta houston dallas miami denver seattle
	cleveland detroit geneva vienna tokyo mexico-city hong-kong`)

// pronouns that can be a speaker, with their gender ('m', 'f', or 0 for any).
var pronouns = map[string]byte{"he": 'm', "she": 'f', "they": 0, "i": 0, "we": 0, "it": 'n', "you": 0,
	"he'd": 'm', "she'd": 'f', "they'd": 0, "i'd": 0, "we'd": 0, "you'd": 0,
	"he’d": 'm', "she’d": 'f', "they’d": 0, "i’d": 0, "we’d": 0, "you’d": 0}

// femaleNames and maleNames are first names common in news, to pick the
// right earlier person for "he" and "she". A name missing from both is
// taken as either.
var femaleNames = set(`hillary ann anne anna mary maria marie elizabeth jennifer sarah susan
	nancy karen lisa linda patricia barbara margaret jane kamala ursula angela theresa
	christine kellyanne melania ivanka chelsea michelle laura nikki sarah elizabeth
	carly jill debbie huma hope kate katie catherine kathleen jessica emily emma olivia
	sophia julia valentina maria irina olga natalia tatiana svetlana elena marina ana
	liz amy heidi kirsten tammy claire dianne diane barbara maxine nancy condoleezza
	madeleine samantha victoria helen frederica federica kaja annalena liz giorgia
	marine sanna jacinda kristalina janet gina katherine loretta sally hillary`)

var maleNames = set(`john james robert michael william david richard joseph thomas charles
	donald joe barack george bill mike mitt ted marco jeb ben chris rand paul bernie tim
	vladimir sergei sergey dmitry dmitri alexei alexander alexey anthony antony jake
	lloyd jens emmanuel olaf boris rishi keir xi wang volodymyr dmytro petro recep
	benjamin mahmoud ali hassan mohammed muhammad abdullah kim moon shinzo fumio justin
	jair narendra imran reince sean steve stephen corey kevin mitch harry newt rudy
	chuck lindsey john jim tom bob dick frank jack peter mark matt andrew brian eric
	scott jeff jason ryan gary larry jerry dennis roger henry arthur walter ronald
	mikhail nikolai yuri igor andrei ivan pavel maxim leonid viktor ramzan yevgeny
	heiko josep charles francois frank-walter ignazio mario giuseppe silvio pedro
	antonio luis carlos juan jose manuel`)

// abbreviations end in a period that does not end a sentence.
var abbreviations = set(`mr mrs ms dr sen sens rep reps gov gen lt col sgt adm st jr sr
	prof rev u.s u.n u.k e.u d.c jan feb mar apr jun jul aug sep sept oct nov dec
	no vs etc inc corp co ltd mt ft a.m p.m i.e e.g gop.`)

// stopWords end a noun phrase: a speaker is never across one of them.
var stopWords = set(`that which who whom whose and but or nor because while when where
	after before since if as than though although unless until in on at for with to by
	from into about over under between through during against without within upon
	this these those there here it its is was were are be been being has have had do
	does did not no yes so such very too also than then now what how why whether
	would will could should can may might must shall despite among amid like unlike
	including following per via toward towards beyond`)

// groupNouns are plural speakers that need no determiner: "officials
// said", "critics argue".
var groupNouns = set(`officials critics experts analysts sources aides people diplomats
	observers supporters opponents residents voters democrats republicans leaders
	lawmakers protesters witnesses investigators police prosecutors authorities
	scientists economists researchers polls surveys reports documents records data
	studies advocates activists organizers organisers strategists pollsters insiders
	allies members delegates officers staff staffers spokesmen historians journalists
	reporters americans russians ukrainians europeans negotiators ministers envoys
	governments parties ministries many most some others everyone everybody nobody few
	all both one none neither either anyone someone people`)

// determiners open a description ("the minister", "a spokesman").
var determiners = set(`the a an his her their its our my this that these those another`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}
